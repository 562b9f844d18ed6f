import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from '../conditions';
import { appendRule, defaultRule, removeRule, ruleAt, ruleField, updateRule } from './condition-edit';

const tree = (): ConditionGroup => ({
  type: 'group',
  match: 'all',
  rules: [
    { type: 'tag', operator: 'has', tag: 'vip' },
    { type: 'group', match: 'any', rules: [{ type: 'segment', operator: 'in', segment: 'beta' }] },
  ],
});

describe('condition edits', () => {
  it('finds rules by path, root included', () => {
    expect(ruleAt(tree(), [])).toMatchObject({ type: 'group', match: 'all' });
    expect(ruleAt(tree(), [1, 0])).toMatchObject({ segment: 'beta' });
    expect(ruleAt(tree(), [0, 0])).toBeUndefined();
    expect(ruleAt(tree(), [5])).toBeUndefined();
  });

  it('replaces a nested rule and keeps untouched branches', () => {
    const before = tree();
    const after = updateRule(before, [1, 0], (rule) => ({ ...rule, segment: 'alpha' }) as typeof rule);
    expect(ruleAt(after, [1, 0])).toMatchObject({ segment: 'alpha' });
    expect(after.rules[0]).toBe(before.rules[0]);
    expect(ruleAt(before, [1, 0])).toMatchObject({ segment: 'beta' });
  });

  it('appends into nested groups and removes rules, never the root', () => {
    const added = appendRule(tree(), [1], defaultRule('conversation'));
    expect(ruleAt(added, [1, 1])).toEqual({ type: 'conversation', operator: 'has_open' });
    expect(removeRule(added, [1, 0]).rules[1]).toMatchObject({ rules: [{ type: 'conversation' }] });
    expect(removeRule(added, [])).toBe(added);
  });

  it('switches the match of a group', () => {
    const any = updateRule(tree(), [], (root) => ({ ...root, match: 'any' }) as typeof root);
    expect(any.match).toBe('any');
  });

  it('names fields as validation does', () => {
    expect(ruleField('data.condition', [1, 0])).toBe('data.condition.rules[1].rules[0]');
    expect(ruleField('globalExits[0].condition', [])).toBe('globalExits[0].condition');
  });

  it('makes default rules that parse', () => {
    for (const type of ['attribute', 'tag', 'segment', 'event', 'conversation', 'message', 'group'] as const) {
      expect(defaultRule(type).type).toBe(type);
    }
  });
});
