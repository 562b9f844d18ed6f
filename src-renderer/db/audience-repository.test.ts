import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAudienceRepository } from './audience-repository';
import { StudioDatabase } from './schema';

let database: StudioDatabase;
let n = 0;

beforeEach(async () => {
  database = new StudioDatabase(`audience-test-${++n}`);
  await database.open();
});

afterEach(async () => {
  database.close();
  await database.delete();
});

describe('audience repository (IndexedDB)', () => {
  it('keeps one audience per flow, with where it came from, until cleared', async () => {
    const repo = createAudienceRepository(database, () => 5);
    await repo.setForFlow({ flowId: 'f1', model: { size: 10 }, source: 'csv', origin: 'contacts.csv', notes: [{ column: 'plan', as: 'attribute', summary: '2 values' }] });
    await repo.setForFlow({ flowId: 'f1', model: { size: 20 }, source: 'edited', origin: '' });
    expect(await repo.forFlow('f1')).toEqual({ flowId: 'f1', model: { size: 20 }, source: 'edited', origin: '', updatedAt: 5 });
    await repo.clearForFlow('f1');
    expect(await repo.forFlow('f1')).toBeUndefined();
  });

  it('saves named models, replacing one of the same name', async () => {
    const repo = createAudienceRepository(database);
    const id = await repo.saveNamed('Customers', { size: 10 });
    expect(await repo.saveNamed('Customers', { size: 30 })).toBe(id);
    const all = await database.namedAudiences.toArray();
    expect(all.map((r) => [r.name, r.model])).toEqual([['Customers', { size: 30, name: 'Customers' }]]);
  });
});
