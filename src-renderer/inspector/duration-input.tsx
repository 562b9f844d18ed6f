import type { Duration, DurationUnit } from '../../src-shared/flow/index';
import { NumberInput, Select } from './fields';

const UNITS: readonly (readonly [DurationUnit, string])[] = [
  ['minutes', 'minutes'],
  ['hours', 'hours'],
  ['days', 'days'],
  ['weeks', 'weeks'],
];

/** "2 days": an amount and a unit. `typing` is true for keystrokes in the amount. */
export function DurationInput({ id, value, onChange, compact, invalid, label = 'Duration' }: { id?: string; value: Duration; onChange: (value: Duration, typing: boolean) => void; compact?: boolean; invalid?: boolean; label?: string }) {
  return (
    <span className={`duration${compact ? ' duration--compact' : ''}`}>
      <NumberInput id={id} label={`${label} amount`} className={`form-input form-input--number${compact ? ' form-input--compact' : ''}`} invalid={invalid} value={value.amount} max={100_000} onChange={(amount) => onChange({ ...value, amount }, true)} />
      <Select label={`${label} unit`} className={`form-select${compact ? ' form-select--compact' : ''}`} value={value.unit} options={UNITS} onChange={(unit) => onChange({ ...value, unit }, false)} />
    </span>
  );
}
