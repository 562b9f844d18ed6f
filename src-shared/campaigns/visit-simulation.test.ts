import { describe, expect, it } from 'vitest';
import { describeBusinessHours, isWithinBusinessHours, officeHours } from './business-hours';
import { newLiveChatCampaign, type LiveChatCampaign } from './live-chat';
import type { InboxHours } from './inbox-hours';
import { simulateVisits, type CampaignVerdict } from './visit-simulation';
import { generateVisitStream, siteFromPatterns, type SimVisit, type SimVisitor } from './visit-stream';
import { matchesVisitor } from './visitor-conditions';

const campaign = (id: string, over: Partial<LiveChatCampaign>): LiveChatCampaign => ({ ...newLiveChatCampaign(id, 'Europe/Berlin'), title: id, message: 'Hi', inboxId: 'web', ...over });
/** "Pricing": any /pricing… page after 10 s, every visit until they read or reply. */
const pricing = campaign('pricing', { urlPattern: 'https://x.com/pricing/', timeOnPage: 10, frequency: { type: 'every_time' } });
/** "Anywhere": any page after 30 s, Mon–Fri 09–17 Berlin only, once per visitor. */
const anywhere = campaign('anywhere', { urlPattern: 'https://x.com/*', timeOnPage: 30, businessHoursOnly: true, businessHours: officeHours(), frequency: { type: 'once' } });

const visitor = (id: string, over: Partial<SimVisitor> = {}): SimVisitor => ({ id, name: id, timezone: 'Europe/Berlin', attributes: { country: 'DE' }, labels: [], hasConversation: false, ...over });
let n = 0;
const visit = (visitorId: string, startsAt: string, pages: SimVisit['pages'], reaction: SimVisit['reaction'] = 'ignores', reactsAfter = 5): SimVisit => ({ id: `v${++n}`, visitorId, startsAt, pages, reaction, reactsAfter });
const page = (path: string, seconds: number, opensWidgetAfter?: number) => ({ url: `https://x.com${path}`, seconds, ...(opensWidgetAfter === undefined ? {} : { opensWidgetAfter }) });
const brief = (v: CampaignVerdict) => (v.shown ? `shown ${v.at.slice(11, 19)}${v.times > 1 ? ` x${v.times}` : ''}` : v.reason);

describe('visit simulation (Chatwoot widget semantics + smart triggers)', () => {
  // Berlin is UTC+1 in November: 10:00 Berlin = 09:00Z. 2026-11-23 is a Monday.
  const stream = {
    visitors: [visitor('ana'), visitor('ben', { hasConversation: true }), visitor('cy'), visitor('dee')],
    visits: [
      visit('ana', '2026-11-23T09:00:00Z', [page('/', 5), page('/pricing-plans', 40)]),
      visit('ben', '2026-11-23T09:10:00Z', [page('/pricing', 60)]),
      visit('cy', '2026-11-23T10:00:00Z', [page('/pricing/a', 8), page('/about', 100, 10)]),
      visit('dee', '2026-11-23T11:00:00Z', [page('/pricing', 20)], 'dismisses', 2),
      visit('dee', '2026-11-23T11:30:00Z', [page('/pricing', 20)]),
      visit('ana', '2026-11-23T18:00:00Z', [page('/pricing', 20)], 'dismisses', 5),
      visit('ana', '2026-11-24T09:00:00Z', [page('/pricing', 60)], 'reads', 5),
      visit('ana', '2026-11-25T09:00:00Z', [page('/pricing', 60)]),
    ],
  };
  const result = simulateVisits([pricing, anywhere], stream);
  const table = result.visits.map((v) => `${v.visit.id} ${v.visitor.id}: ${v.verdicts.map(brief).join(' | ')}`);

  it('decides every visit as worked out by hand', () => {
    expect(table).toEqual([
      // pricing: "/" does not match, /pricing-plans does (prefix) and fires at +5+10 s;
      // anywhere: "/" left after 5 s < 30 s, then fires on /pricing-plans at +5+30 s (10:00 Berlin, open).
      'v1 ana: shown 09:00:15 | shown 09:00:35',
      // an existing (even resolved) conversation blocks every campaign when the timer fires
      'v2 ben: has-conversation | has-conversation',
      // 8 s on /pricing/a < 10 s; on /about the visitor opened the chat at 10 s, before anywhere's 30 s
      'v3 cy: left-too-early | widget-open',
      // shown at +10 s and dismissed at +12 s; 20 s on the page < 30 s for anywhere
      'v4 dee: shown 11:00:10 | left-too-early',
      // 28 minutes after dismissing: bubbles stay hidden for an hour
      'v5 dee: dismissed-recently | left-too-early',
      // 19:00 Berlin: anywhere is business-hours only; pricing shows again (every visit)
      'v6 ana: shown 18:00:10 | outside-business-hours',
      // the dismissal was 15 h ago; reading at +15 s opens the chat and starts a conversation,
      // so anywhere's 30 s timer finds the window open
      'v7 ana: shown 09:00:10 | widget-open',
      // from now on ana has a conversation
      'v8 ana: has-conversation | has-conversation',
    ]);
  });

  it('records what the visitor did with each bubble', () => {
    expect(result.visits[0]?.shows.map((s) => [s.campaignId, s.pageIndex, s.outcome])).toEqual([
      ['pricing', 1, 'ignores'],
      ['anywhere', 1, 'ignores'],
    ]);
    expect(result.visits[3]?.shows.map((s) => s.outcome)).toEqual(['dismisses']);
    expect(result.visits[6]?.shows.map((s) => s.outcome)).toEqual(['reads']);
    expect(result.visits[6]?.localStart).toBe('Tue 10:00');
  });

  it('explains why not in words', () => {
    const v3 = result.visits[2]!.verdicts;
    expect(v3[0]).toMatchObject({ detail: 'Left /pricing/a after 8 s; the message waits for 10 s.' });
    expect(result.visits[5]!.verdicts[1]).toMatchObject({ detail: expect.stringContaining('19:00 (Europe/Berlin); the inbox is open Mon–Fri 09:00–17:00') });
  });

  it('tallies per campaign', () => {
    expect(result.campaigns).toEqual([
      { campaignId: 'pricing', title: 'pricing', shows: 4, visitsReached: 4, visitorsReached: 2, notShown: { 'has-conversation': 2, 'left-too-early': 1, 'dismissed-recently': 1 } },
      { campaignId: 'anywhere', title: 'anywhere', shows: 1, visitsReached: 1, visitorsReached: 1, notShown: { 'has-conversation': 2, 'widget-open': 2, 'left-too-early': 2, 'outside-business-hours': 1 } },
    ]);
  });

  it('once per visitor, once per interval, every visit', () => {
    const visits = [visit('eve', '2026-11-23T09:00:00Z', [page('/pricing', 40)]), visit('eve', '2026-11-23T13:00:00Z', [page('/pricing', 40)]), visit('eve', '2026-11-24T13:00:00Z', [page('/pricing', 40)])];
    const run = (frequency: LiveChatCampaign['frequency']) =>
      simulateVisits([{ ...pricing, frequency }], { visitors: [visitor('eve')], visits }).visits.map((v) => brief(v.verdicts[0]!));
    expect(run({ type: 'once' })).toEqual(['shown 09:00:10', 'already-shown', 'already-shown']);
    expect(run({ type: 'once_per_interval', interval: { amount: 1, unit: 'days' } })).toEqual(['shown 09:00:10', 'shown-recently', 'shown 13:00:10']);
    expect(run({ type: 'every_time' })).toEqual(['shown 09:00:10', 'shown 13:00:10', 'shown 13:00:10']);
  });

  it('visitor conditions (all / any) are checked on page load', () => {
    const fr = visitor('fr', { attributes: { country: 'FR', device: 'mobile' } });
    const de = visitor('de', { attributes: { country: 'DE', device: 'mobile' } });
    const visits = [visit('fr', '2026-11-23T09:00:00Z', [page('/pricing', 20)]), visit('de', '2026-11-23T09:00:00Z', [page('/pricing', 20)])];
    const rules = [{ attribute: 'country', operator: 'equals' as const, value: 'fr' }, { attribute: 'device', operator: 'equals' as const, value: 'desktop' }];
    const run = (match: 'all' | 'any') => simulateVisits([{ ...pricing, conditions: { match, rules } }], { visitors: [fr, de], visits }).visits.map((v) => brief(v.verdicts[0]!));
    expect(run('all')).toEqual(['conditions-not-met', 'conditions-not-met']);
    expect(run('any')).toEqual(['shown 09:00:10', 'conditions-not-met']);
  });

  it('disabled campaigns are not run; a later bubble replaces an earlier one', () => {
    const quick = campaign('quick', { urlPattern: 'https://x.com/*', timeOnPage: 0 });
    const r = simulateVisits([quick, { ...anywhere, enabled: false }, pricing], { visitors: [visitor('a')], visits: [visit('a', '2026-11-23T09:00:00Z', [page('/pricing', 60)], 'reads', 20)] });
    expect(r.campaigns.map((c) => c.campaignId)).toEqual(['quick', 'pricing']);
    expect(r.visits[0]!.shows.map((s) => [s.campaignId, s.outcome])).toEqual([
      ['quick', 'replaced'],
      ['pricing', 'reads'],
    ]);
  });
});

describe('generated visit stream', () => {
  const start = new Date('2026-11-23T00:00:00Z');
  it('is reproducible, in order, with returning visitors and existing conversations', () => {
    const a = generateVisitStream({ seed: 5, start, visitors: 60, extraPaths: ['/promo'] });
    expect(generateVisitStream({ seed: 5, start, visitors: 60, extraPaths: ['/promo'] })).toEqual(a);
    expect(a.visits.map((v) => v.startsAt)).toEqual([...a.visits.map((v) => v.startsAt)].sort());
    const perVisitor = new Map<string, number>();
    for (const v of a.visits) perVisitor.set(v.visitorId, (perVisitor.get(v.visitorId) ?? 0) + 1);
    expect([...perVisitor.values()].filter((k) => k > 1).length).toBeGreaterThan(10);
    expect(a.visitors.filter((v) => v.hasConversation).length).toBeGreaterThan(0);
    expect(a.visits.some((v) => v.pages.some((p) => p.url === 'https://www.example.com/promo'))).toBe(true);
    expect(a.visits.every((v) => v.pages.length >= 1 && v.pages.length <= 5)).toBe(true);
  });

  it('runs end to end against campaigns, every campaign decided for every visit', () => {
    const stream = generateVisitStream({ seed: 9, start, visitors: 40 });
    const r = simulateVisits([{ ...pricing, urlPattern: 'https://www.example.com/pricing/' }, { ...anywhere, urlPattern: 'https://www.example.com/*' }], stream);
    expect(r.visits).toHaveLength(stream.visits.length);
    expect(r.visits.every((v) => v.verdicts.length === 2)).toBe(true);
    expect(r.campaigns[0]!.shows).toBeGreaterThan(0);
  });
});

describe('business hours and visitor conditions', () => {
  it('is open inside the intervals, in the hours’ own timezone; never without hours', () => {
    const hours = officeHours();
    expect(isWithinBusinessHours(hours, 'Europe/Berlin', new Date('2026-11-23T08:00:00Z'))).toBe(true); // Mon 09:00
    expect(isWithinBusinessHours(hours, 'Europe/Berlin', new Date('2026-11-23T16:00:00Z'))).toBe(false); // Mon 17:00 closes
    expect(isWithinBusinessHours(hours, 'Europe/Berlin', new Date('2026-11-22T10:00:00Z'))).toBe(false); // Sunday
    expect(isWithinBusinessHours({ ...hours, timezone: 'America/New_York' }, 'Europe/Berlin', new Date('2026-11-23T08:00:00Z'))).toBe(false); // 03:00 NY
    expect(isWithinBusinessHours(null, 'UTC', new Date())).toBe(false);
    expect(describeBusinessHours({ intervals: [...officeHours().intervals, { day: 'sat', open: '10:00', close: '14:00' }] })).toBe('Mon–Fri 09:00–17:00, Sat 10:00–14:00');
  });

  it('compares attributes case-insensitively, with lists, numbers and presence', () => {
    const facts = { attributes: { country: 'DE', visit_count: 3, plan: 'Pro' } };
    const g = (match: 'all' | 'any', ...rules: Parameters<typeof matchesVisitor>[0] extends infer G ? (G extends { rules: infer R } ? R : never) : never) => ({ type: 'group' as const, match, rules });
    expect(matchesVisitor(g('all', { type: 'attribute', attribute: 'plan', operator: 'in_list', value: ['free', 'pro'] }, { type: 'attribute', attribute: 'visit_count', operator: 'greater_than', value: 2 }), facts)).toBe(true);
    expect(matchesVisitor(g('all', { type: 'attribute', attribute: 'language', operator: 'exists' }), facts)).toBe(false);
    expect(matchesVisitor(g('any', { type: 'attribute', attribute: 'language', operator: 'exists' }, { type: 'attribute', attribute: 'country', operator: 'not_equals', value: 'fr' }), facts)).toBe(true);
    expect(matchesVisitor(null, facts)).toBe(true);
  });
});

describe('siteFromPatterns', () => {
  it('finds the site and the targeted paths', () => {
    expect(siteFromPatterns(['https://www.x.com/pricing*', 'https://www.x.com/blog/', 'https://*.x.com/*', 'nonsense'])).toEqual({ site: 'https://www.x.com', extraPaths: ['/pricing', '/blog/tour'] });
    expect(siteFromPatterns([])).toEqual({ site: 'https://www.example.com', extraPaths: [] });
  });
});

describe("visit simulation with the inbox's working hours from Chatwoot (#14.11)", () => {
  // The inbox is in New York and works 22:00–06:00 on Mondays (crossing midnight within
  // Monday's row), closed otherwise; the campaign's own stored hours (Mon–Fri 09–17 Berlin) do not count.
  const row = (day: number, open: number, close: number) => ({ day, closedAllDay: false, openAllDay: false, open, close });
  const nightDesk: InboxHours = { enabled: true, timezone: 'America/New_York', days: [row(1, 22 * 60, 6 * 60)] };
  const only = campaign('night', { urlPattern: 'https://x.com/*', timeOnPage: 5, businessHoursOnly: true, businessHours: officeHours() });
  // 2026-11-23 is a Monday; New York is UTC-5 in November.
  const stream = {
    visitors: [visitor('a'), visitor('b'), visitor('c'), visitor('d')],
    visits: [
      visit('a', '2026-11-23T08:00:00Z', [page('/', 20)]), // Mon 03:00 New York: Monday's row, before 06:00
      visit('b', '2026-11-23T15:00:00Z', [page('/', 20)]), // Mon 10:00 New York (09–17 Berlin would be open): closed
      visit('c', '2026-11-24T03:30:00Z', [page('/', 20)]), // Mon 22:30 New York
      visit('d', '2026-11-24T09:00:00Z', [page('/', 20)]), // Tue 04:00 New York: Tuesday has no row
    ],
  };
  const verdicts = (hours: InboxHours | undefined) => simulateVisits([only], stream, { hoursOf: () => hours }).visits.map((v) => brief(v.verdicts[0]!));

  it('decides on the inbox clock with its rows, not with the stored hours', () => {
    expect(verdicts(nightDesk)).toEqual(['shown 08:00:05', 'outside-business-hours', 'shown 03:30:05', 'outside-business-hours']);
    const miss = simulateVisits([only], stream, { hoursOf: () => nightDesk }).visits[1]!.verdicts[0]!;
    expect(miss).toMatchObject({ shown: false, detail: "Reached / at Mon 10:00 (America/New_York); the inbox's working hours in Chatwoot are Mon 00:00–06:00, Mon 22:00–24:00." });
  });

  it('an inbox with working hours turned off shows it at any time, as Chatwoot does', () => {
    expect(verdicts({ ...nightDesk, enabled: false })).toEqual(['shown 08:00:05', 'shown 15:00:05', 'shown 03:30:05', 'shown 09:00:05']);
  });

  it('without inbox hours the campaign’s stored hours decide (Mon–Fri 09–17 Berlin)', () => {
    expect(verdicts(undefined)).toEqual(['shown 08:00:05', 'shown 15:00:05', 'outside-business-hours', 'shown 09:00:05']);
  });
});
