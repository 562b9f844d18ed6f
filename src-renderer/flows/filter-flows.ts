import type { FlowRecord } from '../db/schema';

/** Case-insensitive match on name and kind; every word typed must match. */
export function filterFlows(flows: readonly FlowRecord[], query: string): FlowRecord[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...flows];
  return flows.filter((flow) => {
    const haystack = `${flow.name} ${flow.kind}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
