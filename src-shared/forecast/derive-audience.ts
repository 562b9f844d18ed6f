import { durationSeconds, type ConditionGroup, type FlowDocument, type MessageRule, type Rule, type Scalar } from '../flow';
import type { AttributeDistribution, AudienceModel, ReplyBehaviour } from './audience-model';

/** What a flow says about the attributes it tests: the values, thresholds and existence checks. */
interface AttributeMentions {
  values: Scalar[];
  thresholds: number[];
  existence: boolean;
}

/** Everything a flow mentions that an audience should contain for its branches to be reachable. */
export interface FlowMentions {
  attributes: Map<string, AttributeMentions>;
  tags: Set<string>;
  segments: Set<string>;
  events: Set<string>;
  /** Send node id → the "wait for reply" steps right after it: their message rules and timeout. */
  awaitedReplies: Map<string, { rules: MessageRule[][]; timeoutMinutes: number | null }>;
}

const GENERIC_REPLIES = ['thanks', 'yes', 'later', 'help'];
/** Candidate texts tried against `matches` rules (regexes cannot be inverted in general). */
const SAMPLES = ['ana@example.com', 'Ana', 'yes', 'no', '12345', '+44 20 7946 0958', 'https://example.com', 'stop'];

/**
 * The audience a new flow forecasts with before the marketer describes theirs: every value,
 * tag, segment and event the flow's audience, filters, waits and exits mention is present in a
 * share of users, and replies to a message followed by a "wait for reply" often satisfy it. So
 * each branch of a flow is reachable without any setup, which the fixed synthetic population
 * could not promise (a `plan = pro` filter forecast 0).
 */
export function deriveAudience(doc: FlowDocument, size = 10_000): AudienceModel {
  const m = flowMentions(doc);
  const attributes: Record<string, AttributeDistribution> = { first_name: { Ada: 1, Grace: 1, Alan: 1, Linus: 1, Margaret: 1 } };
  for (const [name, a] of m.attributes) attributes[name] = distributionFor(name, a);
  const share = (names: Set<string>) => Object.fromEntries([...names].map((n) => [n, 0.3]));
  const timezones: Record<string, number> = { UTC: 2, 'America/New_York': 1, 'Asia/Tokyo': 1 };
  timezones[doc.campaign.timezone] = 6;
  const repliesByStep: Record<string, ReplyBehaviour> = {};
  for (const [send, awaited] of m.awaitedReplies) {
    const matching = [...new Set(awaited.rules.flatMap((rules) => samplesFor(rules)))];
    // Half the replies satisfy what the next step waits for, half are small talk; replies come
    // well within the step's timeout, as people answering a live conversation do.
    const generic = GENERIC_REPLIES.map((text) => ({ text, weight: matching.length ? 0.5 / GENERIC_REPLIES.length : 1 }));
    const texts = [...matching.map((text) => ({ text, weight: 0.5 / matching.length })), ...generic];
    const delayMinutes = awaited.timeoutMinutes === null ? 120 : Math.min(120, Math.max(1, awaited.timeoutMinutes / 4));
    repliesByStep[send] = { probability: 0.5, delayMinutes, texts };
  }
  const model: AudienceModel = {
    name: `Derived from "${doc.campaign.name}"`,
    size,
    attributes,
    timezones,
    replies: { probability: 0.3, delayMinutes: 120, texts: GENERIC_REPLIES.map((text) => ({ text, weight: 1 })) },
  };
  if (m.tags.size) model.tags = share(m.tags);
  if (m.segments.size) model.segments = share(m.segments);
  if (m.events.size) model.events = Object.fromEntries([...m.events].map((e) => [e, { perDay: 0.02 }]));
  if (Object.keys(repliesByStep).length) model.repliesByStep = repliesByStep;
  return model;
}

/** Walks the flow's conditions (audience, filters, waits, exits) and collects what they test. */
export function flowMentions(doc: FlowDocument): FlowMentions {
  const m: FlowMentions = { attributes: new Map(), tags: new Set(), segments: new Set(), events: new Set(), awaitedReplies: new Map() };
  const groups: ConditionGroup[] = [];
  if (doc.campaign.audience) groups.push(doc.campaign.audience);
  for (const x of doc.campaign.globalExits) groups.push(x.condition);
  for (const n of doc.nodes) collectGroups(n.data, groups);
  // An explicit stack: documents come from users, so no recursion on their nesting.
  const stack: Rule[] = groups.flatMap((g) => g.rules);
  while (stack.length) {
    const r = stack.pop()!;
    if (r.type === 'group') stack.push(...r.rules);
    else if (r.type === 'attribute') noteAttribute(m, r.attribute, r.operator, r.value);
    else if (r.type === 'tag') m.tags.add(r.tag);
    else if (r.type === 'segment') m.segments.add(r.segment);
    else if (r.type === 'event') m.events.add(r.event);
  }
  if (doc.campaign.trigger.type === 'event') m.events.delete(doc.campaign.trigger.event);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  // Edges by target, once: scanning every edge per reply step took ~90 ms on a 5,000-step flow.
  const into = new Map<string, FlowDocument['edges'][number][]>();
  for (const e of doc.edges) {
    const list = into.get(e.target);
    if (list) list.push(e);
    else into.set(e.target, [e]);
  }
  for (const n of doc.nodes) {
    if (n.type !== 'inbound-message') continue;
    const rules = n.data.condition ? messageRules(n.data.condition) : [];
    const timeout = n.data.timeout ? durationSeconds(n.data.timeout) / 60 : null;
    for (const send of sendsBefore(into, n.id, byId)) {
      const a = m.awaitedReplies.get(send) ?? { rules: [], timeoutMinutes: null };
      if (rules.length) a.rules.push(rules);
      if (timeout !== null) a.timeoutMinutes = a.timeoutMinutes === null ? timeout : Math.min(a.timeoutMinutes, timeout);
      m.awaitedReplies.set(send, a);
    }
  }
  return m;
}

function collectGroups(data: unknown, out: ConditionGroup[]): void {
  if (typeof data !== 'object' || data === null) return;
  for (const v of Object.values(data)) {
    if (typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'group' && Array.isArray((v as { rules?: unknown }).rules)) out.push(v as ConditionGroup);
  }
}

function noteAttribute(m: FlowMentions, name: string, op: string, value: unknown): void {
  const a = m.attributes.get(name) ?? { values: [], thresholds: [], existence: false };
  m.attributes.set(name, a);
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (op === 'exists' || op === 'not_exists') a.existence = true;
  else if ((op === 'greater_than' || op === 'less_than') && typeof value === 'number') a.thresholds.push(value);
  else for (const v of values) if (!a.values.includes(v as Scalar)) a.values.push(v as Scalar);
}

function distributionFor(name: string, a: AttributeMentions): AttributeDistribution {
  const missing = a.existence ? { missing: 0.5 } : {};
  if (a.values.length) {
    const values = a.values.map((value) => ({ value, weight: 1 }));
    // One value the flow does not mention, so its "else" branches are reachable too.
    if (a.values.every((v) => typeof v === 'string') && !a.values.includes('other')) values.push({ value: 'other', weight: 1 });
    return { values, ...missing };
  }
  if (a.thresholds.length) {
    const lo = Math.min(0, ...a.thresholds.map((t) => 2 * t));
    const hi = Math.max(1, ...a.thresholds.map((t) => 2 * t));
    return { min: lo, max: hi, ...(a.thresholds.every(Number.isInteger) ? { integer: true } : {}), ...missing };
  }
  return { values: [{ value: /mail/i.test(name) ? 'ana@example.com' : 'yes', weight: 1 }], missing: 0.5 };
}

function messageRules(group: ConditionGroup): MessageRule[] {
  // Only an `all` group's own message rules describe one reply; `any` groups: each rule alone.
  return group.rules.filter((r): r is MessageRule => r.type === 'message');
}

/** Texts that satisfy every one of `rules` (all of them apply to the same reply). */
function samplesFor(rules: MessageRule[]): string[] {
  const candidates = [...rules.filter((r) => r.operator === 'contains' || r.operator === 'equals').map((r) => r.value), ...SAMPLES];
  return candidates.filter((text) => rules.every((r) => satisfies(r, text))).slice(0, 2);
}

function satisfies(r: MessageRule, text: string): boolean {
  const t = r.caseSensitive ? text : text.toLowerCase();
  const v = r.caseSensitive ? r.value : r.value.toLowerCase();
  if (r.operator === 'contains') return t.includes(v);
  if (r.operator === 'not_contains') return !t.includes(v);
  if (r.operator === 'equals') return t.trim() === v.trim();
  try {
    return new RegExp(r.value, r.caseSensitive ? '' : 'i').test(text);
  } catch {
    return false;
  }
}

/** The send steps whose message a "wait for reply" answers: the nearest sends upstream of it. */
function sendsBefore(into: Map<string, FlowDocument['edges'][number][]>, target: string, byId: Map<string, FlowDocument['nodes'][number]>): string[] {
  const found: string[] = [];
  const seen = new Set<string>([target]);
  let frontier = [target];
  for (let depth = 0; depth < 4 && frontier.length; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of into.get(id) ?? []) {
        if (seen.has(e.source)) continue;
        seen.add(e.source);
        if (byId.get(e.source)?.type === 'send') found.push(e.source);
        else next.push(e.source);
      }
    }
    frontier = next;
  }
  return found;
}
