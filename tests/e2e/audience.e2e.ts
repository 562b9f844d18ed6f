import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { rootDir } from './harness';
import { addBackend } from './settings-helpers';

test.use({ viewport: { width: 1440, height: 900 } });

const panel = (page: Page) => page.getByTestId('preview-panel');
const num = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const example = () => JSON.parse(readFileSync(join(rootDir, 'resources', 'examples', 'onboarding-drip.json'), 'utf8')) as { campaign: Record<string, unknown>; nodes: { id: string; type: string; data: Record<string, unknown> }[]; edges: { id: string; source: string; sourceHandle: string; target: string }[] };

/** Writes a flow file for the test and imports it, then opens the Population tab. */
async function openFlow(page: Page, doc: unknown): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'cs-audience-')), 'flow.json');
  writeFileSync(file, JSON.stringify(doc));
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(file);
  await page.getByTestId('editor').waitFor();
  await expect(page.locator('.notice')).toBeHidden();
  await page.getByTestId('mode-preview').click();
  await panel(page).getByRole('tab', { name: 'Population' }).click();
}

async function run(page: Page, users: number, runs: number): Promise<void> {
  await panel(page).getByLabel('Users').fill(String(users));
  await panel(page).getByLabel('Runs').fill(String(runs));
  await page.getByTestId('run-simulation').click();
  await expect(page.getByTestId('sim-summary')).toBeVisible({ timeout: 90_000 });
}

/** The onboarding example with its "Activated?" filter asking for the pro plan. */
function onboardingByPlan() {
  const doc = example();
  const filter = doc.nodes.find((n) => n.id === 'activated')!;
  filter.data.condition = { type: 'group', match: 'all', rules: [{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' }] };
  return doc;
}

test('an audience with 20% on the pro plan forecasts the Match branch at about 20%, with a range', async ({ page }) => {
  await openFlow(page, onboardingByPlan());
  const audience = page.getByTestId('audience-panel');
  await expect(audience.getByTestId('audience-source')).toHaveText('Derived from the flow');
  await audience.getByTestId('audience-edit').click();
  const dialog = page.getByTestId('audience-dialog');
  const plan = dialog.locator('[data-testid="audience-attribute"][data-name="plan"]');
  const rows = plan.getByTestId('audience-value');
  // The flow mentions pro (its filter) and the plans of its exit: pro to 20, the others to 0, and a new trial at 80.
  for (let i = 0; i < (await rows.count()); i++) {
    const value = await rows.nth(i).getByLabel(`plan: value ${i + 1}`).inputValue();
    await rows.nth(i).getByLabel(`plan: weight ${i + 1}`).fill(value === 'pro' ? '20' : '0');
  }
  await plan.getByRole('button', { name: 'Add value to plan' }).click();
  const n = await rows.count();
  await rows.nth(n - 1).getByLabel(`plan: value ${n}`).fill('trial');
  await rows.nth(n - 1).getByLabel(`plan: weight ${n}`).fill('80');
  await expect(rows.nth(n - 1).getByTestId('audience-share')).toHaveText('80 %');
  await expect(rows.filter({ has: page.locator('input[value="pro"]') }).getByTestId('audience-share')).toHaveText('20 %');
  // A mistake is shown beside its field and nothing is saved; fixing it clears it.
  await dialog.getByLabel('Contacts').fill('many');
  await dialog.getByTestId('audience-save').click();
  await expect(dialog.getByTestId('audience-problems')).toContainText('Contacts: "many" is not a number.');
  await expect(dialog.locator('#aud-size-error')).toHaveText('Contacts: "many" is not a number.');
  await expect(dialog.getByLabel('Contacts')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'audience-dialog-error.png');
  await dialog.getByLabel('Contacts').fill('4000');
  await expect(dialog.locator('#aud-size-error')).toHaveCount(0);
  await plan.scrollIntoViewIfNeeded();
  await shot(page, 'audience-dialog.png');
  await dialog.getByTestId('audience-save').click();
  await expect(dialog).toBeHidden();
  await expect(audience.getByTestId('audience-source')).toHaveText('Edited here');
  await expect(audience.getByTestId('audience-facts')).toContainText('plan: trial 80 %, pro 20 %');
  await expect(panel(page).getByLabel('Users')).toHaveValue('4000');

  await run(page, 4000, 3);
  await expect(page.getByTestId('sim-runs')).toContainText('3 runs (seeds 1–3). Shown: the run of seed');
  const step = page.locator('[data-testid="sim-branch-step"][data-node="activated"]');
  const match = step.locator('[data-testid="sim-branch"][data-label="Match"]');
  const share = num(await match.getByTestId('sim-branch-share').textContent());
  expect(share).toBeGreaterThanOrEqual(17);
  expect(share).toBeLessThanOrEqual(23);
  // The range brackets the run shown; the canvas says the same numbers for the edges and steps.
  const count = num(await match.getByTestId('sim-branch-count').textContent());
  const [lo, hi] = ((await match.getByTestId('sim-branch-range').textContent()) ?? '').split('–').map(num);
  expect(lo).toBeLessThanOrEqual(count);
  expect(hi).toBeGreaterThanOrEqual(count);
  expect(hi).toBeGreaterThan(lo!);
  expect(num(await page.locator('[data-testid="sim-badge"][data-node="tips"]').textContent())).toBe(count);
  const reached = num((await step.locator('.forecast-step__head .muted').textContent())!.split(' reached')[0]!);
  expect(num(await page.locator('[data-testid="sim-badge"][data-node="activated"]').textContent())).toBe(reached);
  const branches = (await step.getByTestId('sim-branch-count').allTextContents()).map(num);
  expect(branches.reduce((a, b) => a + b, 0)).toBe(reached);
  // The drill-down lists the very users the badge counts.
  await page.locator('[data-testid="sim-badge"][data-node="tips"]').click();
  await expect(page.getByTestId('drill-count')).toContainText(`of ${count.toLocaleString('en-US')}`);
  await page.getByRole('button', { name: 'Back to the summary' }).click();
  // Cards add up at the slider's instant.
  const entered = num(await page.getByTestId('sim-entered').textContent());
  const parts = await Promise.all(['sim-completed', 'sim-exited-early', 'sim-still-in-journey'].map(async (id) => num(await page.getByTestId(id).textContent())));
  expect(parts.reduce((a, b) => a + b, 0)).toBe(entered);
  await step.scrollIntoViewIfNeeded();
  await shot(page, 'audience-results.png');

  // The model is kept with the flow: back in the tab after a reload.
  await page.reload();
  await page.getByTestId('mode-preview').click();
  await panel(page).getByRole('tab', { name: 'Population' }).click();
  await expect(page.getByTestId('audience-facts')).toContainText('plan: trial 80 %, pro 20 %');
});

test('a contacts CSV becomes the audience, read locally, showing what was inferred; the model exports as JSON', async ({ page }) => {
  await openFlow(page, onboardingByPlan());
  const rows = ['email,plan,seats,tags,timezone'];
  for (let i = 0; i < 20; i++) rows.push(`${i % 4 === 0 ? '' : `u${i}@example.com`},${i < 6 ? 'pro' : 'trial'},${(i % 3) + 1},${i % 5 === 0 ? 'vip' : ''},${i % 2 ? 'Europe/Paris' : 'UTC'}`);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByTestId('audience-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  const audience = page.getByTestId('audience-panel');
  await expect(audience.getByTestId('audience-source')).toHaveText('Inferred from contacts · contacts.csv');
  const notes = audience.getByTestId('audience-notes');
  await expect(notes).toContainText('What was inferred from 20 contacts in contacts.csv');
  await expect(notes.locator('li[data-column="plan"]')).toContainText('2 values (trial 70%, pro 30%)');
  await expect(notes.locator('li[data-column="email"]')).toContainText('set for 75%; values not kept');
  await expect(notes.locator('li[data-column="tags"]')).toContainText('vip 20%');
  await expect(audience.getByTestId('audience-facts')).toContainText('plan: trial 70 %, pro 30 %');
  await expect(audience.getByTestId('audience-size')).toHaveText('20');
  expect(requests.filter((u) => !u.startsWith(page.url().split('/').slice(0, 3).join('/')))).toEqual([]);
  await audience.scrollIntoViewIfNeeded();
  await shot(page, 'audience-csv.png');

  const download = page.waitForEvent('download');
  await audience.getByTestId('audience-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('14-day-onboarding-audience.json');
  const model = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { size: number; attributes: Record<string, unknown> };
  expect(model.size).toBe(20);
  expect(model.attributes.plan).toEqual({ values: [{ value: 'pro', weight: 6 }, { value: 'trial', weight: 14 }] });

  // A broken model file says what and where, and keeps the audience as it was.
  await page.getByTestId('audience-file').setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"size": 10, "tags": {"vip": 2}}') });
  await expect(audience.getByTestId('audience-import-error')).toContainText('model.json could not be used');
  await expect(audience.getByTestId('audience-import-error')).toContainText('$.tags.vip');
  await expect(audience.getByTestId('audience-size')).toHaveText('20');
});

test('a 50/50 split forecasts two branches with ranges, and conversions per branch', async ({ page }) => {
  const doc = example();
  doc.nodes.push({ id: 'ab', type: 'split', position: { x: -320, y: 0 }, data: { label: 'A/B welcome', branches: [{ id: 'a', label: 'Email first', percent: 50 }, { id: 'b', label: 'Control', percent: 50 }] } } as never);
  doc.edges = doc.edges.filter((e) => e.id !== 'e-trigger-welcome');
  doc.edges.push({ id: 'e-trigger-ab', source: 'trigger', sourceHandle: 'next', target: 'ab' }, { id: 'e-ab-a', source: 'ab', sourceHandle: 'a', target: 'welcome' }, { id: 'e-ab-b', source: 'ab', sourceHandle: 'b', target: 'end' });
  doc.campaign.goal = { name: 'Upgraded', condition: { type: 'group', match: 'all', rules: [{ type: 'event', event: 'subscription.upgraded', count: { operator: 'at_least', value: 1 }, properties: [] }] }, within: { amount: 14, unit: 'days' }, exit: false };
  await openFlow(page, doc);
  await run(page, 3000, 5);
  await expect(page.getByTestId('sim-runs')).toContainText('5 runs (seeds 1–5)');
  const split = page.locator('[data-testid="sim-branch-step"][data-node="ab"]');
  const reached = num((await split.locator('.forecast-step__head .muted').textContent())!.split(' reached')[0]!);
  for (const label of ['Email first', 'Control']) {
    const branch = split.locator(`[data-testid="sim-branch"][data-label="${label}"]`);
    const share = num(await branch.getByTestId('sim-branch-share').textContent());
    expect(share).toBeGreaterThanOrEqual(46);
    expect(share).toBeLessThanOrEqual(54);
    await expect(branch.getByTestId('sim-branch-range')).toHaveText(/\d–\d/);
  }
  // A split sends everyone on at once: its branches add up to those who reached it.
  const counts = await split.getByTestId('sim-branch-count').allTextContents();
  expect(counts.map(num).reduce((a, b) => a + b, 0)).toBe(reached);
  await expect(page.getByTestId('sim-conversions')).toContainText('Conversions: Upgraded');
  await expect(page.getByTestId('sim-conversion-branch')).toHaveCount(2);
  await page.getByTestId('sim-conversions').scrollIntoViewIfNeeded();
  await shot(page, 'audience-split.png');
});

test('a connected Chatwoot account’s contacts become the audience, inferred in the host', async ({ page, chatwoot }) => {
  chatwoot.account(1).contacts = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, name: `Contact ${i}`, email: i % 3 ? `c${i}@example.com` : null, custom_attributes: { plan: i < 9 ? 'pro' : 'trial' }, labels: i % 10 === 0 ? ['vip'] : [] }));
  await addBackend(page, 'Chatwoot', chatwoot.url, 'admin-token');
  await openFlow(page, onboardingByPlan());
  const audience = page.getByTestId('audience-panel');
  await audience.getByTestId('audience-chatwoot').click();
  await expect(audience.getByTestId('audience-source')).toHaveText('Inferred from Chatwoot contacts · chatwoot');
  await expect(audience.getByTestId('audience-notes').locator('li[data-column="plan"]')).toContainText('2 values (trial 70%, pro 30%)');
  await expect(audience.getByTestId('audience-notes').locator('li[data-column="labels"]')).toContainText('vip 10%');
  await expect(audience.getByTestId('audience-size')).toHaveText('30');
  // Only the host talked to Chatwoot, and only to read contacts.
  expect(chatwoot.requests.filter((r) => r.path.includes('/contacts')).length).toBe(2);
  await audience.scrollIntoViewIfNeeded();
  await shot(page, 'audience-chatwoot.png');
});
