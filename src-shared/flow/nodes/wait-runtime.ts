import { addDuration, cachedWindow, localInstant, nextOpening } from '../../engine/calendar';
import { defineRuntime, TIMER_NEXT, type Arrival } from '../../engine/node-runtime';
import type { Millis } from '../../engine/types';
import { formatLocalTime } from '../../time/format';
import { formatDuration } from '../primitives';
import type { NodeOfKind } from './index';

/** Holds the user for a duration, until a date, until business hours or a daily window open; no wait when already there. */
export const waitRuntime = defineRuntime('wait', {
  starts: false,
  canWait: true,
  arrive: (flow, d, node): Arrival => {
    const c = flow.doc.campaign;
    const w = node.data.wait;
    let due: Millis | null;
    // The clock the wait reads; its words are built only when explaining (population runs do
    // not), without a closure per arrival: this runs for every wait of every journey.
    let tz = c.timezone;
    switch (w.mode) {
      case 'duration':
        due = addDuration(d.time, w.duration, tz);
        break;
      case 'until':
        tz = w.timezone ?? c.timezone;
        due = w.at ? localInstant(w.at, tz) : null;
        due = due === null ? d.time : Math.max(d.time, due);
        break;
      case 'business_hours':
        tz = w.clock === 'user' ? d.profile.timezone : (c.businessHours?.timezone ?? c.timezone);
        due = c.businessHours ? nextOpening(d.time, c.businessHours.intervals, tz) : d.time;
        break;
      case 'time_of_day':
        tz = w.clock === 'user' ? d.profile.timezone : c.timezone;
        due = nextOpening(d.time, cachedWindow(w.from, w.to, w.days), tz);
        break;
    }
    if (due !== null && due <= d.time) return { kind: 'complete', handle: 'next', why: d.explain ? `no wait: ${waitedFor(w, tz)} already open` : '' };
    return { kind: 'wait', due, why: d.explain ? `waiting for ${waitedFor(w, tz)}${due === null ? ' (never)' : ` until ${formatLocalTime(due, c.timezone)}`}` : '' };
  },
  timer: TIMER_NEXT,
  chatwootStep: 'wait',
});

/** What a wait waits for, in words, on the clock `tz` it reads. */
function waitedFor(w: NodeOfKind<'wait'>['data']['wait'], tz: string): string {
  switch (w.mode) {
    case 'duration':
      return `${formatDuration(w.duration)} (${tz})`;
    case 'until':
      return `${w.at?.replace('T', ' ')} (${tz})`;
    case 'business_hours':
      return `business hours (${tz})`;
    case 'time_of_day':
      return `${w.from}-${w.to}${w.days.length ? ` on ${w.days.join(',')}` : ''} (${tz})`;
  }
}
