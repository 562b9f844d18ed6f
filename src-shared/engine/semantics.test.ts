import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { edge, flow, node, sendNode } from '../testing/flow-builders';
import { at, DAY, HOUR, MONDAY_9, profile, signUp } from '../testing/engine-builders';
import { runUser, type UserRun } from './runner';
import { fastSteppers, machineSteppers } from './steppers';
import type { UserAction, UserProfile } from './types';

/** Runs on the XState machine, checks the fast path agrees, returns the machine's run. */
function run(doc: FlowDocument, actions: UserAction[], p: UserProfile = profile(), days = 14): UserRun {
  const o = { profile: p, actions, from: actions[0]?.at ?? MONDAY_9, until: (actions[0]?.at ?? MONDAY_9) + days * DAY, explain: true };
  const machine = runUser(doc, { ...o, stepper: machineSteppers(doc) });
  const fast = runUser(doc, { ...o, stepper: fastSteppers(doc) });
  expect(fast.journeys.map((j) => j.data)).toEqual(machine.journeys.map((j) => j.data));
  return machine;
}
const steps = (r: UserRun, j = 0) => r.journeys[j]!.data.trace.map((s) => [new Date(s.t).toISOString().slice(0, 16), s.node, s.outcome]);
const upgraded = { id: 'upgraded', name: 'Upgraded', condition: { type: 'group' as const, match: 'all' as const, rules: [{ type: 'event' as const, event: 'subscription.upgraded', count: { operator: 'at_least' as const, value: 1 }, properties: [] }] } };

describe('global exits', () => {
  const doc = flow(
    [sendNode('s1'), node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 3, unit: 'days' } } }), sendNode('s2')],
    [edge('trigger', 's1'), edge('s1', 'w'), edge('w', 's2')],
    { globalExits: [upgraded] },
  );

  it('removes the user in the middle of a wait, at the instant of the event', () => {
    const r = run(doc, [signUp(MONDAY_9), { type: 'event', at: MONDAY_9 + DAY, name: 'subscription.upgraded' }]);
    expect(steps(r)).toEqual([
      ['2026-11-23T09:00', 'trigger', 'next'],
      ['2026-11-23T09:00', 's1', 'next'],
      ['2026-11-23T09:00', 'w', 'waiting'],
      ['2026-11-24T09:00', '', 'exited'],
    ]);
    const d = r.journeys[0]!.data;
    expect([d.status, d.reason, d.messages.length]).toEqual(['exited', 'upgraded', 1]);
    expect(d.trace[3]!.why).toContain('did subscription.upgraded at least 1x ✓ (seen 1x)');
  });

  it('wins over an inbound-message node the same message would complete', () => {
    const stop = { id: 'stop', name: 'Stop', condition: { type: 'group' as const, match: 'all' as const, rules: [{ type: 'message' as const, operator: 'equals' as const, value: 'stop', caseSensitive: false }] } };
    const d2 = flow([node('r', 'inbound-message', { timeout: null }), sendNode('s')], [edge('trigger', 'r'), edge('r', 's', 'received')], { globalExits: [stop] });
    const r = run(d2, [signUp(MONDAY_9), { type: 'message', at: MONDAY_9 + HOUR, text: 'STOP' }]);
    expect(steps(r).map((s) => s[2])).toEqual(['next', 'waiting', 'exited']);
  });
});

describe('branches', () => {
  it('fans out in parallel and acts once at an OR-join', () => {
    const doc = flow(
      [sendNode('a'), node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } }), sendNode('b'), sendNode('c')],
      [edge('trigger', 'a'), edge('a', 'w'), edge('a', 'b'), edge('w', 'c'), edge('b', 'c')],
    );
    const r = run(doc, [signUp(MONDAY_9)]);
    expect(steps(r)).toEqual([
      ['2026-11-23T09:00', 'trigger', 'next'],
      ['2026-11-23T09:00', 'a', 'next'],
      ['2026-11-23T09:00', 'w', 'waiting'],
      ['2026-11-23T09:00', 'b', 'next'],
      ['2026-11-23T09:00', 'c', 'next'],
      ['2026-11-23T10:00', 'w', 'next'],
      ['2026-11-23T10:00', '', 'ended'],
    ]);
    expect(r.journeys[0]!.data.messages.map((m) => m.nodeId)).toEqual(['a', 'b', 'c']);
    expect(r.journeys[0]!.data.reason).toBe('completed');
  });

  it('ends every branch at an end node, even one that is waiting', () => {
    const doc = flow(
      [node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 2, unit: 'days' } } }), sendNode('s'), node('e', 'end')],
      [edge('trigger', 'w'), edge('trigger', 's'), edge('s', 'e'), edge('w', 's')],
    );
    const r = run(doc, [signUp(MONDAY_9)]);
    expect(steps(r).map((s) => `${s[1]}:${s[2]}`)).toEqual(['trigger:next', 'w:waiting', 's:next', 'e:end', 'e:ended']);
    expect(r.journeys[0]!.data.reason).toBe('end:e');
  });

  it('sends a filter down match or else on arrival, and stops a branch with no else edge', () => {
    const cond = { type: 'group' as const, match: 'all' as const, rules: [{ type: 'attribute' as const, attribute: 'plan', operator: 'equals' as const, value: 'trial' }] };
    const doc = flow([node('f', 'filter', { condition: cond }), sendNode('yes')], [edge('trigger', 'f'), edge('f', 'yes', 'match')]);
    expect(steps(run(doc, [signUp(MONDAY_9)])).map((s) => s[2])).toEqual(['next', 'match', 'next', 'ended']);
    const pro = run(doc, [signUp(MONDAY_9)], profile({ attributes: { plan: 'pro' } }));
    expect(steps(pro).map((s) => s[2])).toEqual(['next', 'else', 'ended']);
    expect(pro.journeys[0]!.data.trace[1]!.why).toBe("plan = 'trial' ✗ (seen 'pro')");
  });
});

describe('inbound messages', () => {
  const cond = { type: 'group' as const, match: 'all' as const, rules: [{ type: 'message' as const, operator: 'contains' as const, value: 'yes', caseSensitive: false }] };
  const doc = flow(
    [node('r', 'inbound-message', { condition: cond, timeout: { amount: 1, unit: 'days' } }), sendNode('ok'), sendNode('nudge')],
    [edge('trigger', 'r'), edge('r', 'ok', 'received'), edge('r', 'nudge', 'timeout')],
  );
  it('ignores non-matching messages and completes on the next matching one', () => {
    const r = run(doc, [signUp(MONDAY_9), { type: 'message', at: MONDAY_9 + HOUR, text: 'no' }, { type: 'message', at: MONDAY_9 + 2 * HOUR, text: 'Yes please' }]);
    expect(steps(r).slice(1, 4)).toEqual([
      ['2026-11-23T09:00', 'r', 'waiting'],
      ['2026-11-23T11:00', 'r', 'received'],
      ['2026-11-23T11:00', 'ok', 'next'],
    ]);
  });
  it('times out when no matching message comes', () => {
    const r = run(doc, [signUp(MONDAY_9), { type: 'message', at: MONDAY_9 + HOUR, text: 'no' }]);
    expect(steps(r).slice(2, 4)).toEqual([
      ['2026-11-24T09:00', 'r', 'timeout'],
      ['2026-11-24T09:00', 'nudge', 'next'],
    ]);
  });
});

describe('business hours and windows', () => {
  const weekdays = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open: '09:00', close: '17:00' }));
  const bhFlow = flow([node('w', 'wait', { wait: { mode: 'business_hours', clock: 'campaign' } }), sendNode('s')], [edge('trigger', 'w'), edge('w', 's')], {
    businessHours: { timezone: 'America/New_York', intervals: weekdays },
  });
  const dueOf = (r: UserRun) => new Date(r.journeys[0]!.data.trace.find((s) => s.node === 's')!.t).toISOString();

  it('skips a weekend across the spring DST change (EST → EDT)', () => {
    expect(dueOf(run(bhFlow, [signUp(at('2026-03-07T17:00:00Z'))]))).toBe('2026-03-09T13:00:00.000Z');
  });
  it('skips a weekend across the autumn DST change (EDT → EST)', () => {
    expect(dueOf(run(bhFlow, [signUp(at('2026-10-31T16:00:00Z'))]))).toBe('2026-11-02T14:00:00.000Z');
  });
  it('does not wait when open', () => {
    expect(steps(run(bhFlow, [signUp(at('2026-11-23T15:00:00Z'))])).map((s) => s[2])).toEqual(['next', 'next', 'next', 'ended']);
  });
  it('counts "1 day" as a calendar day in the campaign timezone across DST', () => {
    const doc = flow([node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'days' } } }), sendNode('s')], [edge('trigger', 'w'), edge('w', 's')], { timezone: 'Europe/Paris' });
    expect(dueOf(run(doc, [signUp(at('2026-03-28T08:00:00Z'))]))).toBe('2026-03-29T07:00:00.000Z');
  });
  it('waits for a time-of-day window on the user clock', () => {
    const doc = flow([node('w', 'wait', { wait: { mode: 'time_of_day', from: '09:00', to: '11:00', days: [], clock: 'user' } }), sendNode('s')], [edge('trigger', 'w'), edge('w', 's')]);
    expect(dueOf(run(doc, [signUp(MONDAY_9)], profile({ timezone: 'Asia/Tokyo' })))).toBe('2026-11-24T00:00:00.000Z');
  });
  it('holds a send outside business hours when the campaign says wait', () => {
    const doc = flow([sendNode('s')], [edge('trigger', 's')], { businessHours: { intervals: weekdays }, outsideBusinessHours: 'wait' });
    const r = run(doc, [signUp(at('2026-11-28T10:00:00Z'))]);
    expect(r.journeys[0]!.data.messages.map((m) => new Date(m.at).toISOString())).toEqual(['2026-11-30T09:00:00.000Z']);
    const anyway = run({ ...doc, campaign: { ...doc.campaign, outsideBusinessHours: 'send_anyway' } }, [signUp(at('2026-11-28T10:00:00Z'))]);
    expect(anyway.journeys[0]!.data.messages[0]!.at).toBe(at('2026-11-28T10:00:00Z'));
  });
});

describe('entry frequency', () => {
  const base = flow([sendNode('s')], [edge('trigger', 's')]);
  const ups = [signUp(MONDAY_9), signUp(MONDAY_9 + 9 * HOUR), signUp(MONDAY_9 + DAY)];
  const starts = (r: UserRun) => r.journeys.map((j) => [j.data.journeyId, new Date(j.data.trace[0]!.t).toISOString().slice(0, 16)]);
  it('once', () => {
    const r = run(base, ups);
    expect(starts(r)).toEqual([['u1:j1', '2026-11-23T09:00']]);
    // Readable times on the flow's clock, never epoch milliseconds or ISO "Z" times.
    expect(r.refused.map((x) => x.why)).toEqual(['entry frequency "once": already entered Mon 23 Nov 09:00', 'entry frequency "once": already entered Mon 23 Nov 09:00']);
  });
  it('every time', () => {
    expect(run({ ...base, campaign: { ...base.campaign, entryFrequency: { type: 'every_time' } } }, ups).journeys).toHaveLength(3);
  });
  it('once per interval', () => {
    const r = run({ ...base, campaign: { ...base.campaign, entryFrequency: { type: 'once_per_interval', interval: { amount: 1, unit: 'days' } } } }, ups);
    expect(starts(r)).toEqual([['u1:j1', '2026-11-23T09:00'], ['u1:j2', '2026-11-24T09:00']]);
    expect(r.refused.map((x) => x.why)).toEqual(['entry frequency: once per 1 day, next allowed Tue 24 Nov 09:00']);
    const paris = run({ ...base, campaign: { ...base.campaign, timezone: 'Europe/Paris', entryFrequency: { type: 'once_per_interval', interval: { amount: 1, unit: 'days' } } } }, ups);
    expect(paris.refused.map((x) => x.why)).toEqual(['entry frequency: once per 1 day, next allowed Tue 24 Nov 10:00']);
  });
  it('enters on a page visit long enough, and at a scheduled time', () => {
    const visit = { ...base, campaign: { ...base.campaign, trigger: { type: 'page_visit' as const, urlPattern: 'https://acme.test/pricing*', secondsOnPage: 10 } } };
    const r = run(visit, [
      { type: 'page_visit', at: MONDAY_9, url: 'https://acme.test/pricing/team', seconds: 5 },
      { type: 'page_visit', at: MONDAY_9 + HOUR, url: 'https://acme.test/about', seconds: 60 },
      { type: 'page_visit', at: MONDAY_9 + 2 * HOUR, url: 'https://acme.test/pricing', seconds: 12 },
    ]);
    expect(starts(r)).toEqual([['u1:j1', '2026-11-23T11:00']]);
    const scheduled = { ...base, campaign: { ...base.campaign, timezone: 'Europe/Paris', trigger: { type: 'scheduled' as const, at: '2026-11-24T10:00' } } };
    expect(starts(run(scheduled, [{ type: 'tag', at: MONDAY_9, tag: 'x', present: true }]))).toEqual([['u1:j1', '2026-11-24T09:00']]);
  });

  it('requires the audience to match', () => {
    const audience = { type: 'group' as const, match: 'all' as const, rules: [{ type: 'tag' as const, operator: 'has' as const, tag: 'vip' }] };
    const r = run({ ...base, campaign: { ...base.campaign, audience } }, [signUp(MONDAY_9)]);
    expect([r.journeys.length, r.refused[0]?.why]).toEqual([0, 'audience does not match: tagged vip ✗']);
  });
});
