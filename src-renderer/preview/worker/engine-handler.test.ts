import { describe, expect, it } from 'vitest';
import { runPopulation, PopulationIndex, replayUser } from '../../../src-shared/engine/index';
import { createEngineClient, inProcessPort } from './engine-client';
import { createEngineHandler } from './engine-handler';
import type { EngineMessage } from './engine-protocol';
import type { SimulationRecord } from '../../db/simulation-records';
import { instantOf, toActions, triggerScript, type ScriptItem } from '../journey/script-model';
import { onboarding } from '../test-fixtures';
import { example } from '../../../src-shared/testing/flow-builders';
import { nodeCountsAt } from '../population/timeline-counts';
import { toPart } from '../population/population-parallel';
import { combineRuns } from '../population/forecast-runs';
import { flowFingerprint } from '../flow-fingerprint';

const doc = onboarding();
const profile = { id: 'ada', attributes: { first_name: 'Ada', plan: 'trial' }, tags: [], segments: [], timezone: 'UTC' };
const script = toActions(triggerScript(doc.campaign), 'UTC');
const client = () => createEngineClient(() => inProcessPort((post) => createEngineHandler(post, { sliceUsers: 100 })));

describe('engine handler', () => {
  it('previews one user with every step explained and the user state after each input', async () => {
    const view = await client().call('preview.run', { doc, options: { profile, script, from: instantOf(1, '00:00', 'UTC') } });
    expect(view.steps[0]).toMatchObject({ node: 'trigger', outcome: 'next', journey: 0, input: 0 });
    expect(view.steps.map((s) => s.node)).toContain('check-in');
    expect(view.steps.at(-1)).toMatchObject({ outcome: 'ended' });
    expect(view.journeys[0]).toMatchObject({ status: 'ended', reason: 'end:end' });
    // 09:00 UTC is before business hours in New York: after the entry the welcome email is held.
    expect(view.states[0]![0]).toMatchObject({ status: 'running', waiting: ['welcome'], messages: 0 });
    expect(view.steps[1]!.why).toMatch(/outside business hours/);
    expect(view.states[0]!.length).toBe(Math.max(...view.steps.map((s) => s.input)) + 1);
  });

  it('previews a segment-triggered flow: the script puts the user in the segment, then out', async () => {
    const bySegment = { ...doc, campaign: { ...doc.campaign, trigger: { type: 'segment_entered' as const, segment: 'trial-users' } } };
    const items = triggerScript(bySegment.campaign);
    expect(items).toMatchObject([{ kind: 'segment', segment: 'trial-users', present: true }]);
    const leave = { id: 'leave', day: 2, time: '12:00', kind: 'segment' as const, segment: 'trial-users', present: false };
    const actions = toActions([...items, leave], 'UTC');
    expect(actions.map((a) => a.type === 'segment' && a.present)).toEqual([true, false]);
    const view = await client().call('preview.run', { doc: bySegment, options: { profile, script: actions, from: instantOf(1, '00:00', 'UTC') } });
    expect(view.steps[0]).toMatchObject({ node: 'trigger', outcome: 'next' });
    expect(view.journeys).toHaveLength(1);
    // Not in the segment: nobody enters.
    const other = await client().call('preview.run', { doc: bySegment, options: { profile, script: toActions([{ ...items[0]!, segment: 'other' } as ScriptItem], 'UTC'), from: instantOf(1, '00:00', 'UTC') } });
    expect(other.journeys).toHaveLength(0);
  });

  it('forks at a step and reports where the paths part', async () => {
    const base = await client().call('preview.run', { doc, options: { profile, script } });
    const waitingForReply = base.steps.findIndex((s) => s.node === 'reply' && s.outcome === 'waiting');
    const f = await client().call('preview.fork', { doc, options: { profile, script }, step: waitingForReply, change: { type: 'message', at: 0, text: 'yes please' } });
    expect(f.divergesAt).toBe(waitingForReply + 1);
    expect(f.fork.steps.map((s) => s.node)).toContain('to-sales');
    expect(f.original.journeys[0]!.reason).toBe('end:end');
    expect(f.fork.journeys[0]!.reason).toBe('end:end-sales');
    expect(f.fork.script.at(-1)).toMatchObject({ type: 'message', at: base.steps[waitingForReply]!.t });
  });

  it('runs a population in slices with progress; equals the engine run; drill-down and replay agree', async () => {
    const c = client();
    const progress: number[] = [];
    const spec = { users: 450, days: 20, seed: 3 };
    const view = await c.call('population.run', { runId: 'r1', doc, spec }, { onProgress: (done) => progress.push(done) });
    const direct = runPopulation(doc, spec);
    expect(view.users).toBe(450);
    expect(view.outcomes).toEqual(direct.outcomes);
    expect(view.nodes).toEqual(direct.nodes);
    expect(progress.at(-1)).toBe(450);
    expect(progress.length).toBeGreaterThan(4);
    // An edge counts users who travelled it: those exited as they entered never reach the first step.
    expect(view.edgeVolumes['e-trigger-welcome']).toBe(direct.nodes['welcome']!.entered);
    expect(view.edgeVolumes['e-trigger-welcome']).toBeLessThanOrEqual(direct.nodes['trigger']!.completed['next']!);
    // The slider table equals PopulationIndex at its instants.
    const index = new PopulationIndex(direct);
    let waiting = 0;
    for (const b of [0, 50, 200, 1000, view.timeline.buckets - 1]) {
      const counts = index.countsAt(view.timeline.start + b * view.timeline.step);
      for (const id of view.timeline.nodeIds) {
        expect(nodeCountsAt(view.timeline, b, view.timeline.nodeIds.indexOf(id)), `${id} at bucket ${b}`).toEqual({ entered: counts[id]!.entered, waiting: counts[id]!.waiting });
        waiting += counts[id]!.waiting;
      }
    }
    expect(waiting).toBeGreaterThan(0);

    const page = await c.call('population.users', { runId: 'r1', query: { nodeId: 'to-sales', outcome: 'all', search: '', offset: 0, limit: 10 } });
    expect(page.reached).toBe(direct.nodes['to-sales']!.entered);
    expect(page.rows.length).toBe(Math.min(10, page.reached));
    const exited = await c.call('population.users', { runId: 'r1', query: { nodeId: 'welcome', outcome: 'exited', search: '', offset: 0, limit: 500 } });
    expect(exited.rows.every((r) => r.outcome === 'exited')).toBe(true);
    const searched = await c.call('population.users', { runId: 'r1', query: { nodeId: 'welcome', outcome: 'all', search: 'grace', offset: 0, limit: 500 } });
    expect(searched.rows.every((r) => r.name === 'Grace')).toBe(true);
    expect(searched.total).toBeGreaterThan(0);

    const user = page.rows[0]!.userIndex;
    const replay = await c.call('population.replay', { runId: 'r1', userIndex: user });
    expect(replay.steps.map((s) => s.node)).toEqual(replayUser(doc, spec, user).steps.map((s) => s.node));
    expect(replay.steps.map((s) => s.node)).toContain('to-sales');
  });

  it('cancels a run between slices', async () => {
    const c = client();
    let cancelled = false;
    const run = c.call('population.run', { runId: 'big', doc, spec: { users: 5000, days: 10, seed: 1 } }, {
      onProgress: (done) => {
        if (done >= 200 && !cancelled) {
          cancelled = true;
          void c.call('population.cancel', { runId: 'big' });
        }
      },
    });
    const view = await run;
    expect(view.cancelled).toBe(true);
    expect(view.users).toBeLessThan(5000);
    await expect(c.call('population.users', { runId: 'big', query: { nodeId: 'welcome', outcome: 'all', search: '', offset: 0, limit: 1 } })).rejects.toThrow('unknown-run');
  });

  it('answers unknown channels and failures with errors, not silence', async () => {
    const posted: EngineMessage[] = [];
    const handle = createEngineHandler((m) => posted.push(m));
    await handle({ id: 1, channel: 'nope' as never, args: {} as never });
    await handle({ id: 2, channel: 'population.replay', args: { runId: 'missing', userIndex: 0 } });
    expect(posted).toEqual([
      { id: 1, kind: 'error', message: 'Unknown engine channel: nope' },
      { id: 2, kind: 'error', message: 'unknown-run' },
    ]);
  });

  it('forecasts journeys in flight on the live version and, where they can move, on the next one', async () => {
    const live = example('collect-name-and-email');
    const next = { ...live, nodes: live.nodes.map((n) => (n.id === 'nudge' ? { ...n, id: 'nudge-2' } : n)), edges: live.edges.map((e) => (e.target === 'nudge' ? { ...e, target: 'nudge-2' } : e)) };
    const groups = [
      { nodeId: 'name-reply', count: 30 },
      { nodeId: 'ask-name', count: 2 },
    ];
    const r = await client().call('forecast.inFlight', { live, next, groups, days: 7 });
    expect(r.movable).toEqual(['name-reply']);
    expect(r.stay.journeys).toBe(32);
    expect(r.moved.journeys).toBe(32);
    // Staying, timed-out contacts get r1's nudge; moved, the renamed one.
    expect(r.stay.nodes['nudge']?.sent).toBeGreaterThan(0);
    expect(r.moved.nodes['nudge-2']!.sent + r.moved.nodes['nudge']!.sent).toBe(r.stay.nodes['nudge']!.sent);
    expect(r.moved.nodes['nudge']!.sent).toBeLessThanOrEqual(2);
  });

  it('merges only a run it was prepared for, with the flow it was sent then', async () => {
    const c = client();
    await expect(c.call('population.merge', { runId: 'nope', parts: [], elapsedMs: 0 })).rejects.toThrow('Population run nope was not prepared for merging.');
    const spec = { users: 40, days: 5, seed: 1 };
    await c.call('population.prepare', { runId: 'r2', doc, spec });
    const view = await c.call('population.merge', { runId: 'r2', parts: [toPart(runPopulation(doc, spec)).part], elapsedMs: 0 });
    expect(view.users).toBe(40);
    expect(view.fingerprint).toBe(flowFingerprint(doc));
    await expect(c.call('population.merge', { runId: 'r2', parts: [], elapsedMs: 0 })).rejects.toThrow('not prepared');
  });

  it('saves a merged run it holds, with its flow and intact arrays, once; a forecast only while its runs are held', async () => {
    const saved: Omit<SimulationRecord, 'id' | 'createdAt'>[] = [];
    const c = createEngineClient(() => inProcessPort((post) => createEngineHandler(post, { saveRun: async (r) => saved.push(r) })));
    const spec = { users: 60, days: 5, seed: 2 };
    const merge = async (runId: string) => {
      await c.call('population.prepare', { runId, doc, spec });
      return c.call('population.merge', { runId, parts: [toPart(runPopulation(doc, spec)).part], elapsedMs: 0 });
    };
    const view = await merge('a');
    await merge('b');
    const record = { flowId: doc.campaign.id, name: 'two', fingerprint: view.fingerprint! };
    const forecast = (runIds: string[]) => ({ runs: 2, seeds: [2, 3], keptSeed: 2, timeline: { runIds, outcomes: null }, journeys: { p5: 0, p50: 0, p95: 0 }, exits: {}, converted: { p5: 0, p50: 0, p95: 0 }, convertedBy: {}, completed: {} }) as never;
    await c.call('population.release', { runId: 'b' });
    await expect(c.call('population.save', { runId: 'a', record: { ...record, forecast: forecast(['a', 'b']) } })).rejects.toThrow('Run b of the forecast is no longer held');
    expect(await c.call('population.save', { runId: 'a', record: { ...record, forecast: forecast(['a']) } })).toBe(1);
    const { runId: _runId, fingerprint: _fingerprint, ...shown } = view;
    expect(saved[0]!.view).toEqual(shown);
    expect(saved[0]!.view.timeline.arrivals!.times.length).toBeGreaterThan(0);
    expect(saved[0]!.document).toEqual(doc);
    expect(saved[0]!.forecast!.timeline.tables).toEqual([view.timeline]);
    await expect(c.call('population.save', { runId: 'a', record })).rejects.toThrow('has no view to save');
    // Without a database (no saveRun) nothing is written and the answer says so.
    const plain = client();
    await plain.call('population.prepare', { runId: 'c', doc, spec });
    await plain.call('population.merge', { runId: 'c', parts: [toPart(runPopulation(doc, spec)).part], elapsedMs: 0 });
    expect(await plain.call('population.save', { runId: 'c', record })).toBeNull();
    await expect(plain.call('population.save', { runId: 'gone', record })).rejects.toThrow('unknown-run');
  });

  it('combines several merged runs it holds as combineRuns does on the views sent', async () => {
    const c = client();
    const views = [];
    for (const seed of [1, 2, 3]) {
      const spec = { users: 80, days: 5, seed };
      await c.call('population.prepare', { runId: `s${seed}`, doc, spec });
      views.push(await c.call('population.merge', { runId: `s${seed}`, parts: [toPart(runPopulation(doc, spec)).part], elapsedMs: 0 }));
    }
    const here = combineRuns(views, [1, 2, 3]);
    const there = await c.call('population.combine', { runIds: ['s1', 's2', 's3'], seeds: [1, 2, 3] });
    expect(there.kept).toBe(here.kept);
    expect({ ...there.spread, timeline: { tables: views.map((v) => v.timeline), outcomes: there.spread.timeline.outcomes } }).toEqual(here.spread);
    await c.call('population.release', { runId: 's2' });
    await expect(c.call('population.combine', { runIds: ['s1', 's2'], seeds: [1, 2] })).rejects.toThrow('unknown-run');
  });
});
