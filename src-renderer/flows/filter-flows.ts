import type { FlowSummary } from '../db/schema';

/** Case-insensitive match on name and kind; every word typed must match. */
export function filterFlows(flows: readonly FlowSummary[], query: string): FlowSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...flows];
  return flows.filter((flow) => {
    const haystack = `${flow.name} ${flow.kind}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export type FlowSort = 'updated' | 'name' | 'created';

/** The list in the chosen order: most recently updated or created first, or by name A–Z. */
export function sortFlows(flows: readonly FlowSummary[], sort: FlowSort): FlowSummary[] {
  const byName = (a: FlowSummary, b: FlowSummary) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
  const copy = [...flows];
  if (sort === 'name') return copy.sort((a, b) => byName(a, b) || b.updatedAt - a.updatedAt);
  if (sort === 'created') return copy.sort((a, b) => (b.createdAt ?? b.updatedAt) - (a.createdAt ?? a.updatedAt) || byName(a, b));
  return copy.sort((a, b) => b.updatedAt - a.updatedAt || byName(a, b));
}
