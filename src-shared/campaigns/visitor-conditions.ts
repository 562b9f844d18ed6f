import type { AttributeOperator, ConditionGroup, Scalar } from '../flow/conditions';

export type VisitorAttributes = Readonly<Record<string, Scalar>>;

/** What a visitor is known by before any conversation, for live-chat conditions. */
export interface VisitorFacts {
  attributes: VisitorAttributes;
  labels?: readonly string[];
  hasConversation?: boolean;
}

export interface VisitorAttributeInfo {
  key: string;
  label: string;
  type: 'text' | 'number' | 'boolean';
  /** Typical values, offered as suggestions. */
  values?: readonly string[];
}

/** The attributes the widget knows of a visitor (and the synthetic visitors carry). */
export const VISITOR_ATTRIBUTES: readonly VisitorAttributeInfo[] = [
  { key: 'country', label: 'Country', type: 'text', values: ['DE', 'US', 'FR', 'GB', 'IN', 'BR', 'JP'] },
  { key: 'language', label: 'Browser language', type: 'text', values: ['en', 'de', 'fr', 'pt', 'ja'] },
  { key: 'device', label: 'Device', type: 'text', values: ['desktop', 'mobile', 'tablet'] },
  { key: 'referrer', label: 'Came from', type: 'text', values: ['google', 'newsletter', 'linkedin', 'direct'] },
  { key: 'plan', label: 'Plan (signed-in visitors)', type: 'text', values: ['free', 'trial', 'pro'] },
  { key: 'visit_count', label: 'Number of visits', type: 'number' },
  { key: 'signed_in', label: 'Signed in', type: 'boolean' },
];

/**
 * Whether a visitor meets a live-chat campaign's conditions (`campaign.audience`): attribute
 * rules compare case-insensitively, label rules look at the visitor's labels, and conversation
 * rules at whether one exists. Rules the widget cannot know before a conversation (events,
 * segments, message content) do not match. No conditions: everyone.
 */
export function matchesVisitor(group: ConditionGroup | null, visitor: VisitorFacts): boolean {
  if (!group || group.rules.length === 0) return true;
  const results = group.rules.map((rule) => {
    switch (rule.type) {
      case 'group':
        return matchesVisitor(rule, visitor);
      case 'attribute':
        return compare(visitor.attributes[rule.attribute], rule.operator, rule.value);
      case 'tag':
        return (visitor.labels ?? []).includes(rule.tag) === (rule.operator === 'has');
      case 'conversation':
        return rule.operator === 'has_open' ? Boolean(visitor.hasConversation) : !visitor.hasConversation;
      default:
        return false;
    }
  });
  return group.match === 'all' ? results.every(Boolean) : results.some(Boolean);
}

function compare(actual: Scalar | undefined, op: AttributeOperator, expected: unknown): boolean {
  const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
  switch (op) {
    case 'exists':
      return actual !== undefined && actual !== '';
    case 'not_exists':
      return actual === undefined || actual === '';
    case 'equals':
      return actual !== undefined && norm(String(actual)) === norm(String(expected));
    case 'not_equals':
      return actual === undefined || norm(String(actual)) !== norm(String(expected));
    case 'contains':
      return actual !== undefined && String(norm(String(actual))).includes(String(norm(String(expected))));
    case 'greater_than':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'less_than':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case 'in_list':
      return actual !== undefined && Array.isArray(expected) && expected.some((v) => norm(String(v)) === norm(String(actual)));
  }
}
