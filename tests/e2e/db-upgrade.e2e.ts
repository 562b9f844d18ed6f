import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const example = JSON.parse(readFileSync(fileURLToPath(new URL('../../resources/examples/onboarding-drip.json', import.meta.url)), 'utf8'));

/**
 * A user who last ran the very first release has a version-1 database: flows only, rows without
 * createdAt or nodeCount. Opening today's app must upgrade it in place and lose nothing.
 */
test.describe('an old local database is upgraded, not lost', () => {
  test('opens a version-1 database with its flows intact', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('example').first().waitFor();
    // Replace the database with one as release 1 wrote it (Dexie stores version n as n * 10).
    await page.evaluate(async (doc) => {
      const done = (r: IDBRequest | IDBOpenDBRequest) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      await done(indexedDB.deleteDatabase('campaign-studio'));
      const open = indexedDB.open('campaign-studio', 10);
      open.onupgradeneeded = () => {
        const flows = open.result.createObjectStore('flows', { keyPath: 'id' });
        flows.createIndex('updatedAt', 'updatedAt');
        flows.createIndex('name', 'name');
        flows.put({ id: doc.campaign.id, name: doc.campaign.name, kind: doc.campaign.kind, updatedAt: Date.parse('2026-11-01T10:00:00Z'), document: doc });
      };
      const db = (await done(open)) as IDBDatabase;
      db.close();
    }, example);
    await page.reload();
    const row = page.getByTestId('flow-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('14-day onboarding');
    expect(await row.textContent()).toContain('15 steps');
    await row.getByText('14-day onboarding').click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(15);
    // The upgrade filled in what version 2 added to every row, and the later tables exist.
    const stored = await page.evaluate(
      (id) =>
        new Promise<{ version: number; stores: string[]; row: { createdAt?: number; nodeCount?: number } }>((resolve, reject) => {
          const r = indexedDB.open('campaign-studio');
          r.onerror = () => reject(r.error);
          r.onsuccess = () => {
            const db = r.result;
            const get = db.transaction('flows').objectStore('flows').get(id);
            get.onsuccess = () => {
              resolve({ version: db.version, stores: Array.from({ length: db.objectStoreNames.length }, (_, i) => db.objectStoreNames.item(i) ?? ""), row: get.result });
              db.close();
            };
          };
        }),
      example.campaign.id,
    );
    expect(stored.version).toBeGreaterThanOrEqual(40);
    expect(stored.stores).toEqual(expect.arrayContaining(['flows', 'versions', 'simulations', 'syncRecords', 'syncOutbox']));
    expect(stored.row.nodeCount).toBe(15);
    expect(stored.row.createdAt).toBe(Date.parse(example.meta.createdAt));
  });
});
