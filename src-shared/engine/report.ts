import type { FlowDocument } from '../flow';
import type { PopulationResult } from './population';
import type { PreviewStep } from './preview';

/** One row per node for a statistics table (the CLI's `simulate` prints these). */
export interface NodeStatsRow {
  node: string;
  label: string;
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
      kind: n.type,
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

/**
 * A preview trace as text, one step a line: "2026-11-23 09:00Z  u1:j1  w  journey.start → waiting  (waiting for 1 day …)".
 */
export function formatTrace(steps: readonly PreviewStep[]): string {
  return steps
    .map((s) => {
      const when = new Date(s.t).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
      return `${when}  ${s.journeyId}  ${s.node || '(journey)'}  ${s.event} → ${s.outcome}${s.why ? `  (${s.why})` : ''}`;
    })
    .join('\n');
}
