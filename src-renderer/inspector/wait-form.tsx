import { WEEKDAYS, type WaitSpec, type Weekday } from '../../src-shared/flow/index';
import { DurationInput } from './duration-input';
import { Field, Section, Segmented, Select, TextInput, useSettle } from './fields';
import type { NodeFormProps } from './form-types';
import { TimezoneInput } from './timezone-input';
import { TimeOfDayInput } from '../ui/time-of-day-input';

type Mode = WaitSpec['mode'];

const MODES: readonly (readonly [Mode, string])[] = [
  ['duration', 'For a time'],
  ['until', 'Until a date'],
  ['business_hours', 'Business hours'],
  ['time_of_day', 'Time of day'],
];

function specFor(mode: Mode): WaitSpec {
  switch (mode) {
    case 'duration':
      return { mode, duration: { amount: 1, unit: 'days' } };
    case 'until':
      return { mode, at: '' };
    case 'business_hours':
      return { mode, clock: 'campaign' };
    case 'time_of_day':
      return { mode, from: '09:00', to: '11:00', days: [], clock: 'user' };
  }
}

const CLOCKS = [
  ['user', "The user's timezone"],
  ['campaign', "The campaign's timezone"],
] as const;

/** How long users wait: a duration, until a date, or until a window opens. */
export function WaitForm({ node, update }: NodeFormProps<'wait'>) {
  const wait = node.data.wait;
  const set = (next: WaitSpec, gesture?: string) => update({ ...node.data, wait: next }, gesture);
  const settle = useSettle();
  return (
    <Section title="Wait">
      <Field label="Wait mode" field="data.wait.mode" exact>
        {(id) => <Select id={id} value={wait.mode} options={MODES} onChange={(mode) => mode !== wait.mode && set(specFor(mode))} />}
      </Field>
      {wait.mode === 'duration' && (
        <Field label="Wait for" field="data.wait.duration">
          {(id, invalid) => <DurationInput id={id} invalid={invalid} label="Wait" value={wait.duration} onChange={(duration, typing) => set({ ...wait, duration }, typing ? 'duration' : undefined)} />}
        </Field>
      )}
      {wait.mode === 'until' && (
        <>
          <Field label="Until" field="data.wait.at">
            {(id, invalid) => <TextInput id={id} type="datetime-local" invalid={invalid} value={wait.at} onChange={(at) => set({ ...wait, at: at.slice(0, 16) }, 'at')} />}
          </Field>
          <Field label="Timezone" field="data.wait.timezone" hint="Leave empty to use the campaign's timezone.">
            {(id, invalid) => (
              <TimezoneInput id={id} invalid={invalid} value={wait.timezone ?? ''} onChange={(tz) => set(tz ? { ...wait, timezone: tz } : { mode: 'until', at: wait.at }, 'timezone')} />
            )}
          </Field>
        </>
      )}
      {wait.mode === 'business_hours' && (
        <Field label="Whose clock" field="data.wait.clock">
          {(id) => <Select id={id} value={wait.clock} options={CLOCKS} onChange={(clock) => set({ ...wait, clock })} />}
        </Field>
      )}
      {wait.mode === 'time_of_day' && (
        <>
          <div className="field-row">
            <Field label="From" field="data.wait.from">
              {(id, invalid) => <TimeOfDayInput id={id} label="From" className="form-input" onBlur={settle} invalid={invalid} value={wait.from} onCommit={(from) => set({ ...wait, from }, 'from')} />}
            </Field>
            <Field label="To" field="data.wait.to">
              {(id, invalid) => <TimeOfDayInput id={id} label="To" endOfDay className="form-input" onBlur={settle} invalid={invalid} value={wait.to} onCommit={(to) => set({ ...wait, to }, 'to')} />}
            </Field>
          </div>
          <Field label="On days" field="data.wait.days" hint="No day chosen means every day.">
            {() => <DayPicker value={wait.days} onChange={(days) => set({ ...wait, days })} />}
          </Field>
          <Field label="Whose clock" field="data.wait.clock">
            {() => <Segmented label="Whose clock" value={wait.clock} options={[['user', 'User'], ['campaign', 'Campaign']]} onChange={(clock) => set({ ...wait, clock })} />}
          </Field>
        </>
      )}
    </Section>
  );
}

const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** Toggle buttons for weekdays, kept in week order. */
export function DayPicker({ value, onChange }: { value: readonly Weekday[]; onChange: (days: Weekday[]) => void }) {
  const on = new Set(value);
  return (
    <div className="day-picker" role="group" aria-label="Days">
      {WEEKDAYS.map((day) => (
        <button
          key={day}
          type="button"
          aria-pressed={on.has(day)}
          className={`day-picker__day${on.has(day) ? ' is-on' : ''}`}
          onClick={() => onChange(WEEKDAYS.filter((d) => (d === day ? !on.has(d) : on.has(d))))}
        >
          {DAY_NAMES[day]}
        </button>
      ))}
    </div>
  );
}
