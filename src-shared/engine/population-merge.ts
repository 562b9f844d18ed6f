import { emptyPopulation, type PopulationResult } from './population';
import { TraceStore } from './trace-store';

/**
 * Merges the results of user slices (`runPopulation(doc, spec, { from, to })`, e.g. one per
 * worker thread) into the result of the whole run: counts add up, traces are appended in
 * slice order. Give the parts in the order of their slices.
 */
export function mergePopulations(parts: readonly PopulationResult[]): PopulationResult {
  const [first, ...rest] = parts;
  if (!first) throw new Error('mergePopulations needs at least one part');
  const traces = new TraceStore(first.traces.start, first.traces.nodeIds);
  const out = emptyPopulation(traces, []);
  for (const p of [first, ...rest]) {
    out.users += p.users;
    out.journeys += p.journeys;
    out.cancelled ||= p.cancelled;
    for (const k of ['running', 'ended', 'exited'] as const) out.outcomes[k] += p.outcomes[k];
    for (const [id, n] of Object.entries(p.exits)) out.exits[id] = (out.exits[id] ?? 0) + n;
    out.converted += p.converted;
    for (const [node, by] of Object.entries(p.convertedBy)) {
      const o = (out.convertedBy[node] ??= {});
      for (const [h, n] of Object.entries(by)) o[h] = (o[h] ?? 0) + n;
    }
    for (const [id, s] of Object.entries(p.nodes)) {
      const o = out.nodes[id]!;
      o.entered += s.entered;
      o.waitingNow += s.waitingNow;
      o.exitedByGlobalExit += s.exitedByGlobalExit;
      o.exitedByEnd += s.exitedByEnd;
      for (const [h, n] of Object.entries(s.completed)) o.completed[h] = (o.completed[h] ?? 0) + n;
    }
    for (const [ch, days] of Object.entries(p.messagesByDay)) {
      const o = (out.messagesByDay[ch] ??= days.map(() => 0));
      days.forEach((n, i) => (o[i]! += n));
    }
    traces.append(p.traces);
  }
  return out;
}
