import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flow, sendNode, edge } from '../../src-shared/testing/flow-builders';
import type { FlowDocument } from '../../src-shared/flow/index';
import { createDraftRepository, STALE_BASE_MS, type SessionLocks } from './draft-repository';
import { createFlowRepository } from './flow-repository';
import { AUTO_VERSION_EVERY_MS, AUTO_VERSIONS_KEPT } from './version-policy';
import { createSimulationRepository } from './simulation-repository';
import { StudioDatabase } from './schema';

// The repositories against a real IndexedDB implementation (fake-indexeddb), one fresh
// database per test: what is written is read back through Dexie, transactions included.

let database: StudioDatabase;
let now = Date.parse('2026-11-30T10:00:00Z');
const clock = () => now;
let n = 0;

beforeEach(async () => {
  database = new StudioDatabase(`repositories-test-${++n}`);
  await database.open();
});

afterEach(async () => {
  database.close();
  await database.delete();
});

const named = (doc: FlowDocument, name: string): FlowDocument => ({ ...doc, campaign: { ...doc.campaign, name } });

describe('flow repository (IndexedDB)', () => {
  it('creates a flow that starts on a named event, listed with its copies of the campaign', async () => {
    const flows = createFlowRepository(database, clock);
    const id = await flows.create('Welcome series');
    const [row] = await flows.all();
    expect(row).toMatchObject({ id, name: 'Welcome series', kind: 'workflow', nodeCount: 1, updatedAt: now, createdAt: now });
    expect(row!.document.campaign.trigger).toMatchObject({ type: 'event', event: 'user.signed_up' });
  });

  it('saves edits with an automatic version, keeping the creation time', async () => {
    const flows = createFlowRepository(database, clock);
    const doc = flow([sendNode('a')], [edge('trigger', 'a')], { name: 'Drip' });
    await flows.saveImported([doc]);
    now += 60_000;
    await flows.save(named(doc, 'Drip, renamed'));
    const row = await database.flows.get(doc.campaign.id);
    expect(row).toMatchObject({ name: 'Drip, renamed', updatedAt: now, createdAt: now - 60_000, nodeCount: 2 });
    const versions = await database.versions.where('flowId').equals(doc.campaign.id).toArray();
    expect(versions.map((v) => v.name)).toContain('Autosave');
  });

  it('keeps an automatic version every few minutes, the newest 30 of them, and every named one', async () => {
    const flows = createFlowRepository(database, clock);
    const doc = flow([sendNode('a')], [edge('trigger', 'a')], { name: 'Drip' });
    await flows.saveImported([doc]);
    const created = now;
    await flows.saveVersion(doc, 'Ready for review');
    for (let i = 0; i < AUTO_VERSIONS_KEPT + 5; i++) {
      now += AUTO_VERSION_EVERY_MS;
      await flows.save(named(doc, `Drip ${i}`));
      now += 60_000; // a save between two automatic versions keeps none
      await flows.save(named(doc, `Drip ${i}b`));
    }
    const versions = await database.versions.where('flowId').equals(doc.campaign.id).toArray();
    const autos = versions.filter((v) => v.auto);
    expect(autos).toHaveLength(AUTO_VERSIONS_KEPT);
    expect(autos.map((v) => v.document.campaign.name)).toEqual(Array.from({ length: AUTO_VERSIONS_KEPT }, (_, i) => `Drip ${i + 5}`));
    expect(versions.filter((v) => !v.auto).map((v) => v.name)).toEqual(['Ready for review']);
    expect((await database.flows.get(doc.campaign.id))!.createdAt).toBe(created);
  });

  it('brings automatic versions of a version-8 database into the index autosave plans from', async () => {
    const name = `repositories-v8-${++n}`;
    const v8 = new Dexie(name);
    v8.version(8).stores({ flows: 'id, updatedAt, name', versions: '++id, flowId, [flowId+createdAt]', drafts: 'flowId', draftBases: '[flowId+session], flowId' });
    const doc = flow([sendNode('a')], [edge('trigger', 'a')], { name: 'Old' });
    await v8.table('flows').add({ id: doc.campaign.id, name: 'Old', kind: 'workflow', updatedAt: now, createdAt: now - 1, nodeCount: 2, document: doc });
    const old = (i: number) => ({ flowId: doc.campaign.id, createdAt: now - (AUTO_VERSIONS_KEPT - i) * AUTO_VERSION_EVERY_MS, name: 'Autosave', auto: true, nodeCount: 2, document: doc });
    await v8.table('versions').bulkAdd(Array.from({ length: AUTO_VERSIONS_KEPT }, (_, i) => old(i)));
    await v8.table('versions').add({ flowId: doc.campaign.id, createdAt: now, name: 'Mine', auto: false, nodeCount: 2, document: doc });
    v8.close();
    const upgraded = new StudioDatabase(name);
    try {
      now += AUTO_VERSION_EVERY_MS;
      await createFlowRepository(upgraded, clock).save(named(doc, 'New'));
      const versions = await upgraded.versions.toArray();
      expect(versions.filter((v) => v.auto)).toHaveLength(AUTO_VERSIONS_KEPT);
      expect(versions.filter((v) => v.auto).every((v) => v.autoAt === v.createdAt)).toBe(true);
      expect(versions.find((v) => v.name === 'Mine')?.autoAt).toBeUndefined();
      expect((await upgraded.flows.get(doc.campaign.id))!.createdAt).toBe(now - AUTO_VERSION_EVERY_MS - 1);
      const listed = await createFlowRepository(upgraded, clock).listVersions(doc.campaign.id);
      expect(listed).toHaveLength(AUTO_VERSIONS_KEPT + 1);
      expect(listed.find((v) => v.name === 'Mine')).toMatchObject({ auto: false, nodeCount: 2 });
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });

  it('gives back the row its own autosave wrote without reading it, and another window\'s by reading it', async () => {
    const mine = createFlowRepository(database, clock);
    const theirs = createFlowRepository(database, clock);
    const doc = flow([sendNode('a')], [edge('trigger', 'a')], { name: 'Drip' });
    await mine.saveImported([doc]);
    expect((await mine.get(doc.campaign.id))?.document).toEqual(doc);
    const edited = named(doc, 'Mine');
    now += 1_000;
    await mine.save(edited);
    expect((await mine.get(doc.campaign.id))?.document).toBe(edited);
    const elsewhere = named(doc, 'Theirs');
    now += 1_000;
    await theirs.save(elsewhere);
    const read = await mine.get(doc.campaign.id);
    expect(read?.document).toEqual(elsewhere);
    expect(read?.document).not.toBe(elsewhere);
    expect(read).toMatchObject({ updatedAt: now, createdAt: now - 2_000 });
    expect(await mine.get('no-such-flow')).toBeNull();
    // A row the index cannot hold (no creation time) is still found.
    await database.flows.put({ ...(await database.flows.get(doc.campaign.id))!, id: 'odd', createdAt: undefined as never });
    expect((await mine.get('odd'))?.name).toBe('Theirs');
  });

  it('lists flows newest first from an index without reading a document, and still lists a row the index cannot hold', async () => {
    const flows = createFlowRepository(database, clock);
    const drip = flow([sendNode('a'), sendNode('b')], [edge('trigger', 'a'), edge('a', 'b')], { name: 'Drip' });
    const chat = { ...flow([], [], { name: 'Chat' }), campaign: { ...flow([], [], { name: 'Chat' }).campaign, id: 'chat', kind: 'live-chat' as const } };
    await flows.saveImported([drip]);
    now += 1_000;
    await flows.saveImported([chat]);
    let read = 0;
    const reading = (row: unknown) => (read++, row);
    database.flows.hook('reading', reading);
    try {
      expect(await flows.summaries()).toEqual([
        { id: 'chat', name: 'Chat', kind: 'live-chat', nodeCount: 1, updatedAt: now, createdAt: now },
        { id: drip.campaign.id, name: 'Drip', kind: 'workflow', nodeCount: 3, updatedAt: now - 1_000, createdAt: now - 1_000 },
      ]);
      expect(read).toBe(0);
      // The campaigns screen reads the documents of its kinds only.
      expect((await flows.ofKinds(['live-chat', 'one-off'])).map((r) => r.document.campaign.name)).toEqual(['Chat']);
      expect(read).toBe(1);
      // A row whose listed fields are not all valid keys is not in the index: it is read.
      await database.flows.put({ ...(await database.flows.get(drip.campaign.id))!, id: 'odd', name: 'Odd', nodeCount: undefined as never });
      read = 0;
      expect((await flows.summaries()).map((f) => f.name)).toEqual(['Chat', 'Drip', 'Odd']);
      expect(read).toBe(1);
    } finally {
      database.flows.hook('reading').unsubscribe(reading);
    }
  });

  it('lists versions newest first from indexes, and reads one version\'s document when asked', async () => {
    const flows = createFlowRepository(database, clock);
    const doc = flow([sendNode('a')], [edge('trigger', 'a')], { name: 'Drip' });
    await flows.saveImported([doc]);
    now += 1_000;
    await flows.save(named(doc, 'Drip 2'));
    now += 1_000;
    await flows.saveVersion(named(doc, 'Drip 3'), '  Ready for review ');
    await flows.saveVersion(flow([], [], { id: 'another-flow' }), 'Elsewhere');
    const listed = await flows.listVersions(doc.campaign.id);
    expect(listed.map(({ name, auto, nodeCount, createdAt }) => ({ name, auto, nodeCount, createdAt }))).toEqual([
      { name: 'Ready for review', auto: false, nodeCount: 2, createdAt: now },
      { name: 'Autosave', auto: true, nodeCount: 2, createdAt: now - 1_000 },
    ]);
    expect(listed[0]).not.toHaveProperty('document');
    expect((await flows.version(listed[0]!.id))?.document.campaign.name).toBe('Drip 3');
  });

  it('keeps what an import replaces as a "Before import" version', async () => {
    const flows = createFlowRepository(database, clock);
    const doc = flow([sendNode('a')], [edge('trigger', 'a')], { name: 'Mine' });
    await flows.saveImported([doc]);
    await flows.saveImported([named(doc, 'Theirs')]);
    expect((await database.flows.get(doc.campaign.id))!.name).toBe('Theirs');
    const kept = await database.versions.where('flowId').equals(doc.campaign.id).toArray();
    expect(kept.map((v) => [v.name, v.document.campaign.name])).toContainEqual(['Before import', 'Mine']);
  });

  it('deletes a flow with its history and puts both back on undo', async () => {
    const flows = createFlowRepository(database, clock);
    const doc = flow([sendNode('a')], [edge('trigger', 'a')], { name: 'Doomed' });
    await flows.saveImported([doc]);
    await flows.saveVersion(doc, 'Launch copy');
    const deleted = await flows.remove(doc.campaign.id);
    expect(await database.flows.count()).toBe(0);
    expect(await database.versions.count()).toBe(0);
    await flows.restoreDeleted(deleted!);
    expect((await database.flows.get(doc.campaign.id))!.name).toBe('Doomed');
    expect((await database.versions.toArray()).map((v) => v.name)).toEqual(['Launch copy']);
    expect(await flows.remove('no-such-flow')).toBeNull();
  });

  it('duplicates under a new id and name, as a draft', async () => {
    const flows = createFlowRepository(database, clock);
    const doc = flow([sendNode('a')], [edge('trigger', 'a')], { name: 'Original', status: 'active' });
    await flows.saveImported([doc]);
    const copyId = await flows.duplicate(doc.campaign.id);
    const copy = await database.flows.get(copyId!);
    expect(copy).toMatchObject({ name: 'Original copy', nodeCount: 2 });
    expect(copy!.id).not.toBe(doc.campaign.id);
    expect(copy!.document.campaign.status).toBe('draft');
    expect(await flows.duplicate('no-such-flow')).toBeNull();
  });
});

describe('draft repository (IndexedDB)', () => {
  it('writes a draft during the edit and reads it back; clear removes it', async () => {
    const errors: unknown[] = [];
    const drafts = createDraftRepository(database, (e) => errors.push(e));
    const doc = flow([sendNode('a', 'Typed just now')], [edge('trigger', 'a')]);
    drafts.write({ flowId: doc.campaign.id, savedAt: now, document: doc });
    const read = await drafts.read(doc.campaign.id);
    expect(read?.savedAt).toBe(now);
    expect(read?.document.nodes.find((x) => x.id === 'a')).toMatchObject({ data: { body: 'Typed just now' } });
    drafts.clear(doc.campaign.id);
    expect(await drafts.read(doc.campaign.id)).toBeNull();
    expect(errors).toEqual([]);
  });

  const relabel = (doc: FlowDocument, body: string): FlowDocument => ({ ...doc, nodes: doc.nodes.map((x) => (x.id === 'a' ? ({ ...x, data: { ...x.data, body } } as typeof x) : x)) });
  const bodyOf = (doc: FlowDocument | undefined) => doc?.nodes.find((x) => x.id === 'a')?.data;

  it('puts the document once as a base, then drafts that carry only the steps an edit changed', async () => {
    const drafts = createDraftRepository(database, undefined, 'session-1');
    let doc = flow([sendNode('a', 'T'), sendNode('b')], [edge('trigger', 'a'), edge('a', 'b')]);
    for (const body of ['T', 'Ty', 'Typ', 'Type']) {
      doc = relabel(doc, body);
      drafts.write({ flowId: doc.campaign.id, savedAt: ++now, document: doc });
    }
    const [raw] = await database.drafts.toArray();
    expect(raw!.document).toBeUndefined();
    expect(raw!.patch!.nodes.filter((x) => typeof x !== 'number')).toEqual([doc.nodes[1]]);
    expect(await database.draftBases.count()).toBe(1);
    const read = await drafts.read(doc.campaign.id);
    expect(read?.savedAt).toBe(now);
    expect(read?.document).toEqual(doc);
  });

  it('can put the base before the first edit, which then writes only its change', async () => {
    const drafts = createDraftRepository(database, undefined, 'session-1');
    const doc = flow([sendNode('a', 'T'), sendNode('b')], [edge('trigger', 'a'), edge('a', 'b')]);
    drafts.prepare(doc.campaign.id, doc, now);
    await expect.poll(() => database.draftBases.count()).toBe(1);
    expect(await database.drafts.count()).toBe(0);
    expect(await drafts.read(doc.campaign.id)).toBeNull();
    const edited = relabel(doc, 'Typed');
    drafts.write({ flowId: doc.campaign.id, savedAt: ++now, document: edited });
    drafts.prepare(doc.campaign.id, edited, now); // has a base: nothing to do
    expect((await database.drafts.toArray())[0]!.patch!.nodes).toEqual([0, edited.nodes[1], 2]);
    expect(await database.draftBases.count()).toBe(1);
    expect((await drafts.read(doc.campaign.id))?.document).toEqual(edited);
  });

  it('puts a new base when an edit changes more than a draft should carry, and reads either', async () => {
    const drafts = createDraftRepository(database, undefined, 'session-1');
    const many = Array.from({ length: 150 }, (_, i) => sendNode(`n${i}`, 'x'));
    const doc = flow([sendNode('a'), ...many], [edge('trigger', 'a')]);
    drafts.write({ flowId: doc.campaign.id, savedAt: ++now, document: doc });
    const first = (await database.draftBases.toArray())[0]!.stamp;
    const moved: FlowDocument = { ...doc, nodes: doc.nodes.map((x) => ({ ...x, position: { x: x.position.x + 10, y: x.position.y } })) };
    drafts.write({ flowId: doc.campaign.id, savedAt: ++now, document: moved });
    const bases = await database.draftBases.toArray();
    expect(bases).toHaveLength(1);
    expect(bases[0]!.stamp).toBeGreaterThan(first);
    expect((await drafts.read(doc.campaign.id))?.document).toEqual(moved);
  });

  it('reads no draft rather than a wrong one when its base is gone', async () => {
    const drafts = createDraftRepository(database, undefined, 'session-1');
    const doc = flow([sendNode('a', 'Typed')], [edge('trigger', 'a')]);
    drafts.write({ flowId: doc.campaign.id, savedAt: ++now, document: doc });
    await database.draftBases.clear();
    expect(await drafts.read(doc.campaign.id)).toBeNull();
  });

  it('still reads a whole-document draft an earlier version wrote', async () => {
    const doc = flow([sendNode('a', 'Old app')], [edge('trigger', 'a')]);
    await database.drafts.put({ flowId: doc.campaign.id, savedAt: now, document: doc });
    expect(bodyOf((await createDraftRepository(database).read(doc.campaign.id))?.document)).toMatchObject({ body: 'Old app' });
  });

  it('keeps two tabs of one flow apart: the newest draft reads on its own base', async () => {
    const tabA = createDraftRepository(database, undefined, 'session-a');
    const tabB = createDraftRepository(database, undefined, 'session-b');
    const doc = flow([sendNode('a', 'Start')], [edge('trigger', 'a')]);
    tabA.write({ flowId: doc.campaign.id, savedAt: ++now, document: relabel(doc, 'A1') });
    tabB.write({ flowId: doc.campaign.id, savedAt: ++now, document: relabel(doc, 'B1') });
    tabA.write({ flowId: doc.campaign.id, savedAt: ++now, document: relabel(doc, 'A2') });
    expect(bodyOf((await tabB.read(doc.campaign.id))?.document)).toMatchObject({ body: 'A2' });
    tabB.write({ flowId: doc.campaign.id, savedAt: ++now, document: relabel(doc, 'B2') });
    expect(bodyOf((await tabA.read(doc.campaign.id))?.document)).toMatchObject({ body: 'B2' });
  });

  it('deletes a base on release, and stale bases of crashed sessions when the flow is read', async () => {
    const doc = flow([sendNode('a', 'Typed')], [edge('trigger', 'a')]);
    const id = doc.campaign.id;
    const old = (now - STALE_BASE_MS - 1).toString(36);
    const young = (now - 60_000).toString(36);
    for (const session of [`${old}-crashed`, `${old}-referenced`, `${young}-other-tab`]) createDraftRepository(database, undefined, session).write({ flowId: id, savedAt: ++now, document: doc });
    // The draft now refers to the young tab's base; make it refer to the old one that still has unsaved work.
    createDraftRepository(database, undefined, `${old}-referenced`).write({ flowId: id, savedAt: ++now, document: relabel(doc, 'Unsaved') });
    const mine = createDraftRepository(database, undefined, `${now.toString(36)}-mine`);
    expect(bodyOf((await mine.read(id, now))?.document)).toMatchObject({ body: 'Unsaved' });
    await expect.poll(async () => (await database.draftBases.toArray()).map((b) => b.session).sort()).toEqual([`${old}-referenced`, `${young}-other-tab`]);
    mine.write({ flowId: id, savedAt: ++now, document: doc });
    expect(await database.draftBases.count()).toBe(3);
    mine.release(id);
    await expect.poll(() => database.draftBases.count()).toBe(2);
  });

  it('deletes the bases of pages that are gone (their session lock released), whatever their age', async () => {
    const held = new Set<string>();
    const locks = {
      request: (name: string) => {
        held.add(name);
        return new Promise<never>(() => undefined);
      },
      query: async () => ({ held: [...held].map((name) => ({ name, mode: 'exclusive' as const })) }),
    } as unknown as SessionLocks;
    const doc = flow([sendNode('a', 'Typed')], [edge('trigger', 'a')]);
    const id = doc.campaign.id;
    const young = now.toString(36);
    for (const session of ['open-tab', 'reloaded', 'referenced']) createDraftRepository(database, undefined, `${young}-${session}`, locks).write({ flowId: id, savedAt: ++now, document: doc });
    held.delete(`campaign-studio:draft-session:${young}-reloaded`);
    held.delete(`campaign-studio:draft-session:${young}-referenced`);
    const mine = createDraftRepository(database, undefined, `${young}-mine`, locks);
    expect(await mine.read(id, now)).not.toBeNull();
    await expect.poll(async () => (await database.draftBases.toArray()).map((b) => b.session).sort()).toEqual([`${young}-open-tab`, `${young}-referenced`]);
  });

  it('ignores a stored draft that no longer reads as a flow', async () => {
    const drafts = createDraftRepository(database);
    await database.drafts.put({ flowId: 'broken', savedAt: now, document: { nodes: 'not a flow' } } as never);
    expect(await drafts.read('broken')).toBeNull();
  });
});

describe('simulation repository (IndexedDB)', () => {
  it('lists a flow’s saved runs newest first from its index, with ids that open the full run', async () => {
    const repo = createSimulationRepository(database, clock);
    const run = (flowId: string, name: string) => ({ flowId, name, fingerprint: `fp-${name}`, document: flow([sendNode('a')], []), spec: { users: 1, days: 1, seed: 1 }, view: { users: 1 } as never });
    const ids: number[] = [];
    for (const name of ['first', 'second', 'third']) {
      now += 1000;
      ids.push(await repo.saveRun(run('flow-a', name)));
    }
    await repo.saveRun(run('flow-b', 'other'));
    const listed = await repo.listRuns('flow-a');
    expect(listed).toEqual([
      { id: ids[2], flowId: 'flow-a', createdAt: now, name: 'third', fingerprint: 'fp-third' },
      { id: ids[1], flowId: 'flow-a', createdAt: now - 1000, name: 'second', fingerprint: 'fp-second' },
      { id: ids[0], flowId: 'flow-a', createdAt: now - 2000, name: 'first', fingerprint: 'fp-first' },
    ]);
    expect((await repo.run(listed[0]!.id))?.view).toEqual({ users: 1 });
    await repo.removeRun(ids[1]!);
    expect((await repo.listRuns('flow-a')).map((r) => r.name)).toEqual(['third', 'first']);
    expect(await repo.listRuns('flow-c')).toEqual([]);
  });

  it('lists the runs a database of version 6 had, once it is opened at version 7', async () => {
    const name = `repositories-upgrade-${++n}`;
    const old = new Dexie(name);
    old.version(6).stores({ simulations: '++id, flowId, [flowId+createdAt]' });
    await old.table('simulations').add({ flowId: 'flow-a', createdAt: 5, name: 'kept', fingerprint: 'fp', document: {}, spec: {}, view: {} });
    old.close();
    const upgraded = new StudioDatabase(name);
    try {
      expect(await createSimulationRepository(upgraded).listRuns('flow-a')).toEqual([{ id: 1, flowId: 'flow-a', createdAt: 5, name: 'kept', fingerprint: 'fp' }]);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});
