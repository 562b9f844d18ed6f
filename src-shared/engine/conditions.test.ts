import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from '../flow';
import { profile } from '../testing/engine-builders';
import { compare, evaluateCondition, type ConditionEnv } from './conditions';

const NOW = Date.UTC(2026, 10, 23, 12);
const env = (over: Partial<ConditionEnv> = {}): ConditionEnv => ({
  profile: profile({ attributes: { plan: 'pro', seats: 12 }, tags: ['vip'], segments: ['beta'] }),
  events: [
    { name: 'app.opened', at: NOW - 3 * 86_400_000, properties: { device: 'ios' } },
    { name: 'app.opened', at: NOW - 3_600_000, properties: { device: 'web' } },
  ],
  conversations: [],
  message: null,
  now: NOW,
  ...over,
});
const group = (match: 'all' | 'any', rules: ConditionGroup['rules']): ConditionGroup => ({ type: 'group', match, rules });

describe('evaluateCondition', () => {
  it('explains every rule with the values seen', () => {
    const g = group('all', [
      { type: 'attribute', attribute: 'plan', operator: 'equals', value: 'trial' },
      { type: 'attribute', attribute: 'seats', operator: 'greater_than', value: 10 },
      { type: 'tag', operator: 'has', tag: 'vip' },
    ]);
    expect(evaluateCondition(g, env(), true)).toEqual({ matched: false, why: "plan = 'trial' ✗ (seen 'pro') and seats > 10 ✓ (seen 12) and tagged vip ✓" });
    expect(evaluateCondition(g, env(), false)).toEqual({ matched: false, why: '' });
  });

  it('counts events within a window and with property conditions', () => {
    const within = group('all', [{ type: 'event', event: 'app.opened', count: { operator: 'at_least', value: 2 }, within: { amount: 1, unit: 'days' }, properties: [] }]);
    expect(evaluateCondition(within, env(), true)).toEqual({ matched: false, why: 'did app.opened at least 2x ✗ (seen 1x)' });
    const ios = group('all', [{ type: 'event', event: 'app.opened', count: { operator: 'exactly', value: 1 }, properties: [{ property: 'device', operator: 'equals', value: 'ios' }] }]);
    expect(evaluateCondition(ios, env(), true).matched).toBe(true);
  });

  it('nests groups and matches any', () => {
    const g = group('any', [{ type: 'segment', operator: 'in', segment: 'gamma' }, group('all', [{ type: 'conversation', operator: 'has_no_open' }])]);
    expect(evaluateCondition(g, env(), true)).toEqual({ matched: true, why: 'in gamma ✗ or (has no open conversation ✓)' });
  });

  it('reads the message being handled, regex and case rules included', () => {
    const stop = group('all', [{ type: 'message', operator: 'matches', value: '^\\s*(stop|unsubscribe)\\s*$', caseSensitive: false }]);
    expect(evaluateCondition(stop, env({ message: ' STOP ' }), false).matched).toBe(true);
    expect(evaluateCondition(stop, env({ message: 'stop it' }), false).matched).toBe(false);
    expect(evaluateCondition(stop, env(), true).why).toContain('(seen nothing)');
  });

  it('compares values', () => {
    expect(compare(undefined, 'not_exists', undefined)).toBe(true);
    expect(compare('growth', 'in_list', ['starter', 'growth'])).toBe(true);
    expect(compare('Hello World', 'contains', 'world')).toBe(true);
    expect(compare(undefined, 'not_equals', 'x')).toBe(true);
    expect(compare('5', 'less_than', 10)).toBe(true);
  });
});
