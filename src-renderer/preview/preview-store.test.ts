import { describe, expect, it } from 'vitest';
import type { SavedPreviewRecord, SimulationRecord } from '../db/simulation-records';
import { createEngineClient, inProcessPort } from './worker/engine-client';
import { createEngineHandler } from './worker/engine-handler';
import { createPreviewStore, type PreviewPersistence } from './preview-store';
import { onboarding } from './test-fixtures';

const doc = onboarding();

function setup() {
  const runs: Omit<SimulationRecord, 'id' | 'createdAt'>[] = [];
  const previews: Omit<SavedPreviewRecord, 'id' | 'createdAt'>[] = [];
  const persistence: PreviewPersistence = {
    savePreview: async (r) => previews.push(r),
    updatePreview: async () => undefined,
  };
  // Runs are saved by the worker that holds them.
  const saveRun = async (r: Omit<SimulationRecord, 'id' | 'createdAt'>) => runs.push(r);
  const open = () => createEngineClient(() => inProcessPort((post) => createEngineHandler(post, { sliceUsers: 200, saveRun })));
  const store = createPreviewStore({ client: open(), openWorker: open, workers: 3, minUsersPerWorker: 100, persistence, doc });
  store.getState().setMode('preview');
  return { store, runs, previews };
}

describe('preview store', () => {
  it('runs the scripted user, then steps, scrubs and jumps with the canvas overlay following', async () => {
    const { store } = setup();
    expect(store.getState().script[0]).toMatchObject({ kind: 'event', name: 'user.signed_up' });
    await store.getState().runPreview(doc);
    const s = store.getState();
    expect(s.journey.status).toBe('ready');
    expect(s.cursor).toBe(s.frame!.cursor);
    expect(s.overlay!.nodes['end']).toMatchObject({ role: 'current' });
    s.seek(0);
    expect(store.getState().overlay!.nodes['trigger']).toMatchObject({ role: 'current' });
    expect(store.getState().overlay!.nodes['end']).toMatchObject({ role: 'idle' });
    store.getState().seek(2);
    expect(store.getState().frame!.current).toBe('welcome');
    store.getState().setTab('population');
    expect(store.getState().overlay).toBeNull();
  });

  it('an unedited script follows the trigger renamed after the editor opened, so a new flow previews in one click', async () => {
    const open = () => createEngineClient(() => inProcessPort((post) => createEngineHandler(post, { sliceUsers: 200 })));
    const blank = { ...doc, campaign: { ...doc.campaign, trigger: { type: 'event' as const, event: '', properties: [] } } };
    const store = createPreviewStore({ client: open(), openWorker: open, workers: 1, doc: blank });
    expect(store.getState().script[0]).toMatchObject({ kind: 'event', name: '' });
    await store.getState().runPreview(doc);
    expect(store.getState().script[0]).toMatchObject({ kind: 'event', name: 'user.signed_up' });
    expect(store.getState().journey.status).toBe('ready');
    // A script the marketer edited is theirs: the trigger no longer rewrites it.
    store.getState().setScript([{ ...store.getState().script[0]!, name: 'custom.event' } as never]);
    store.getState().followTrigger(doc);
    expect(store.getState().script[0]).toMatchObject({ name: 'custom.event' });
    store.getState().resetScript(doc);
    expect(store.getState().script[0]).toMatchObject({ name: 'user.signed_up' });
  });

  it('forks “what if the user replied here” and switches the canvas between both paths', async () => {
    const { store } = setup();
    await store.getState().runPreview(doc);
    const j = store.getState().journey;
    if (j.status !== 'ready') throw new Error('no journey');
    const at = j.shown.view.steps.findIndex((x) => x.node === 'reply' && x.outcome === 'waiting');
    await store.getState().forkAt(doc, at, { type: 'message', at: 0, text: 'yes' });
    const f = store.getState().fork;
    expect(f.status).toBe('ready');
    if (f.status !== 'ready') return;
    expect(f.view.divergesAt).toBe(at + 1);
    store.getState().seek(f.view.fork.steps.length - 1);
    expect(store.getState().frame!.current).toBe('end-sales');
    store.getState().showForkSide('original');
    store.getState().seek(f.view.original.steps.length - 1);
    expect(store.getState().frame!.current).toBe('end');
  });

  it('simulates a population: progress, saved with its flow, badges by slider, drill-down, a user replayed', async () => {
    const { store, runs } = setup();
    store.getState().setSettings({ users: 600, days: 20 });
    // One run: the badges count the very users the drill-down lists.
    store.getState().setRuns(1);
    store.getState().setTab('population');
    const seen: number[] = [];
    const unsub = store.subscribe((s) => s.population.status === 'running' && seen.push(s.population.done));
    await store.getState().runPopulation(doc);
    unsub();
    expect(seen.length).toBeGreaterThan(1);
    const p = store.getState().population;
    if (p.status !== 'ready') throw new Error(p.status);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.document).toEqual(doc);
    // What was saved is what is shown (the worker's copy of the run, less its id and fingerprint).
    const { runId: _runId, fingerprint, ...shown } = p.view;
    expect(runs[0]!.view).toEqual(shown);
    expect(runs[0]!.fingerprint).toBe(fingerprint);
    expect(runs[0]!.spec).toEqual(p.view.spec);
    await expect.poll(() => store.getState().population.status === 'ready' && (store.getState().population as { savedId: number | null }).savedId).toBe(1);
    const end = store.getState().overlay!.nodes['welcome'];
    expect(end).toMatchObject({ kind: 'population' });
    store.getState().setBucket(10);
    const early = store.getState().overlay!.nodes['welcome'];
    expect(early && early.kind === 'population' && end && end.kind === 'population' && early.entered < end.entered).toBe(true);
    // The drill-down is of the slider's instant too: it lists what the badge counts, and follows the slider.
    store.getState().openDrill('welcome');
    await expect.poll(() => store.getState().drill?.status).toBe('ready');
    expect(early && early.kind === 'population' && store.getState().drill!.page!.reached).toBe(early && early.kind === 'population' && early.entered);
    store.getState().setBucket(p.view.timeline.buckets - 1);
    await expect.poll(() => store.getState().drill?.page?.reached).toBe(end && end.kind === 'population' && end.entered);

    store.getState().openDrill('to-sales');
    await expect.poll(() => store.getState().drill?.status).toBe('ready');
    const rows = store.getState().drill!.page!.rows;
    expect(rows.length).toBeGreaterThan(0);

    // Pages of 50 beyond the first, back to the first when the filter changes.
    store.getState().openDrill('welcome');
    await expect.poll(() => store.getState().drill?.status).toBe('ready');
    const first = store.getState().drill!.page!;
    // The derived audience: a fifth are on the trial plan the trigger asks for.
    expect(first.total).toBeGreaterThan(50);
    expect(first).toMatchObject({ offset: 0 });
    expect(first.rows).toHaveLength(50);
    store.getState().setDrillPage(50);
    await expect.poll(() => store.getState().drill?.page?.offset).toBe(50);
    expect(store.getState().drill!.page!.rows[0]!.userIndex).not.toBe(first.rows[0]!.userIndex);
    store.getState().setDrillPage(1_000_000);
    await expect.poll(() => store.getState().drill?.page?.offset).toBe(Math.floor((first.total - 1) / 50) * 50);
    expect(store.getState().drill!.page!.rows.length).toBe(first.total - store.getState().drill!.page!.offset);
    store.getState().setDrillFilter({ outcome: 'exited' });
    await expect.poll(() => store.getState().drill?.page?.offset).toBe(0);
    store.getState().openDrill('to-sales');
    await expect.poll(() => store.getState().drill?.status).toBe('ready');
    await store.getState().openUser(rows[0]!.userIndex, rows[0]!.name);
    expect(store.getState().tab).toBe('journey');
    const j = store.getState().journey;
    expect(j.status === 'ready' && j.shown.source).toBe('population');
    expect(store.getState().frame!.visited).toContain('to-sales');
  });

  it('forecasts over several seeded runs: the most typical shown and listed, ranges kept', async () => {
    const { store, runs } = setup();
    store.getState().setSettings({ users: 300, days: 10, seed: 4 });
    store.getState().setRuns(3);
    store.getState().setTab('population');
    let total = 0;
    const unsub = store.subscribe((s) => s.population.status === 'running' && (total = s.population.total));
    await store.getState().runPopulation(doc);
    unsub();
    expect(total).toBe(900);
    const p = store.getState().population;
    if (p.status !== 'ready') throw new Error(p.status);
    expect(p.forecast).toMatchObject({ runs: 3, seeds: [4, 5, 6] });
    const kept = p.forecast!.keptSeed;
    expect(p.view.spec.seed).toBe(kept);
    expect(p.audience?.size).toBe(300);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.name).toContain(`seed 4 · 3 runs, seed ${kept} shown`);
    expect(runs[0]!.forecast?.runs).toBe(3);
    // The ranges saved are read from the same three timelines as the ones shown.
    expect(runs[0]!.forecast).toEqual(p.forecast);
    // The run shown is one run of its own: the same seed alone gives the same figures, and the drill-down lists them.
    const one = setup().store;
    one.getState().setSettings({ users: 300, days: 10, seed: kept });
    one.getState().setRuns(1);
    await one.getState().runPopulation(doc);
    const single = one.getState().population;
    if (single.status !== 'ready') throw new Error(single.status);
    expect(p.view.nodes).toEqual(single.view.nodes);
    store.getState().openDrill('welcome');
    await expect.poll(() => store.getState().drill?.status).toBe('ready');
    expect(store.getState().drill!.page!.reached).toBe(p.view.nodes['welcome']!.entered);
  });

  it('keeps showing a run the database refused, says why, and still lists its users', async () => {
    const saveRun = async () => {
      throw new Error('The disk is full (QuotaExceededError).');
    };
    const open = () => createEngineClient(() => inProcessPort((post) => createEngineHandler(post, { sliceUsers: 200, saveRun })));
    const store = createPreviewStore({ client: open(), openWorker: open, workers: 2, minUsersPerWorker: 100, persistence: { savePreview: async () => 1, updatePreview: async () => undefined }, doc });
    store.getState().setMode('preview');
    store.getState().setSettings({ users: 300, days: 10 });
    store.getState().setRuns(1);
    await store.getState().runPopulation(doc);
    const p = store.getState().population;
    if (p.status !== 'ready') throw new Error(p.status);
    expect(p.saveError).toBe('The disk is full (QuotaExceededError).');
    expect(p.savedId).toBeNull();
    store.getState().openDrill('welcome');
    await expect.poll(() => store.getState().drill?.status).toBe('ready');
    expect(store.getState().drill!.page!.reached).toBe(p.view.nodes['welcome']!.entered);
  });

  it('re-opens a saved run and rebuilds its users for drill-down', async () => {
    const { store, runs } = setup();
    store.getState().setSettings({ users: 300, days: 10 });
    store.getState().setRuns(1);
    await store.getState().runPopulation(doc);
    const fresh = setup().store;
    fresh.getState().openSavedRun({ ...runs[0]!, id: 7, createdAt: 1 });
    expect(fresh.getState().population.status).toBe('ready');
    fresh.getState().openDrill('welcome');
    await expect.poll(() => fresh.getState().drill?.status, { timeout: 5000 }).toBe('ready');
    expect(fresh.getState().drill!.page!.reached).toBe(runs[0]!.view.nodes['welcome']!.entered);
  });

  it('saves a preview and re-runs it after an edit, showing what changed', async () => {
    const { store, previews } = setup();
    await store.getState().runPreview(doc);
    await store.getState().savePreview('Ada, silent');
    expect(previews[0]).toMatchObject({ name: 'Ada, silent', flowId: doc.campaign.id });
    const edited = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'day4' ? { ...n, data: { ...n.data, wait: { mode: 'duration' as const, duration: { amount: 5, unit: 'days' as const } } } } : n)) } as typeof doc;
    await store.getState().checkSavedPreview(edited, { ...previews[0]!, id: 1, createdAt: 1 });
    const r = store.getState().regression!;
    expect(r.diff.changed).toBe(true);
    expect(r.diff.rows.some((x) => x.kind === 'changed' && x.before.node === 'day4')).toBe(true);
  });

  it('refuses a script with a bad line, with the reason', async () => {
    const { store } = setup();
    store.getState().setScript([{ id: 'x', day: 1, time: 'soon', kind: 'message', text: 'hi' }]);
    await store.getState().runPreview(doc);
    expect(store.getState().journey).toEqual({ status: 'error', message: 'Time must look like 09:30.' });
  });
});
