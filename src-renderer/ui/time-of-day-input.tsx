import { useId, useState } from 'react';
import { parseTimeOfDay } from '../../src-shared/flow/index';

/** What a typed time means here: its "HH:mm" value, or what is wrong with it. */
export function readTimeOfDay(text: string, endOfDay: boolean): { value?: string; error?: string } {
  const parsed = parseTimeOfDay(text);
  if (!parsed.ok) return { error: parsed.message };
  if (!endOfDay && parsed.minutes === 1440) return { error: '24:00 is the end of the day, so nothing starts then: the latest is 23:59' };
  return { value: parsed.value };
}

/**
 * A typed "HH:MM" time of day (24-hour). `endOfDay` lets a closing time be "24:00", which a
 * browser's time picker cannot enter. What is typed stays as typed until it reads as a time;
 * a bad one says what is wrong right after the field, and only good ones reach `onCommit`.
 */
export function TimeOfDayInput({ id, label, ariaLabel, value, endOfDay = false, invalid = false, className = 'input input--mono', onCommit, onBlur }: { id?: string; label: string; ariaLabel?: string; value: string; endOfDay?: boolean; invalid?: boolean; className?: string; onCommit: (value: string) => void; onBlur?: () => void }) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const errorId = useId();
  // A change from outside (undo, regular hours restored) replaces the draft; our own commit does not.
  if (seen !== value) {
    setSeen(value);
    if (readTimeOfDay(draft, endOfDay).value !== value) setDraft(value);
  }
  const { error } = readTimeOfDay(draft, endOfDay);
  return (
    <>
      <input
        id={id}
        className={className}
        inputMode="numeric"
        placeholder="HH:MM"
        value={draft}
        aria-label={ariaLabel ?? (id ? undefined : label)}
        aria-invalid={Boolean(error) || invalid}
        aria-describedby={error ? errorId : undefined}
        spellCheck={false}
        onBlur={onBlur}
        onChange={(event) => {
          setDraft(event.target.value);
          const read = readTimeOfDay(event.target.value, endOfDay);
          if (read.value) onCommit(read.value);
        }}
      />
      {error && (
        <span id={errorId} className="time-error" role="alert">
          {label}: {error}
        </span>
      )}
    </>
  );
}
