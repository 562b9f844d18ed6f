import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edge, flow, node, sendNode } from '../testing/flow-builders';
import { DAY, HOUR, MONDAY_9, profile, randomFlow, randomScript, signUp } from '../testing/engine-builders';
import { createJourneyMachine } from './machine';
import { forkPreview, previewJourney } from './preview';
import { MachineStepper } from './steppers';

describe('preview', () => {
  const doc = flow(
    [sendNode('hello', 'Hi {{ contact.first_name }}'), node('w', 'wait', { wait: { mode: 'duration', duration: { amount: 2, unit: 'days' } } }), sendNode('again')],
    [edge('trigger', 'hello'), edge('hello', 'w'), edge('w', 'again')],
    { globalExits: [{ id: 'upgraded', name: 'Upgraded', condition: { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' }] } }] },
  );
  const opts = { profile: profile(), script: [signUp(MONDAY_9)] };

  it('returns every step with input, outcome, explanation and snapshot reference', () => {
    const p = previewJourney(doc, opts);
    expect(p.steps.map((s) => [s.node, s.event, s.outcome, s.snapshot.input])).toEqual([
      ['trigger', 'journey.start', 'next', 0],
      ['hello', 'journey.start', 'next', 0],
      ['w', 'journey.start', 'waiting', 0],
      ['w', 'clock.tick', 'next', 1],
      ['again', 'clock.tick', 'next', 1],
      ['', 'clock.tick', 'ended', 1],
    ]);
    expect(p.messages.map((m) => m.body)).toEqual(['Hi Ada', 'Hello Ada']);
    expect(p.steps[2]!.why).toBe('waiting for 2 days (UTC) until Wed 25 Nov 09:00');
    expect(p.tapes[0]!.seekStep(2).value).toEqual({ running: { 'n:trigger': 'done', 'n:hello': 'done', 'n:w': 'waiting', 'n:again': 'idle' } });
  });

  it('forks at a step with a changed attribute and shows where the runs part', () => {
    const f = forkPreview(doc, opts, 2, { type: 'attribute', at: 0, name: 'plan', value: 'pro' });
    expect(f.divergesAt).toBe(3);
    expect(f.original.journeys[0]!.status).toBe('ended');
    expect([f.fork.journeys[0]!.status, f.fork.journeys[0]!.reason, f.fork.steps[3]!.event]).toEqual(['exited', 'upgraded', 'user.attribute']);
  });
});

describe('rewind', () => {
  it('seeking back and forth in any order equals running straight to that point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (nodes, seed, seeks) => {
        const doc = randomFlow(nodes, seed);
        const script = [...randomScript(seed, MONDAY_9, 6), { type: 'message' as const, at: MONDAY_9 + HOUR, text: 'yes' }];
        const p = previewJourney(doc, { profile: profile(), script, until: MONDAY_9 + 6 * DAY });
        const tape = p.tapes[0]!;
        const machine = createJourneyMachine(doc);
        for (const raw of seeks) {
          const i = raw % tape.inputs.length;
          const straight = new MachineStepper(machine, tape.input);
          let converted: number | null = null;
          for (const rec of tape.inputs.slice(0, i + 1)) {
            if (rec.kind === 'entry') straight.start();
            else if (rec.kind === 'tick') straight.tick(rec.at);
            else if (rec.kind === 'action') straight.act(rec.action);
            else converted = rec.at;
          }
          expect(tape.seekInput(i).data).toEqual(converted === null ? straight.data : { ...straight.data, converted });
        }
        expect(tape.seekInput(tape.inputs.length - 1).data).toEqual(p.journeys[0]);
        expect(tape.seekTime(MONDAY_9 + 100 * DAY).data).toEqual(p.journeys[0]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('snapshots', () => {
  it('are plain JSON values: a restored journey continues exactly like the original', () => {
    const doc = randomFlow(25, 4);
    const machine = createJourneyMachine(doc);
    const input = { journeyId: 'u1:j1', time: MONDAY_9, profile: profile(), explain: true };
    const a = new MachineStepper(machine, input);
    a.start();
    const json: unknown = JSON.parse(JSON.stringify(a.actor.getPersistedSnapshot()));
    const b = new MachineStepper(machine, input, json as never);
    for (const s of [a, b]) {
      s.act({ type: 'message', at: MONDAY_9 + HOUR, text: 'yes' });
      s.tick(MONDAY_9 + DAY);
    }
    expect(b.data).toEqual(a.data);
    expect(b.actor.getSnapshot().value).toEqual(a.actor.getSnapshot().value);
  });
});
