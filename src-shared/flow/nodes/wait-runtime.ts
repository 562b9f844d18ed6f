import { addDuration, cachedWindow, localInstant, nextOpening } from '../../engine/calendar';
import { defineRuntime, TIMER_NEXT, type Arrival } from '../../engine/node-runtime';
import type { Millis } from '../../engine/types';
import { formatLocalTime } from '../../time/format';
import { formatDuration } from '../primitives';

/** Holds the user for a duration, until a date, until business hours or a daily window open; no wait when already there. */
export const waitRuntime = defineRuntime('wait', {
  starts: false,
  canWait: true,
  arrive: (flow, d, node): Arrival => {
    const c = flow.doc.campaign;
    const w = node.data.wait;
    let due: Millis | null;
    // What is waited for, in words: built only when explaining (population runs do not).
    let what: () => string;
    switch (w.mode) {
      case 'duration':
        due = addDuration(d.time, w.duration, c.timezone);
        what = () => `${formatDuration(w.duration)} (${c.timezone})`;
        break;
      case 'until': {
        const tz = w.timezone ?? c.timezone;
        due = w.at ? localInstant(w.at, tz) : null;
        due = due === null ? d.time : Math.max(d.time, due);
        what = () => `${w.at?.replace('T', ' ')} (${tz})`;
        break;
      }
      case 'business_hours': {
        const tz = w.clock === 'user' ? d.profile.timezone : (c.businessHours?.timezone ?? c.timezone);
        due = c.businessHours ? nextOpening(d.time, c.businessHours.intervals, tz) : d.time;
        what = () => `business hours (${tz})`;
        break;
      }
      case 'time_of_day': {
        const tz = w.clock === 'user' ? d.profile.timezone : c.timezone;
        due = nextOpening(d.time, cachedWindow(w.from, w.to, w.days), tz);
        what = () => `${w.from}-${w.to}${w.days.length ? ` on ${w.days.join(',')}` : ''} (${tz})`;
        break;
      }
    }
    if (due !== null && due <= d.time) return { kind: 'complete', handle: 'next', why: d.explain ? `no wait: ${what()} already open` : '' };
    return { kind: 'wait', due, why: d.explain ? `waiting for ${what()}${due === null ? ' (never)' : ` until ${formatLocalTime(due, c.timezone)}`}` : '' };
  },
  timer: TIMER_NEXT,
  chatwootStep: 'wait',
});
