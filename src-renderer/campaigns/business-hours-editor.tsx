import { officeHours, describeBusinessHours } from '../../src-shared/campaigns/index';
import { WEEKDAYS, type BusinessHours, type Weekday } from '../../src-shared/flow/index';
import { TimeOfDayInput } from '../ui/time-of-day-input';
import { allTimezones } from './workspace';

const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** A labelled time field of the hours; "24:00" only for the closing time. */
function TimeField({ label, value, endOfDay = false, onCommit }: { label: string; value: string; endOfDay?: boolean; onCommit: (value: string) => void }) {
  return (
    <label>
      <span>{label}</span>
      <TimeOfDayInput label={label} ariaLabel={`${label} at`} value={value} endOfDay={endOfDay} onCommit={onCommit} />
    </label>
  );
}

/**
 * Opening days with one opening time for all of them, in a timezone. Irregular hours from a
 * file (different times per day) are shown and can be replaced by regular ones.
 */
export function BusinessHoursEditor({ hours, timezone, onChange }: { hours: BusinessHours | null; timezone: string; onChange: (hours: BusinessHours | null, timezone: string) => void }) {
  const current = hours ?? officeHours();
  const first = current.intervals[0];
  const regular = current.intervals.every((iv) => iv.open === first?.open && iv.close === first?.close);
  const days = new Set(current.intervals.map((iv) => iv.day));
  const open = first?.open ?? '09:00';
  const close = first?.close ?? '17:00';
  const zone = current.timezone ?? timezone;
  const set = (next: { days?: Set<Weekday>; open?: string; close?: string }) => {
    const d = next.days ?? days;
    onChange({ ...(current.timezone ? { timezone: current.timezone } : {}), intervals: WEEKDAYS.filter((w) => d.has(w)).map((day) => ({ day, open: next.open ?? open, close: next.close ?? close })) }, timezone);
  };

  if (!regular) {
    return (
      <div className="hours hours--irregular">
        <p>
          Open {describeBusinessHours(current)} ({zone}).
        </p>
        <button type="button" className="button button--small" onClick={() => onChange(officeHours(), timezone)}>
          Use regular hours instead
        </button>
      </div>
    );
  }
  return (
    <div className="hours">
      <div className="hours__days" role="group" aria-label="Open on">
        {WEEKDAYS.map((day) => (
          <label key={day} className={`day-toggle${days.has(day) ? ' day-toggle--on' : ''}`}>
            <input
              type="checkbox"
              checked={days.has(day)}
              onChange={(event) => {
                const next = new Set(days);
                if (event.target.checked) next.add(day);
                else next.delete(day);
                set({ days: next });
              }}
            />
            {DAY_NAMES[day]}
          </label>
        ))}
      </div>
      <div className="hours__times">
        <TimeField label="Opens" value={open} onCommit={(value) => set({ open: value })} />
        <TimeField label="Closes" value={close} endOfDay onCommit={(value) => set({ close: value })} />
        <label className="hours__zone">
          <span>Timezone</span>
          <select
            className="input"
            value={zone}
            aria-label="Business hours timezone"
            onChange={(event) => {
              const { timezone: _old, ...rest } = current;
              onChange(rest, event.target.value);
            }}
          >
            {allTimezones().map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
