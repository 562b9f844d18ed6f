import { describe, expect, it } from 'vitest';
import { edge, flow, node, sendNode } from '../testing/flow-builders';
import { MONDAY_9, profile, signUp } from '../testing/engine-builders';
import { incompatibility, persistJourney, restoreJourney } from './journey-state';
import { createJourneyMachine, nodeOfRegion, regionKey } from './machine';
import { MachineStepper } from './steppers';

const wait = (id: string) => node(id, 'wait', { wait: { mode: 'duration', duration: { amount: 1, unit: 'days' } } });
const doc = flow([sendNode('a.b'), wait('w#1'), sendNode('c%2E')], [edge('trigger', 'a.b'), edge('a.b', 'w#1'), edge('w#1', 'c%2E')]);

function started(d = doc) {
  const s = new MachineStepper(createJourneyMachine(d), { journeyId: 'j1', flowId: d.campaign.id, time: MONDAY_9, profile: profile() });
  s.start();
  return s;
}

describe('journey state keyed by node id', () => {
  it('keys regions by escaped node id, reversibly', () => {
    for (const id of ['a.b', 'w#1', 'c%2E', 'plain', '..']) expect(nodeOfRegion(regionKey(id))).toBe(id);
    expect(regionKey('a.b')).toBe('n:a%2Eb');
    const s = started();
    expect(s.actor.getSnapshot().value).toEqual({ running: { 'n:trigger': 'done', 'n:a%2Eb': 'done', 'n:w%231': 'waiting', 'n:c%252E': 'idle' } });
  });

  it('restores a saved journey through JSON and continues exactly as the original', () => {
    const a = started();
    const saved = JSON.parse(JSON.stringify(persistJourney(a, doc.campaign.id, 'r1'))) as unknown;
    const r = restoreJourney(doc, 'r1', saved);
    if (!r.ok) throw new Error(r.error);
    a.tick(a.nextDue()!);
    r.stepper.tick(r.stepper.nextDue()!);
    expect(r.stepper.data.trace).toEqual(a.data.trace);
    expect(r.stepper.data.status).toBe('ended');
  });

  it('refuses a state saved before a node was removed, naming the node, instead of crashing', () => {
    const saved = persistJourney(started(), doc.campaign.id, 'r1');
    const fewer = flow([sendNode('a.b'), sendNode('c%2E')], [edge('trigger', 'a.b'), edge('a.b', 'c%2E')]);
    const r = restoreJourney(fewer, 'r1', saved);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('nodes the flow no longer has (w#1)') });
  });

  it('refuses a state saved before a node was inserted instead of moving the user', () => {
    const saved = persistJourney(started(), doc.campaign.id, 'r1');
    const more = flow([sendNode('new'), sendNode('a.b'), wait('w#1'), sendNode('c%2E')], [edge('trigger', 'new'), edge('new', 'a.b'), edge('a.b', 'w#1'), edge('w#1', 'c%2E')]);
    expect(incompatibility(more, 'r1', saved)).toContain('the flow has nodes it does not know (new)');
  });

  it('refuses a state of another revision, another flow or an unknown format', () => {
    const saved = persistJourney(started(), doc.campaign.id, 'r1');
    expect(incompatibility(doc, 'r2', saved)).toContain('runs revision r1');
    expect(incompatibility({ ...doc, campaign: { ...doc.campaign, id: 'other' } }, 'r1', saved)).toContain('belongs to flow');
    expect(incompatibility(doc, 'r1', { snapshot: {} })).toContain('not in a known format');
    expect(incompatibility(doc, 'r1', { ...saved, snapshot: { context: {}, value: { running: 3 } } })).toContain('no node regions');
  });

  it('restores a finished journey, which ignores further input', () => {
    const a = started();
    a.act(signUp(MONDAY_9 + 1));
    a.tick(a.nextDue()!);
    const r = restoreJourney(doc, 'r1', persistJourney(a, doc.campaign.id, 'r1'));
    if (!r.ok) throw new Error(r.error);
    expect(r.stepper.running).toBe(false);
    r.stepper.tick(MONDAY_9 + 10 ** 10);
    expect(r.stepper.data.trace).toEqual(a.data.trace);
  });
});
