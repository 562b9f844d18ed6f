import { jsonPath, type Problem } from './problems';

/** Condition groups nest at most this deep: deeper trees are unreadable and would exhaust the stack. */
export const MAX_CONDITION_DEPTH = 32;

/** Any JSON in a flow file nests at most this deep (a real flow needs about 12 plus its condition groups). */
export const MAX_JSON_DEPTH = 128;

const isGroup = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'group' && Array.isArray((v as { rules?: unknown }).rules);

/**
 * Nesting the schema must never recurse into: condition groups deeper than
 * {@link MAX_CONDITION_DEPTH} and JSON deeper than {@link MAX_JSON_DEPTH}, each located at the
 * first place it happens. Walks the parsed value with an explicit stack, so a hostile file of
 * any depth is measured without recursion; the importer refuses the file before parsing it further.
 */
export function nestingProblems(raw: unknown, limit = 10): Problem[] {
  const out: Problem[] = [];
  const stack: { value: unknown; path: PropertyKey[]; depth: number; groups: number }[] = [{ value: raw, path: [], depth: 0, groups: 0 }];
  while (stack.length && out.length < limit) {
    const { value, path, depth, groups: outer } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    const groups = outer + (isGroup(value) ? 1 : 0);
    if (groups > MAX_CONDITION_DEPTH) {
      out.push({ severity: 'error', code: 'condition.too-deep', message: `Condition groups nest more than ${MAX_CONDITION_DEPTH} deep here; at most ${MAX_CONDITION_DEPTH} are allowed. Flatten the rules into fewer groups.`, path: jsonPath(path) });
      continue;
    }
    if (depth >= MAX_JSON_DEPTH) {
      out.push({ severity: 'error', code: 'json.too-deep', message: `The file nests objects and arrays more than ${MAX_JSON_DEPTH} deep here; a flow never needs that many.`, path: jsonPath(path) });
      continue;
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    // Pushed in reverse, so problems come out in document order.
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]], depth: depth + 1, groups });
  }
  return out;
}

/** How deep a condition tree nests (1 for a group of plain rules), measured without recursion. */
export function conditionDepth(group: unknown): number {
  let max = 0;
  const stack: { value: unknown; groups: number }[] = [{ value: group, groups: 0 }];
  while (stack.length) {
    const { value, groups } = stack.pop()!;
    if (!isGroup(value)) continue;
    max = Math.max(max, groups + 1);
    if (groups + 1 > MAX_CONDITION_DEPTH) continue;
    for (const rule of (value as { rules: unknown[] }).rules) stack.push({ value: rule, groups: groups + 1 });
  }
  return max;
}
