import type { FlowDocument, FlowNode } from '../flow';
import { generateFlow } from '../flow/generator';
import { createPrng } from '../random/prng';
import type { UserAction, UserProfile } from '../engine/types';

/** An instant from an ISO string, for readable test expectations. */
export const at = (iso: string): number => new Date(iso).getTime();

/** Monday 2026-11-23 09:00 UTC: a fixed start for journeys in tests. */
export const MONDAY_9 = at('2026-11-23T09:00:00Z');

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export function profile(over: Partial<UserProfile> = {}): UserProfile {
  return { id: 'u1', attributes: { first_name: 'Ada', plan: 'trial' }, tags: [], segments: [], timezone: 'UTC', ...over };
}

/** The entry event of builder and generated flows. */
export const signUp = (t: number): UserAction => ({ type: 'event', at: t, name: 'user.signed_up', properties: {} });

/**
 * A generated flow with extra fan-out edges: some `next` outputs also lead to a later node
 * (document order is topological in generated flows, so no cycle appears).
 */
export function randomFlow(nodes: number, seed: number): FlowDocument {
  const doc = generateFlow({ nodes, seed, joinRate: 0.2 });
  const rnd = createPrng(seed ^ 0x5eed);
  const edges = [...doc.edges];
  doc.nodes.forEach((n, i) => {
    if ((n.type === 'send' || n.type === 'wait' || n.type === 'assign') && i + 1 < doc.nodes.length && rnd.chance(0.3)) {
      const j = i + 1 + rnd.int(doc.nodes.length - i - 1);
      if (!edges.some((e) => e.source === n.id && e.target === doc.nodes[j]!.id)) edges.push({ id: `x${edges.length}`, source: n.id, sourceHandle: 'next', target: doc.nodes[j]!.id });
    }
  });
  const c = doc.campaign;
  if (rnd.chance(0.5)) c.outsideBusinessHours = 'wait';
  if (rnd.chance(0.3)) c.entryFrequency = { type: 'every_time' };
  if (rnd.chance(0.4)) c.globalExits = [...c.globalExits, { id: 'stop', name: 'Stop', condition: { type: 'group', match: 'any', rules: [{ type: 'message', operator: 'equals', value: 'stop', caseSensitive: false }] } }];
  if (rnd.chance(0.3)) c.audience = { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'plan', operator: 'not_equals', value: 'growth' }] };
  const withConditions = doc.nodes.map((n) =>
    n.type === 'inbound-message' && rnd.chance(0.5) ? { ...n, data: { ...n.data, condition: { type: 'group' as const, match: 'all' as const, rules: [{ type: 'message' as const, operator: 'contains' as const, value: 'yes', caseSensitive: false }] } } } : n,
  );
  // Some filters become random splits with the same handles, so property tests cover splits.
  const withSplits = withConditions.map((n): FlowNode => {
    if (n.type !== 'filter' || !rnd.chance(0.4)) return n;
    const match = 5 + rnd.int(91);
    return { id: n.id, type: 'split', position: n.position, data: { label: `Split ${n.id}`, branches: [{ id: 'match', label: 'A', percent: match }, { id: 'else', label: 'B', percent: 100 - match }] } };
  });
  // Some flows have a conversion goal, sometimes ending the journey, so property tests cover it.
  if (rnd.chance(0.4)) c.goal = { name: 'Opened', condition: { type: 'group', match: 'any', rules: [{ type: 'event', event: 'app.opened', count: { operator: 'at_least', value: 1 }, properties: [] }, { type: 'tag', operator: 'has', tag: 'vip' }] }, within: { amount: 3, unit: 'days' }, exit: rnd.chance(0.5) };
  return { ...doc, nodes: withSplits, edges };
}

/** A random script of user actions over `days` days from `start` (messages, events, tags, attributes). */
export function randomScript(seed: number, start: number, days: number): UserAction[] {
  const rnd = createPrng(seed);
  const out: UserAction[] = [signUp(start)];
  const n = rnd.int(12);
  for (let i = 0; i < n; i++) {
    const t = start + Math.floor(rnd.next() * days * DAY);
    const k = rnd.int(10);
    if (k < 5) out.push({ type: 'message', at: t, text: rnd.pick(['yes', 'no', 'stop', 'thanks']) });
    else if (k < 7) out.push({ type: 'attribute', at: t, name: 'plan', value: rnd.pick(['trial', 'starter', 'growth']) });
    else if (k < 8) out.push({ type: 'tag', at: t, tag: 'unsubscribed', present: true });
    else out.push({ type: 'event', at: t, name: rnd.pick(['user.signed_up', 'app.opened']), properties: {} });
  }
  return out;
}
