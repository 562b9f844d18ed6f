import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { ConditionGroup, PropertyCondition } from './conditions';
import { Duration, Id, LocalDateTime, Sender, TimeOfDay, TimezoneName, Weekday } from './primitives';

export const CampaignKind = lazySchema(() => z.enum(['workflow', 'live-chat', 'one-off']));
export type CampaignKind = z.infer<typeof CampaignKind>;

export const CampaignStatus = lazySchema(() => z.enum(['draft', 'active', 'paused', 'completed']));
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** One opening interval on one weekday, in the schedule's timezone. `close` after `open`. */
export const OpeningInterval = lazySchema(() => z.strictObject({ day: Weekday, open: TimeOfDay, close: TimeOfDay }));
export type OpeningInterval = z.infer<typeof OpeningInterval>;

/** A weekly schedule. No timezone = the campaign's timezone. */
export const BusinessHours = lazySchema(() => z.strictObject({
  timezone: TimezoneName.optional(),
  intervals: z.array(OpeningInterval),
}));
export type BusinessHours = z.infer<typeof BusinessHours>;

/** What makes a user enter the campaign. */
export const EntryTrigger = lazySchema(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('segment_entered'), segment: z.string() }),
  z.strictObject({ type: z.literal('event'), event: z.string(), properties: z.array(PropertyCondition).default([]) }),
  z.strictObject({
    type: z.literal('page_visit'),
    /** URLPattern syntax, e.g. "https://example.com/pricing*". */
    urlPattern: z.string(),
    secondsOnPage: z.number().int().min(0).max(86_400).default(10),
  }),
  z.strictObject({
    type: z.literal('scheduled'),
    /** Wall-clock time in `timezone` (or the campaign's). */
    at: LocalDateTime.or(z.literal('')),
    timezone: TimezoneName.optional(),
  }),
]));
export type EntryTrigger = z.infer<typeof EntryTrigger>;

export const EntryFrequency = lazySchema(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('once') }),
  z.strictObject({ type: z.literal('every_time') }),
  z.strictObject({ type: z.literal('once_per_interval'), interval: Duration }),
]));
export type EntryFrequency = z.infer<typeof EntryFrequency>;

/** A criterion that removes a user from the campaign at any moment. */
export const GlobalExit = lazySchema(() => z.strictObject({
  id: Id,
  name: z.string().max(200).default(''),
  condition: ConditionGroup,
}));
export type GlobalExit = z.infer<typeof GlobalExit>;

/**
 * A conversion goal: journeys whose contact does what `condition` says within `within` of entering
 * count as converted (previews, population runs per branch, live statistics); with `exit` the
 * journey then ends there.
 */
export const ConversionGoal = lazySchema(() => z.strictObject({
  name: z.string().max(200).default(''),
  condition: ConditionGroup,
  within: Duration,
  exit: z.boolean().default(false),
}));
export type ConversionGoal = z.infer<typeof ConversionGoal>;

export const ChannelDefaults = lazySchema(() => z.strictObject({
  inboxId: z.string().optional(),
  sender: Sender.optional(),
}));

export const CampaignSettings = lazySchema(() => z.strictObject({
  id: Id,
  name: z.string().max(200),
  description: z.string().max(5_000).default(''),
  kind: CampaignKind,
  status: CampaignStatus.default('draft'),
  timezone: TimezoneName,
  businessHours: BusinessHours.nullable().default(null),
  /** A send that falls outside business hours waits for the next opening, or goes anyway. */
  outsideBusinessHours: z.enum(['wait', 'send_anyway']).default('send_anyway'),
  trigger: EntryTrigger,
  entryFrequency: EntryFrequency.default({ type: 'once' }),
  audience: ConditionGroup.nullable().default(null),
  globalExits: z.array(GlobalExit).default([]),
  /** Optional, so flows without one export exactly as before. */
  goal: ConversionGoal.optional(),
  channelDefaults: ChannelDefaults.default({}),
}));
export type CampaignSettings = z.infer<typeof CampaignSettings>;

/** "When a user visits https://…/pricing* for 10 s". */
export function describeTrigger(t: EntryTrigger): string {
  switch (t.type) {
    case 'segment_entered':
      return t.segment ? `Enters segment ${t.segment}` : 'Enters a segment (not chosen)';
    case 'event':
      return t.event ? `Event ${t.event}${t.properties.length ? ` (${t.properties.length} condition${t.properties.length > 1 ? 's' : ''})` : ''}` : 'An event (not chosen)';
    case 'page_visit':
      return `Visits ${t.urlPattern || '(no URL pattern)'} for ${t.secondsOnPage} s`;
    case 'scheduled':
      return t.at ? `Scheduled ${t.at.replace('T', ' ')}${t.timezone ? ` ${t.timezone}` : ''}` : 'Scheduled (no time set)';
  }
}
