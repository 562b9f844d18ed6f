/**
 * The naive XState baseline of the engine benchmark: one journey written the way an XState user
 * would write it by hand (a plain `setup().createMachine()` with `after` delays, one
 * `createActor` + `SimulatedClock` per user), and the same journey as a flow document for the
 * engine. Both are fed the same synthetic users (profile, entry time and replies drawn from the
 * same seeded streams), so the ratio of their speeds compares like with like, and their send
 * counts must agree (checked by `sameOutcome`).
 */
import { assign, createActor, setup, SimulatedClock } from 'xstate';
import type { PopulationResult, PopulationSpec } from '../../src-shared/engine';
import { syntheticUsers } from '../../src-shared/engine/synth';
import type { FlowDocument } from '../../src-shared/flow';
import { edge, flow, node } from '../../src-shared/testing/flow-builders';

const DAY = 86_400_000;

/** The sends of the journey, in both forms. */
export const SEND_STEPS = ['welcome', 'pro-tips', 'thanks', 'nudge', 'basic-tips', 'upgrade'] as const;

/**
 * 12 steps: welcome, a day's wait, a plan filter; pro users get tips and a 2-day wait for a reply
 * (thanks or a nudge), the others tips, a 2-day wait and an upgrade offer; one end.
 */
export function sameJourneyFlow(): FlowDocument {
  const send = (id: string, channel: 'email' | 'chat') => node(id, 'send', { channel, subject: channel === 'email' ? id : '', body: `${id} {{ contact.first_name }}`, label: id });
  // flow() brings the trigger (id "trigger", on user.signed_up).
  return flow(
    [
      send('welcome', 'email'),
      node('wait-1d', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'days' } } }),
      node('is-pro', 'filter', { condition: { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' }] } }),
      send('pro-tips', 'chat'),
      node('reply', 'inbound-message', { condition: null, timeout: { amount: 2, unit: 'days' } }),
      send('thanks', 'chat'),
      send('nudge', 'chat'),
      send('basic-tips', 'email'),
      node('wait-2d', 'wait', { wait: { mode: 'duration', duration: { amount: 2, unit: 'days' } } }),
      send('upgrade', 'email'),
      node('end', 'end', { label: 'Done' }),
    ],
    [
      edge('trigger', 'welcome'),
      edge('welcome', 'wait-1d'),
      edge('wait-1d', 'is-pro'),
      edge('is-pro', 'pro-tips', 'match'),
      edge('pro-tips', 'reply'),
      edge('reply', 'thanks', 'received'),
      edge('thanks', 'end'),
      edge('reply', 'nudge', 'timeout'),
      edge('nudge', 'end'),
      edge('is-pro', 'basic-tips', 'else'),
      edge('basic-tips', 'wait-2d'),
      edge('wait-2d', 'upgrade'),
      edge('upgrade', 'end'),
    ],
    { timezone: 'UTC' },
  );
}

/** The users both sides run: plans, one sign-up each, replies after a few hours half the time. */
export const sameJourneySpec = (users: number): PopulationSpec => ({
  users,
  days: 30,
  seed: 9,
  attributes: { first_name: { values: ['Ada', 'Grace'] }, plan: { values: ['pro', 'trial'], weights: [1, 1] } },
  timezones: { values: ['UTC'] },
  replyProbability: 0.5,
  replyDelayMinutes: 600,
  exitChance: 0,
});

type NaiveEvent = { type: 'user.signed_up' } | { type: 'user.messaged'; text: string };
type Sent = { node: string; channel: string };

const sendAction = (nodeId: string, channel: string) => ({ type: 'send' as const, params: { node: nodeId, channel } });

/** The journey as plain XState: states, `after` delays, `always` for the filter. */
export const naiveMachine = setup({
  types: { context: {} as { plan: string; sent: Sent[] }, events: {} as NaiveEvent, input: {} as { plan: string } },
  actions: { send: assign(({ context }, p: Sent) => ({ sent: [...context.sent, p] })) },
  guards: { isPro: ({ context }) => context.plan === 'pro' },
}).createMachine({
  context: ({ input }) => ({ plan: input.plan, sent: [] }),
  initial: 'idle',
  states: {
    idle: { on: { 'user.signed_up': 'welcome' } },
    welcome: { entry: sendAction('welcome', 'email'), always: 'wait1d' },
    wait1d: { after: { [DAY]: 'isPro' } },
    isPro: { always: [{ guard: 'isPro', target: 'proTips' }, { target: 'basicTips' }] },
    proTips: { entry: sendAction('pro-tips', 'chat'), always: 'reply' },
    reply: { on: { 'user.messaged': 'thanks' }, after: { [2 * DAY]: 'nudge' } },
    thanks: { entry: sendAction('thanks', 'chat'), always: 'end' },
    nudge: { entry: sendAction('nudge', 'chat'), always: 'end' },
    basicTips: { entry: sendAction('basic-tips', 'email'), always: 'wait2d' },
    wait2d: { after: { [2 * DAY]: 'upgrade' } },
    upgrade: { entry: sendAction('upgrade', 'email'), always: 'end' },
    end: { type: 'final' },
  },
});

/**
 * Runs users [0, n) of the spec through the naive machine: per user an actor on a simulated
 * clock, advanced to each next timer or reply (whichever is first) until the period ends.
 * Returns the number of messages each send step sent.
 */
export function runNaive(doc: FlowDocument, spec: PopulationSpec): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(SEND_STEPS.map((s) => [s, 0]));
  const user = syntheticUsers(doc.campaign, spec);
  const start = Date.UTC(2026, 10, 23);
  const until = start + spec.days * DAY;
  for (let i = 0; i < spec.users; i++) {
    const u = user(i);
    const signUp = u.actions.find((a) => a.type === 'event')!;
    const clock = new SimulatedClock();
    const actor = createActor(naiveMachine, { input: { plan: String(u.profile.attributes.plan) }, clock });
    actor.start();
    const base = signUp.at;
    const replies: { at: number; text: string }[] = [];
    let seen = 0;
    const collect = () => {
      const sent = actor.getSnapshot().context.sent;
      for (; seen < sent.length; seen++) {
        const s = sent[seen]!;
        const r = u.onSend({ at: base + clock.now(), nodeId: s.node, channel: s.channel, body: '', sender: '', conversationId: '' });
        for (const a of r ?? []) if (a.type === 'message') replies.push({ at: a.at - base, text: a.text });
      }
    };
    actor.send({ type: 'user.signed_up' });
    collect();
    while (actor.getSnapshot().status === 'active') {
      let next = until - base;
      for (const t of timers(clock)) next = Math.min(next, t.start + t.timeout);
      let reply = -1;
      for (let k = 0; k < replies.length; k++) if (replies[k]!.at < next && (reply < 0 || replies[k]!.at < replies[reply]!.at)) reply = k;
      if (reply >= 0) next = replies[reply]!.at;
      if (next > until - base) break;
      clock.set(Math.max(next, clock.now()));
      // Timers due at this instant go first, then the reply: the engine's order.
      if (reply >= 0) actor.send({ type: 'user.messaged', text: replies.splice(reply, 1)[0]!.text });
      collect();
      if (reply < 0 && next === until - base) break;
    }
    for (const s of actor.getSnapshot().context.sent) counts[s.node]!++;
    actor.stop();
  }
  return counts;
}

/**
 * The clock's pending timers. SimulatedClock offers no "next due" and fires everything due at
 * the time it is set to, with `now()` at that time; reading its table is how a driver steps to
 * exactly each timer, so sends and replies get their true times.
 */
function timers(clock: SimulatedClock): Iterable<{ start: number; timeout: number }> {
  return (clock as unknown as { timeouts: Map<number, { start: number; timeout: number }> }).timeouts.values();
}

/** Whether the engine's run sent what the naive machine sent, step by step. */
export function sameOutcome(engine: PopulationResult, naive: Record<string, number>): boolean {
  return SEND_STEPS.every((s) => (engine.nodes[s]?.completed.next ?? 0) === naive[s]);
}
