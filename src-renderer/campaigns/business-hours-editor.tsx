import { useId, useState } from 'react';
import { officeHours, describeBusinessHours } from '../../src-shared/campaigns/index';
import { parseTimeOfDay, WEEKDAYS, type BusinessHours, type Weekday } from '../../src-shared/flow/index';
import { allTimezones } from './workspace';

const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/**
 * A typed "HH:MM" time (24-hour; "24:00" closes at the end of the day). What is typed stays as
 * typed until it reads as a time, and a bad time says what is wrong next to the field; the
 * hours change only with a good one.
 */
function TimeField({ label, value, endOfDay = false, onCommit }: { label: string; value: string; endOfDay?: boolean; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const errorId = useId();
  // A change from outside (regular hours restored) replaces the draft; our own commit does not.
  if (seen !== value) {
    setSeen(value);
    if (readTime(draft, endOfDay).value !== value) setDraft(value);
  }
  const { error } = readTime(draft, endOfDay);
  return (
    <label>
      <span>{label}</span>
      <input
        className="input input--mono"
        inputMode="numeric"
        placeholder="HH:MM"
        value={draft}
        aria-label={`${label} at`}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          const read = readTime(event.target.value, endOfDay);
          if (read.value) onCommit(read.value);
        }}
      />
      {error && (
        <span id={errorId} className="hours__error" role="alert">
          {label}: {error}
        </span>
      )}
    </label>
  );
}

function readTime(text: string, endOfDay: boolean): { value?: string; error?: string } {
  const parsed = parseTimeOfDay(text);
  if (!parsed.ok) return { error: parsed.message };
  if (!endOfDay && parsed.minutes === 1440) return { error: '24:00 is the end of the day, so nothing opens then: the latest opening time is 23:59' };
  return { value: parsed.value };
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
