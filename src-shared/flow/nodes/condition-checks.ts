import type { ConditionGroup, Rule } from '../conditions';
import type { NodeProblem } from '../problems';
import { conditionDepth, MAX_CONDITION_DEPTH } from '../nesting';

export interface ConditionCheckOptions {
  /** Message-content rules only make sense where a message is being looked at. */
  allowMessage: boolean;
}

/** Problems in a condition tree; `field` is the path of the group (e.g. `data.condition`). */
export function conditionProblems(group: ConditionGroup, field: string, opts: ConditionCheckOptions): NodeProblem[] {
  const out: NodeProblem[] = [];
  // Built in the editor, a tree can still grow too deep: say so rather than walk it.
  if (conditionDepth(group) > MAX_CONDITION_DEPTH) {
    return [{ severity: 'error', code: 'condition.too-deep', message: `Condition groups nest more than ${MAX_CONDITION_DEPTH} deep; at most ${MAX_CONDITION_DEPTH} are allowed. Flatten the rules into fewer groups.`, field }];
  }
  walk(group, field, opts, out, true);
  return out;
}

function walk(group: ConditionGroup, field: string, opts: ConditionCheckOptions, out: NodeProblem[], root: boolean): void {
  if (!root && group.rules.length === 0) {
    out.push({ severity: 'warning', code: 'condition.empty-group', message: 'This group of rules is empty and is ignored.', field });
  }
  group.rules.forEach((rule, i) => {
    const here = `${field}.rules[${i}]`;
    if (rule.type === 'group') walk(rule, here, opts, out, false);
    else checkRule(rule, here, opts, out);
  });
}

const needsValue = new Set(['equals', 'not_equals', 'contains', 'greater_than', 'less_than', 'in_list']);

function checkRule(rule: Exclude<Rule, ConditionGroup>, field: string, opts: ConditionCheckOptions, out: NodeProblem[]): void {
  const error = (code: string, message: string, sub = '') => out.push({ severity: 'error', code, message, field: field + sub });
  switch (rule.type) {
    case 'attribute':
      if (!rule.attribute.trim()) error('condition.missing-attribute', 'Choose which attribute this rule looks at.', '.attribute');
      checkComparison(rule.operator, rule.value, error);
      return;
    case 'tag':
      if (!rule.tag.trim()) error('condition.missing-tag', 'Choose a tag for this rule.', '.tag');
      return;
    case 'segment':
      if (!rule.segment.trim()) error('condition.missing-segment', 'Choose a segment for this rule.', '.segment');
      return;
    case 'event':
      if (!rule.event.trim()) error('condition.missing-event', 'Name the event this rule counts.', '.event');
      rule.properties.forEach((p, i) => {
        if (!p.property.trim()) error('condition.missing-property', 'Name the event property this condition looks at.', `.properties[${i}].property`);
        checkComparison(p.operator, p.value, (code, message, sub = '') => error(code, message, `.properties[${i}]${sub}`));
      });
      return;
    case 'conversation':
      return;
    case 'message':
      if (!opts.allowMessage) {
        error('condition.message-not-here', 'Message content can only be checked where a message arrives (inbound message, global exits).');
      }
      if (!rule.value) error('condition.missing-value', 'Enter the text to look for in the message.', '.value');
      if (rule.operator === 'matches') {
        try {
          new RegExp(rule.value);
        } catch (e) {
          error('condition.invalid-regex', `This pattern is not a valid regular expression: ${(e as Error).message}`, '.value');
        }
      }
      return;
  }
}

function checkComparison(operator: string, value: unknown, error: (code: string, message: string, sub?: string) => void): void {
  if (!needsValue.has(operator)) return;
  if (value === undefined || value === '') {
    error('condition.missing-value', 'Enter the value to compare with.', '.value');
  } else if (operator === 'in_list' && !Array.isArray(value)) {
    error('condition.expected-list', '"In list" needs a list of values.', '.value');
  } else if (operator !== 'in_list' && Array.isArray(value)) {
    error('condition.unexpected-list', 'Only "in list" compares with a list; use one value here.', '.value');
  } else if ((operator === 'greater_than' || operator === 'less_than') && typeof value !== 'number') {
    error('condition.expected-number', '"Greater than" and "less than" compare numbers.', '.value');
  }
}
