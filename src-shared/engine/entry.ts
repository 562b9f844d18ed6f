import { matchCampaignUrl } from '../campaigns/url-match';
import { formatDuration, type CampaignSettings, type EntryTrigger } from '../flow';
import { formatLocalTime } from '../time/format';
import { addDuration, localInstant } from './calendar';
import { evaluateCondition, propertiesMatch } from './conditions';
import type { EventRecord, Millis, UserAction, UserProfile } from './types';

/** Whether a user action fires the campaign's entry trigger ("scheduled" fires on the clock). */
export function triggerFires(trigger: EntryTrigger, a: UserAction): boolean {
  switch (trigger.type) {
    case 'event':
      return a.type === 'event' && a.name === trigger.event && propertiesMatch(trigger.properties, a.properties ?? {});
    case 'page_visit':
      return a.type === 'page_visit' && a.seconds >= trigger.secondsOnPage && urlMatches(trigger.urlPattern, a.url);
    case 'segment_entered':
      return a.type === 'segment' && a.present && a.segment === trigger.segment;
    case 'scheduled':
      return false;
  }
}

/** The instant a scheduled campaign fires, or null. */
export function scheduledAt(c: CampaignSettings): Millis | null {
  return c.trigger.type === 'scheduled' && c.trigger.at ? localInstant(c.trigger.at, c.trigger.timezone ?? c.timezone) : null;
}

/** Whether a visited page fires a page-visit trigger: Chatwoot's widget rules (campaigns/url-match). */
export function urlMatches(pattern: string, url: string): boolean {
  return matchCampaignUrl(pattern, url).matches;
}

export interface EntryDecision {
  enters: boolean;
  why: string;
}

/**
 * Whether a user whose trigger just fired enters now: the audience must match and the entry
 * frequency allow it (once; every time; at most once per interval since the last entry).
 */
export function entryDecision(c: CampaignSettings, profile: UserProfile, events: readonly EventRecord[], now: Millis, entries: readonly Millis[], explain: boolean): EntryDecision {
  if (c.audience) {
    const r = evaluateCondition(c.audience, { profile, events, conversations: [], message: null, now }, explain);
    if (!r.matched) return { enters: false, why: explain ? `audience does not match: ${r.why}` : '' };
  }
  const f = c.entryFrequency;
  const last = entries.length ? entries[entries.length - 1]! : null;
  if (f.type === 'once' && last !== null) return { enters: false, why: explain ? `entry frequency "once": already entered ${formatLocalTime(last, c.timezone)}` : '' };
  if (f.type === 'once_per_interval' && last !== null) {
    const next = addDuration(last, f.interval, c.timezone);
    if (now < next) return { enters: false, why: explain ? `entry frequency: once per ${formatDuration(f.interval)}, next allowed ${formatLocalTime(next, c.timezone)}` : '' };
  }
  return explain ? { enters: true, why: 'trigger fired, audience matches, entry frequency allows it' } : ENTERS;
}

/** The unexplained "enters" of every population entry: one object, not one per journey. */
const ENTERS: EntryDecision = Object.freeze({ enters: true, why: '' });
