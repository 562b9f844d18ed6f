import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import { zonedLocalToInstant } from '../../time/zoned';
import { Duration, durationSeconds, formatDuration, LocalDateTime, TimeOfDay, TimezoneName, Weekday, isKnownTimezone, minutesOfDay } from '../primitives';
import type { NodeProblem } from '../problems';
import { defineNode, NEXT } from './node-definition';

/** Whose clock a calendar wait reads: the user's own timezone, or the campaign's. */
const ClockOf = lazySchema(() => z.enum(['user', 'campaign']));

export const WaitSpec = lazySchema(() => z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('duration'), duration: Duration }),
  z.strictObject({ mode: z.literal('until'), at: LocalDateTime.or(z.literal('')), timezone: TimezoneName.optional() }),
  /** Until the campaign's business hours are open (immediately if they are). */
  z.strictObject({ mode: z.literal('business_hours'), clock: ClockOf.default('campaign') }),
  /** Until the next moment inside a daily window, e.g. 09:00-11:00 on weekdays. */
  z.strictObject({
    mode: z.literal('time_of_day'),
    from: TimeOfDay,
    to: TimeOfDay,
    days: z.array(Weekday).default([]),
    clock: ClockOf.default('user'),
  }),
]));
export type WaitSpec = z.infer<typeof WaitSpec>;

/** Holds users for a time, until a date, or until a window opens. */
export const waitNode = defineNode({
  type: 'wait',
  title: 'Wait',
  description: 'Holds the user for a duration, until a date-time, or until business hours or a time-of-day window.',
  dataSchema: lazySchema(() => z.strictObject({ label: z.string().max(200).optional(), wait: WaitSpec })),
  defaults: () => ({ wait: { mode: 'duration' as const, duration: { amount: 1, unit: 'days' as const } } }),
  outputs: () => [NEXT],
  summary: ({ wait }) => {
    switch (wait.mode) {
      case 'duration':
        return `Wait ${formatDuration(wait.duration)}`;
      case 'until':
        return wait.at ? `Wait until ${wait.at.replace('T', ' ')}` : 'Wait until (no date set)';
      case 'business_hours':
        return 'Wait for business hours';
      case 'time_of_day':
        return `Wait for ${wait.from}–${wait.to}${wait.days.length ? ` on ${wait.days.join(', ')}` : ''} (${wait.clock} time)`;
    }
  },
  validate: ({ wait }, ctx) => {
    const out: NodeProblem[] = [];
    switch (wait.mode) {
      case 'duration':
        if (durationSeconds(wait.duration) === 0) {
          out.push({ severity: 'warning', code: 'wait.zero', message: 'This wait lasts no time at all.', field: 'data.wait.duration.amount' });
        }
        break;
      case 'until': {
        const tz = wait.timezone ?? ctx.campaign.timezone;
        if (wait.timezone && !isKnownTimezone(wait.timezone)) {
          out.push({ severity: 'error', code: 'timezone.unknown', message: `"${wait.timezone}" is not a timezone this app knows.`, field: 'data.wait.timezone' });
          break;
        }
        if (!wait.at) {
          out.push({ severity: 'error', code: 'field.required', message: 'Choose the date and time to wait until.', field: 'data.wait.at' });
          break;
        }
        const at = zonedLocalToInstant(wait.at, tz);
        if (!at) out.push({ severity: 'error', code: 'datetime.invalid', message: `${wait.at} is not a real date.`, field: 'data.wait.at' });
        else if (at.getTime() <= ctx.now.getTime()) {
          out.push({ severity: 'error', code: 'wait.in-past', message: `${wait.at.replace('T', ' ')} (${tz}) is in the past, so this wait would end at once.`, field: 'data.wait.at' });
        }
        break;
      }
      case 'business_hours':
        if (!ctx.campaign.businessHours || ctx.campaign.businessHours.intervals.length === 0) {
          out.push({ severity: 'error', code: 'wait.no-business-hours', message: 'The campaign has no business hours to wait for: set them in campaign settings.', field: 'data.wait.mode' });
        }
        break;
      case 'time_of_day':
        if (minutesOfDay(wait.from) >= minutesOfDay(wait.to)) {
          out.push({ severity: 'error', code: 'wait.empty-window', message: `The window ${wait.from}–${wait.to} ends before it starts.`, field: 'data.wait.to' });
        }
        break;
    }
    return out;
  },
});
