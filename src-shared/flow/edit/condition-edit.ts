import type { ConditionGroup, Rule } from '../conditions';

/** Where a rule sits in a condition tree: the index at each level, from the root group down. */
export type RulePath = readonly number[];

export type RuleType = Rule['type'];

/** A new rule of a type, with blank fields for the marketer to fill in. */
export function defaultRule(type: RuleType): Rule {
  switch (type) {
    case 'attribute':
      return { type, attribute: '', operator: 'equals', value: '' };
    case 'tag':
      return { type, operator: 'has', tag: '' };
    case 'segment':
      return { type, operator: 'in', segment: '' };
    case 'event':
      return { type, event: '', count: { operator: 'at_least', value: 1 }, properties: [] };
    case 'conversation':
      return { type, operator: 'has_open' };
    case 'message':
      return { type, operator: 'contains', value: '', caseSensitive: false };
    case 'group':
      return { type, match: 'all', rules: [] };
  }
}

/** The rule at a path, or undefined when the path leads nowhere. The empty path is the root. */
export function ruleAt(group: ConditionGroup, path: RulePath): Rule | undefined {
  let at: Rule = group;
  for (const index of path) {
    if (at.type !== 'group') return undefined;
    const next: Rule | undefined = at.rules[index];
    if (!next) return undefined;
    at = next;
  }
  return at;
}

/**
 * The tree with the rule at `path` replaced by what `change` returns (`null` removes it).
 * Untouched branches keep their identity, so React can skip them.
 *
 * @example updateRule(root, [1, 0], (rule) => ({ ...rule, tag: 'vip' }))
 */
export function updateRule(group: ConditionGroup, path: RulePath, change: (rule: Rule) => Rule | null): ConditionGroup {
  if (path.length === 0) {
    const next = change(group);
    return next && next.type === 'group' ? next : group;
  }
  const [index, ...rest] = path as [number, ...number[]];
  const child = group.rules[index];
  if (!child) return group;
  let replaced: Rule | null;
  if (rest.length === 0) replaced = change(child);
  else if (child.type === 'group') replaced = updateRule(child, rest, change);
  else return group;
  const rules = replaced === null ? group.rules.filter((_, i) => i !== index) : group.rules.map((rule, i) => (i === index ? replaced : rule));
  return { ...group, rules };
}

/** Appends a rule to the group at `path` (the root group for `[]`). */
export function appendRule(group: ConditionGroup, path: RulePath, rule: Rule): ConditionGroup {
  return updateRule(group, path, (target) => (target.type === 'group' ? { ...target, rules: [...target.rules, rule] } : target));
}

/** Removes the rule at `path`; the root itself cannot be removed. */
export function removeRule(group: ConditionGroup, path: RulePath): ConditionGroup {
  return path.length === 0 ? group : updateRule(group, path, () => null);
}

/** The validation field of a rule, as problems name it: `data.condition.rules[1].rules[0]`. */
export function ruleField(base: string, path: RulePath): string {
  return base + path.map((index) => `.rules[${index}]`).join('');
}
