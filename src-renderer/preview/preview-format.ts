import type { Tone } from '../ui/tone';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withDate}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}) });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}) });
    }
    formats.set(key, f);
  }
  return f;
}

/** "Tue 24 Nov, 14:00" on the clock of `timeZone`. */
export const formatWhen = (t: number, timeZone = 'UTC'): string => formatter(timeZone, true).format(t);
export const formatClock = (t: number, timeZone = 'UTC'): string => formatter(timeZone, false).format(t);
/**
 * Made on first use, not as the module loads: the page's first `Intl` formatter sets up ICU's
 * number data (~20-30 ms), and the editor opens without showing a count.
 */
/** 12,345: the app's one count format (ui/format.ts). */
export { formatCount } from '../ui/format';
export const percent = (part: number, whole: number): string => (whole ? `${Math.round((part / whole) * 100)}%` : '0%');

/** The names marketers read for engine outcomes. */
/** How a journey's state reads on a pill: finished well, left early, or still under way. */
export const OUTCOME_TONE = { ended: 'success', exited: 'warning', running: 'info' } as const satisfies Record<string, Tone>;

/** A step's outcome chip: a match or a reply went the hoped way; an exit, a timeout or an else did not. */
export const STEP_TONE: Partial<Record<string, Tone>> = { match: 'success', received: 'success', exited: 'warning', timeout: 'warning', else: 'warning' };

export const OUTCOME_LABELS: Record<string, string> = {
  next: 'Continued',
  waiting: 'Waiting',
  match: 'Matched',
  else: 'Did not match',
  received: 'Reply received',
  timeout: 'Timed out',
  end: 'End reached',
  ended: 'Journey ended',
  exited: 'Exited',
};

export const EVENT_LABELS: Record<string, string> = {
  'journey.start': 'entry',
  'clock.tick': 'timer',
  'user.messaged': 'message',
  'user.event': 'event',
  'user.page_visit': 'page visit',
  'user.attribute': 'attribute',
  'user.tag': 'tag',
  'user.segment': 'segment',
};

/** "Ended at “Drip finished”", "Exited: Upgraded to a paid plan", "Still in the journey". */
export function describeOutcome(status: string, reason: string | null, labelOf: (id: string) => string, exitName: (id: string) => string): string {
  if (status === 'running') return 'Still in the journey at the end of the period';
  if (status === 'exited') return `Exited: ${reason ? exitName(reason) : 'global exit'}`;
  if (reason?.startsWith('end:')) return `Ended at “${labelOf(reason.slice(4))}”`;
  return 'Completed: nothing left to do';
}
