import type { AttributeOperator, PropertyCondition, Scalar } from '../../src-shared/flow/index';
import { ListInput, TextInput } from './fields';

type RuleValue = PropertyCondition['value'];

export const OPERATOR_OPTIONS: readonly (readonly [AttributeOperator, string])[] = [
  ['equals', 'equals'],
  ['not_equals', 'does not equal'],
  ['contains', 'contains'],
  ['greater_than', 'is greater than'],
  ['less_than', 'is less than'],
  ['exists', 'is set'],
  ['not_exists', 'is not set'],
  ['in_list', 'is one of'],
];

/** The value an operator expects, converted from what was there before (switching operators keeps it when it can). */
export function valueForOperator(operator: AttributeOperator, previous: RuleValue): RuleValue {
  if (operator === 'exists' || operator === 'not_exists') return undefined;
  if (operator === 'in_list') return Array.isArray(previous) ? previous : previous === undefined || previous === '' ? [] : [String(previous)];
  const single: Scalar | undefined = Array.isArray(previous) ? previous[0] : previous;
  if (operator === 'greater_than' || operator === 'less_than') {
    const n = Number(single);
    return single === undefined || single === '' || Number.isNaN(n) ? '' : n;
  }
  return single === undefined ? '' : String(single);
}

/** The comparison value of an attribute or event-property rule, shaped by its operator. */
export function ValueInput({ operator, value, onChange, label, invalid }: { operator: AttributeOperator; value: RuleValue; onChange: (value: RuleValue) => void; label: string; invalid?: boolean }) {
  if (operator === 'exists' || operator === 'not_exists') return null;
  if (operator === 'in_list') {
    return <ListInput label={label} invalid={invalid} value={Array.isArray(value) ? value : []} placeholder="starter, growth" onChange={onChange} />;
  }
  const text = value === undefined || Array.isArray(value) ? '' : String(value);
  const numeric = operator === 'greater_than' || operator === 'less_than';
  return (
    <TextInput
      label={label}
      invalid={invalid}
      value={text}
      placeholder={numeric ? '10' : 'value'}
      className="form-input form-input--compact"
      onChange={(typed) => {
        if (!numeric) return onChange(typed);
        const n = Number(typed);
        onChange(typed.trim() !== '' && !Number.isNaN(n) ? n : typed);
      }}
    />
  );
}
