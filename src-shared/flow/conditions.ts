import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { Duration } from './primitives';

/**
 * Conditions are shared by filters, the audience, global exits and inbound-message matching:
 * a group matches `all` or `any` of its rules, and a rule may itself be a group.
 */
export const AttributeOperator = lazySchema(() => z.enum([
  'equals',
  'not_equals',
  'contains',
  'greater_than',
  'less_than',
  'exists',
  'not_exists',
  'in_list',
]));
export type AttributeOperator = z.infer<typeof AttributeOperator>;

export const Scalar = lazySchema(() => z.union([z.string(), z.number(), z.boolean()]));
export type Scalar = z.infer<typeof Scalar>;

export const AttributeRule = lazySchema(() => z.strictObject({
  type: z.literal('attribute'),
  attribute: z.string(),
  operator: AttributeOperator,
  value: z.union([Scalar, z.array(z.union([z.string(), z.number()]))]).optional(),
}));

/** A condition on a property of an event (used by event triggers and event rules). */
export const PropertyCondition = lazySchema(() => z.strictObject({
  property: z.string(),
  operator: AttributeOperator,
  value: z.union([Scalar, z.array(z.union([z.string(), z.number()]))]).optional(),
}));
export type PropertyCondition = z.infer<typeof PropertyCondition>;

export const TagRule = lazySchema(() => z.strictObject({
  type: z.literal('tag'),
  operator: z.enum(['has', 'has_not']),
  tag: z.string(),
}));

export const SegmentRule = lazySchema(() => z.strictObject({
  type: z.literal('segment'),
  operator: z.enum(['in', 'not_in']),
  segment: z.string(),
}));

export const CountOperator = lazySchema(() => z.enum(['at_least', 'at_most', 'exactly']));

export const EventRule = lazySchema(() => z.strictObject({
  type: z.literal('event'),
  event: z.string(),
  count: z.strictObject({ operator: CountOperator, value: z.number().int().min(0) }).default({ operator: 'at_least', value: 1 }),
  /** Only events within this window before the moment of evaluation count; no window = ever. */
  within: Duration.optional(),
  properties: z.array(PropertyCondition).default([]),
}));

export const ConversationRule = lazySchema(() => z.strictObject({
  type: z.literal('conversation'),
  operator: z.enum(['has_open', 'has_no_open']),
}));

export const MessageRule = lazySchema(() => z.strictObject({
  type: z.literal('message'),
  operator: z.enum(['contains', 'not_contains', 'matches', 'equals']),
  value: z.string(),
  caseSensitive: z.boolean().default(false),
}));

export type AttributeRule = z.infer<typeof AttributeRule>;
export type TagRule = z.infer<typeof TagRule>;
export type SegmentRule = z.infer<typeof SegmentRule>;
export type EventRule = z.infer<typeof EventRule>;
export type ConversationRule = z.infer<typeof ConversationRule>;
export type MessageRule = z.infer<typeof MessageRule>;

/** A group of rules; groups nest (a rule may itself be a group). */
export const ConditionGroup = lazySchema(() => z.strictObject({
  type: z.literal('group'),
  match: z.enum(['all', 'any']),
  get rules(): z.ZodArray<typeof Rule> {
    return z.array(Rule);
  },
}));

export const Rule = lazySchema(() => z.discriminatedUnion('type', [
  AttributeRule,
  TagRule,
  SegmentRule,
  EventRule,
  ConversationRule,
  MessageRule,
  ConditionGroup,
]));

export type ConditionGroup = z.infer<typeof ConditionGroup>;
export type Rule = z.infer<typeof Rule>;

/** An empty `all` group: matches everyone. */
export function emptyGroup(match: 'all' | 'any' = 'all'): ConditionGroup {
  return { type: 'group', match, rules: [] };
}

/** Every leaf rule in a group, depth first, with its path relative to the group. */
export function* leafRules(group: ConditionGroup, path = ''): Generator<{ rule: Exclude<Rule, ConditionGroup>; path: string }> {
  for (let i = 0; i < group.rules.length; i++) {
    const rule = group.rules[i]!;
    const here = `${path}.rules[${i}]`;
    if (rule.type === 'group') yield* leafRules(rule, here);
    else yield { rule, path: here };
  }
}

/** Short human reading of a condition, for node summaries: "plan = trial and has tag vip". */
export function describeCondition(group: ConditionGroup): string {
  if (group.rules.length === 0) return 'everyone';
  const parts = group.rules.map((rule): string => {
    switch (rule.type) {
      case 'group':
        return `(${describeCondition(rule)})`;
      case 'attribute':
        return describeComparison(rule.attribute, rule.operator, rule.value);
      case 'tag':
        return rule.operator === 'has' ? `tagged ${rule.tag}` : `not tagged ${rule.tag}`;
      case 'segment':
        return rule.operator === 'in' ? `in ${rule.segment}` : `not in ${rule.segment}`;
      case 'event':
        return `did ${rule.event}${rule.count.operator === 'at_least' && rule.count.value === 1 ? '' : ` ${rule.count.operator.replace('_', ' ')} ${rule.count.value}x`}`;
      case 'conversation':
        return rule.operator === 'has_open' ? 'has an open conversation' : 'has no open conversation';
      case 'message':
        return `message ${rule.operator.replace('_', ' ')} "${rule.value}"`;
    }
  });
  return parts.join(group.match === 'all' ? ' and ' : ' or ');
}

const OP_TEXT: Record<AttributeOperator, string> = {
  equals: '=',
  not_equals: '≠',
  contains: 'contains',
  greater_than: '>',
  less_than: '<',
  exists: 'is set',
  not_exists: 'is not set',
  in_list: 'in',
};

export function describeComparison(name: string, op: AttributeOperator, value: unknown): string {
  if (op === 'exists' || op === 'not_exists') return `${name} ${OP_TEXT[op]}`;
  const shown = Array.isArray(value) ? `[${value.join(', ')}]` : typeof value === 'string' ? `'${value}'` : String(value);
  return `${name} ${OP_TEXT[op]} ${shown}`;
}
