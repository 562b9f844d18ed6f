import { durationSeconds } from '../flow/primitives';
import { describeBusinessHours, isWithinBusinessHours } from './business-hours';
import { campaignShowsAt, inboxToBusinessHours, type InboxHours } from './inbox-hours';
import { liveChatConditions, type LiveChatCampaign } from './live-chat';
import { matchCampaignUrl } from './url-match';
import { matchesVisitor } from './visitor-conditions';
import type { Reaction, SimPage, SimVisit, SimVisitor, VisitStream } from './visit-stream';

/** Why a campaign did not show during a visit, from "never got close" to "nearly". */
export const NOT_SHOWN_REASONS = [
  'no-url-match',
  'outside-business-hours',
  'conditions-not-met',
  'left-too-early',
  'widget-open',
  'has-conversation',
  'dismissed-recently',
  'already-shown',
  'shown-recently',
] as const;
export type NotShownReason = (typeof NOT_SHOWN_REASONS)[number];

export const REASON_LABELS: Record<NotShownReason, string> = {
  'no-url-match': 'No URL match',
  'outside-business-hours': 'Outside business hours',
  'conditions-not-met': 'Visitor conditions not met',
  'left-too-early': 'Left the page too early',
  'widget-open': 'Chat window was open',
  'has-conversation': 'Has a conversation',
  'dismissed-recently': 'Dismissed within the hour',
  'already-shown': 'Already shown (once per visitor)',
  'shown-recently': 'Shown recently',
};

export interface ShowEvent {
  campaignId: string;
  pageIndex: number;
  url: string;
  at: string;
  /** What the visitor did with it, if they were still on the page to do it. */
  outcome: Reaction | 'left' | 'replaced';
}

export type CampaignVerdict =
  | { campaignId: string; shown: true; at: string; url: string; times: number }
  | { campaignId: string; shown: false; reason: NotShownReason; detail: string };

export interface VisitResult {
  visit: SimVisit;
  visitor: SimVisitor;
  /** 1 for a first visit. */
  visitNumber: number;
  /** "Tue 14:05" on the visitor's clock. */
  localStart: string;
  shows: ShowEvent[];
  /** One per enabled campaign, in campaign order. */
  verdicts: CampaignVerdict[];
}

export interface CampaignTally {
  campaignId: string;
  title: string;
  shows: number;
  visitsReached: number;
  visitorsReached: number;
  notShown: Partial<Record<NotShownReason, number>>;
}

export interface SimulationResult {
  visits: VisitResult[];
  campaigns: CampaignTally[];
}

const HOUR = 3_600_000;
interface VisitorState {
  conversation: boolean;
  dismissedAt: number | null;
  lastShown: Map<string, number>;
  visits: number;
}
interface Miss {
  reason: NotShownReason;
  detail: string;
}

/**
 * Runs a stream of visits against the enabled live-chat campaigns with the widget's rules
 * (shared/reference/chatwoot-campaigns/README.md): on each page load keep the campaigns whose
 * URL pattern matches and, if business-hours-only, whose inbox is open at that moment; start a
 * timer of `time on page` each; leaving cancels. When a timer fires the message shows only if
 * the chat window is closed, the visitor has no conversation and has not dismissed a bubble in
 * the last hour. On top of that, the smart triggers: visitor conditions are checked at page
 * load, and "once per visitor" / "once per interval" when the timer fires. Reading (clicking)
 * or replying creates a conversation, which stops every campaign for that visitor after.
 *
 * Business hours are the inbox's own in Chatwoot: when `hoursOf` gives a campaign's inbox hours,
 * those decide (on the inbox's clock, an inbox with working hours off shows it any time);
 * otherwise the campaign's stored business hours do.
 */
export function simulateVisits(campaigns: readonly LiveChatCampaign[], stream: VisitStream, opts: { hoursOf?: (campaign: LiveChatCampaign) => InboxHours | undefined } = {}): SimulationResult {
  const live = campaigns.filter((c) => c.enabled);
  const inboxHours = new Map(live.map((c) => [c.id, opts.hoursOf?.(c)]));
  const conditions = new Map(live.map((c) => [c.id, liveChatConditions(c)]));
  const visitors = new Map(stream.visitors.map((v) => [v.id, v]));
  const states = new Map<string, VisitorState>();
  const results: VisitResult[] = [];

  for (const visit of stream.visits) {
    const visitor = visitors.get(visit.visitorId);
    if (!visitor) continue;
    let state = states.get(visitor.id);
    if (!state) states.set(visitor.id, (state = { conversation: visitor.hasConversation, dismissedAt: null, lastShown: new Map(), visits: 0 }));
    state.visits++;
    const attributes = { ...visitor.attributes, visit_count: state.visits };
    const misses = new Map<string, Miss>();
    const miss = (id: string, reason: NotShownReason, detail: string) => {
      const best = misses.get(id);
      if (!best || NOT_SHOWN_REASONS.indexOf(reason) >= NOT_SHOWN_REASONS.indexOf(best.reason)) misses.set(id, { reason, detail });
    };
    const shows: ShowEvent[] = [];
    let t = Date.parse(visit.startsAt);

    visit.pages.forEach((page, pageIndex) => {
      const pageStart = t;
      const pageEnd = t + page.seconds * 1000;
      t = pageEnd;
      let widgetOpenAt = page.opensWidgetAfter === undefined ? Infinity : pageStart + page.opensWidgetAfter * 1000;
      const timers: { campaign: LiveChatCampaign; fireAt: number }[] = [];
      for (const c of live) {
        if (!matchCampaignUrl(c.urlPattern, page.url).matches) {
          miss(c.id, 'no-url-match', `No page of this visit matches ${c.urlPattern}.`);
        } else if (c.businessHoursOnly && !inHours(c, inboxHours.get(c.id), pageStart)) {
          const hours = inboxHours.get(c.id);
          const zone = hours?.timezone ?? c.businessHours?.timezone ?? c.timezone;
          const open = hours ? `the inbox's working hours in Chatwoot are ${describeBusinessHours(inboxToBusinessHours(hours))}` : `the inbox is open ${describeBusinessHours(c.businessHours)}`;
          miss(c.id, 'outside-business-hours', `Reached ${shortPath(page.url)} at ${clock(pageStart, zone)} (${zone}); ${open}.`);
        } else if (!matchesVisitor(conditions.get(c.id) ?? null, { attributes, labels: visitor.labels, hasConversation: state.conversation })) {
          miss(c.id, 'conditions-not-met', `${visitor.name} does not meet the visitor conditions.`);
        } else if (page.seconds < c.timeOnPage) {
          miss(c.id, 'left-too-early', `Left ${shortPath(page.url)} after ${page.seconds} s; the message waits for ${c.timeOnPage} s.`);
        } else {
          timers.push({ campaign: c, fireAt: pageStart + c.timeOnPage * 1000 });
        }
      }
      timers.sort((a, b) => a.fireAt - b.fireAt);

      // The bubble on screen and the visitor's reaction to it, due at `at`; applied before anything later happens.
      const bubble: { pending: { at: number; show: ShowEvent } | null } = { pending: null };
      const settle = (until: number) => {
        const due = bubble.pending;
        if (!due || due.at > until) return;
        bubble.pending = null;
        due.show.outcome = visit.reaction;
        if (visit.reaction === 'dismisses') state.dismissedAt = due.at;
        if (visit.reaction === 'reads' || visit.reaction === 'replies') {
          state.conversation = true;
          widgetOpenAt = Math.min(widgetOpenAt, due.at);
        }
      };
      for (const { campaign: c, fireAt } of timers) {
        settle(fireAt);
        const lastShown = state.lastShown.get(c.id);
        if (fireAt >= widgetOpenAt) miss(c.id, 'widget-open', `The chat window was open on ${shortPath(page.url)} when the ${c.timeOnPage} s timer fired.`);
        else if (state.conversation) miss(c.id, 'has-conversation', `${visitor.name} already has a conversation${visitor.hasConversation ? '' : ' started in this simulation'}; campaigns never show to visitors who have one.`);
        else if (state.dismissedAt !== null && fireAt - state.dismissedAt < HOUR) miss(c.id, 'dismissed-recently', `${visitor.name} dismissed a campaign message at ${clock(state.dismissedAt, visitor.timezone)}; bubbles stay hidden for an hour.`);
        else if (lastShown !== undefined && c.frequency.type === 'once') miss(c.id, 'already-shown', `Already shown to ${visitor.name} on ${clock(lastShown, visitor.timezone, true)}; this campaign shows once per visitor.`);
        else if (lastShown !== undefined && c.frequency.type === 'once_per_interval' && fireAt - lastShown < durationSeconds(c.frequency.interval) * 1000) {
          miss(c.id, 'shown-recently', `Shown on ${clock(lastShown, visitor.timezone, true)}; it shows again only after ${c.frequency.interval.amount} ${c.frequency.interval.unit}.`);
        } else {
          // A later message replaces the bubble on screen; the reaction goes to the new one.
          if (bubble.pending) bubble.pending.show.outcome = 'replaced';
          const show: ShowEvent = { campaignId: c.id, pageIndex, url: page.url, at: new Date(fireAt).toISOString(), outcome: visit.reaction === 'ignores' ? 'ignores' : 'left' };
          shows.push(show);
          state.lastShown.set(c.id, fireAt);
          const reactAt = fireAt + visit.reactsAfter * 1000;
          bubble.pending = visit.reaction === 'ignores' || reactAt > pageEnd ? null : { at: reactAt, show };
        }
      }
      settle(pageEnd);
    });

    const verdicts: CampaignVerdict[] = live.map((c) => {
      const mine = shows.filter((s) => s.campaignId === c.id);
      if (mine.length > 0) return { campaignId: c.id, shown: true, at: mine[0]!.at, url: mine[0]!.url, times: mine.length };
      const m = misses.get(c.id) ?? { reason: 'no-url-match' as const, detail: 'The visit had no pages.' };
      return { campaignId: c.id, shown: false, ...m };
    });
    results.push({ visit, visitor, visitNumber: state.visits, localStart: clock(Date.parse(visit.startsAt), visitor.timezone), shows, verdicts });
  }
  return { visits: results, campaigns: tally(live, results) };
}

function tally(campaigns: readonly LiveChatCampaign[], visits: readonly VisitResult[]): CampaignTally[] {
  return campaigns.map((c) => {
    const t: CampaignTally = { campaignId: c.id, title: c.title, shows: 0, visitsReached: 0, visitorsReached: 0, notShown: {} };
    const reached = new Set<string>();
    for (const v of visits) {
      const verdict = v.verdicts.find((x) => x.campaignId === c.id);
      if (!verdict) continue;
      if (verdict.shown) {
        t.shows += verdict.times;
        t.visitsReached++;
        reached.add(v.visitor.id);
      } else t.notShown[verdict.reason] = (t.notShown[verdict.reason] ?? 0) + 1;
    }
    t.visitorsReached = reached.size;
    return t;
  });
}

/** Whether a business-hours-only campaign may show at `ms`: by its inbox's hours when known, else its own. */
function inHours(c: LiveChatCampaign, hours: InboxHours | undefined, ms: number): boolean {
  return hours ? campaignShowsAt(hours, new Date(ms)) : isWithinBusinessHours(c.businessHours, c.timezone, new Date(ms));
}

/** "Tue 14:05" (or "Tue 3 Nov 14:05") on a timezone's clock. */
function clock(ms: number, timezone: string, withDate = false): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', ...(withDate ? { day: 'numeric', month: 'short' } : {}), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(ms)
    .replace(',', '');
}

function shortPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

export type { SimPage };
