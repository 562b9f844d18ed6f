import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { MONDAY_9, profile } from '../testing/engine-builders';
import { edge, example, node } from '../testing/flow-builders';
import { persistJourney, restoreFastJourney, restoreJourney } from './journey-state';
import { moveCheck, moveJourney } from './journey-move';
import { createJourneyMachine } from './machine';
import { MachineStepper } from './steppers';

const r1 = example('collect-name-and-email');
/** r2: the email question reworded, the nudge gone, a one-hour wait before the end. */
const r2: FlowDocument = {
  ...r1,
  nodes: [
    ...r1.nodes.filter((n) => n.id !== 'nudge').map((n) => (n.id === 'ask-email' && n.type === 'send' ? { ...n, data: { ...n.data, body: 'And your email, please?' } } : n)),
    node('pause', 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } }),
  ],
  edges: [...r1.edges.filter((e) => e.target !== 'nudge' && e.target !== 'done'), edge('to-support', 'pause'), edge('email-reply', 'pause', 'timeout'), edge('pause', 'done')],
};

/** A journey of r1 that asked for the name and waits for it, persisted. */
function waitingForName() {
  const s = new MachineStepper(createJourneyMachine(r1), { journeyId: 'j1', flowId: r1.campaign.id, time: MONDAY_9, profile: profile() });
  s.start();
  expect(Object.keys(s.data.due)).toEqual(['name-reply']);
  return JSON.parse(JSON.stringify(persistJourney(s, r1.campaign.id, 'r1'))) as ReturnType<typeof persistJourney>;
}

describe('moving a waiting journey to the next version', () => {
  it('says per step whether journeys waiting there can move', () => {
    expect(moveCheck(r1, r2, 'name-reply')).toEqual({ ok: true });
    expect(moveCheck(r1, r2, 'nudge')).toMatchObject({ ok: false, why: expect.stringContaining('not in the new version') });
    expect(moveCheck(r1, r2, 'ask-name')).toMatchObject({ ok: false, why: expect.stringContaining('Wait or a reply') });
    const retyped = { ...r2, nodes: r2.nodes.map((n) => (n.id === 'name-reply' ? node('name-reply', 'wait') : n)) };
    expect(moveCheck(r1, retyped, 'name-reply')).toMatchObject({ ok: false, why: expect.stringContaining('wait step in the new version') });
  });

  it('restores on r2 at the same step, keeps its timer, and carries on with r2’s steps', () => {
    const saved = waitingForName();
    const moved = moveJourney(saved, r1, r2, 'r2');
    if (!moved.ok) throw new Error(moved.error);
    expect(moved.state.revision).toBe('r2');
    // r1's state does not restore on r2; the moved one does.
    expect(restoreJourney(r2, 'r2', { ...saved, revision: 'r2' }).ok).toBe(false);
    const r = restoreJourney(r2, 'r2', moved.state);
    if (!r.ok) throw new Error(r.error);
    expect(r.stepper.data.due).toEqual((saved.snapshot as unknown as { context: { due: unknown } }).context.due);
    // The runner steps moved journeys on the fast path: it reads the moved state as the machine does.
    const fast = restoreFastJourney(r2, 'r2', JSON.parse(JSON.stringify(moved.state)));
    if (!fast.ok) throw new Error(fast.error);
    for (const s of [r.stepper, fast.stepper]) {
      s.act({ type: 'message', at: MONDAY_9 + 60_000, text: 'Ada' });
      expect(s.data.messages.at(-1)?.body).toBe('And your email, please?');
      s.act({ type: 'message', at: MONDAY_9 + 120_000, text: 'ada@example.com' });
      expect(Object.keys(s.data.due)).toEqual(['pause']);
    }
    expect(fast.stepper.data).toEqual(r.stepper.data);
  });

  it('refuses a journey waiting at a step r2 no longer has, saying which', () => {
    const saved = waitingForName();
    const without = { ...r2, nodes: r2.nodes.filter((n) => n.id !== 'name-reply'), edges: r2.edges.filter((e) => e.source !== 'name-reply' && e.target !== 'name-reply') };
    expect(moveJourney(saved, r1, without, 'r2')).toMatchObject({ ok: false, error: expect.stringContaining('Step "name-reply"') });
    expect(moveJourney(saved, r2, r2, 'r3')).toMatchObject({ ok: false });
  });
});
