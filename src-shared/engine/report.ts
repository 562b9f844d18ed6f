import { nodeDefinitions, outputsOf, stepName, type FlowDocument } from '../flow';
import { formatLocalTime } from '../time/format';
import type { PopulationResult } from './population';
import type { PreviewResult } from './preview';

/** One row per node for a statistics table (the CLI's `simulate` prints these). */
export interface NodeStatsRow {
  /** The node's id (for tools); people read `label` and `kind`. */
  node: string;
  label: string;
  /** The kind's title: "Send message". */
  kind: string;
  entered: number;
  /** "next 120, timeout 14". */
  completed: string;
  waitingNow: number;
  exitedByGlobalExit: number;
  exitedByEnd: number;
}

/** Per-node statistics as table rows, in document order. */
export function nodeStatsRows(doc: FlowDocument, r: PopulationResult): NodeStatsRow[] {
  return doc.nodes.map((n) => {
    const s = r.nodes[n.id]!;
    return {
      node: n.id,
      label: n.data.label ?? '',
      kind: nodeDefinitions[n.type].title,
      entered: s.entered,
      completed: Object.entries(s.completed)
        .map(([h, c]) => `${h} ${c}`)
        .join(', '),
      waitingNow: s.waitingNow,
      exitedByGlobalExit: s.exitedByGlobalExit,
      exitedByEnd: s.exitedByEnd,
    };
  });
}

/** Plain-text table of rows (columns padded; no colours). */
export function formatTable(rows: readonly Record<string, string | number>[]): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]!);
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ').trimEnd();
  return [line(keys), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join('\n');
}

/** The words people read for the engine's inputs (the preview's timeline uses the same). */
export const INPUT_WORDS: Readonly<Record<string, string>> = {
  'journey.start': 'entry',
  'clock.tick': 'timer',
  'user.messaged': 'message',
  'user.event': 'event',
  'user.visited': 'page visit',
  'user.attribute': 'attribute',
  'user.tagged': 'tag',
  'user.segment': 'segment',
};

const OUTCOME_WORDS: Readonly<Record<string, string>> = { waiting: 'waiting', end: 'end reached', ended: 'journey ended', exited: 'exited' };

/**
 * A preview as text for people, one step a line, in time order with refused entries among
 * them. Steps are named by label and kind and times read in the flow's timezone (ids and epoch
 * times stay in the JSON output):
 * `Mon 23 Nov 10:00  "Welcome" (Send message)  entry → Next  (email, new conversation: sent)`.
 */
export function formatTrace(doc: FlowDocument, p: Pick<PreviewResult, 'steps' | 'refused' | 'journeys'>): string {
  const tz = doc.campaign.timezone;
  const byId = new Map(doc.nodes.map((n) => [n.id, n] as const));
  const journeyNo = new Map(p.journeys.map((j, k) => [j.journeyId, k + 1] as const));
  const several = p.journeys.length > 1;
  const lines: { t: number; text: string }[] = p.steps.map((s) => {
    const node = byId.get(s.node);
    const handle = node ? outputsOf(node).find((h) => h.id === s.outcome)?.label : undefined;
    const outcome = handle ?? OUTCOME_WORDS[s.outcome] ?? s.outcome;
    const journey = several ? `journey ${journeyNo.get(s.journeyId) ?? '?'}  ` : '';
    return { t: s.t, text: `${journey}${node ? stepName(node) : 'the journey'}  ${INPUT_WORDS[s.event] ?? s.event} → ${outcome}${s.why ? `  (${s.why})` : ''}` };
  });
  for (const r of p.refused) lines.push({ t: r.at, text: `entry refused${r.why ? `  (${r.why})` : ''}` });
  // Stable: a refusal sorts after the steps of its instant, as the runner handles it after them.
  lines.sort((a, b) => a.t - b.t);
  return lines.map((l) => `${formatLocalTime(l.t, tz)}  ${l.text}`).join('\n');
}
