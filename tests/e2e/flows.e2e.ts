import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { importFlowJson, validateFlow } from '../../src-shared/flow/index';
import { webTransport } from '../../src-shared/host/contract';
import { expect, shot, test } from './fixtures';
import { pickExample } from './harness';

const examplePath = pickExample();
const exampleText = readFileSync(examplePath, 'utf8');
const example = importFlowJson(exampleText);
if (!example.ok) throw new Error(`${basename(examplePath)} does not import: ${JSON.stringify(example.problems)}`);
const exampleDoc = example.document;

/** Imports the example from the empty state and waits for the editor to draw it. */
async function importExample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(examplePath);
  await expect(page.locator('.react-flow__node')).toHaveCount(exampleDoc.nodes.length);
}

test.describe('flows list and import (web edition)', () => {
  test('shows the empty state with the bundled examples', async ({ page }) => {
    await page.goto('/');
    const empty = page.getByTestId('empty-state');
    await expect(empty.getByRole('heading', { level: 1 })).toHaveText('Design your first campaign flow');
    await expect(page.getByTestId('example').first()).toBeVisible();
    await expect(page.getByTestId('app-version')).toBeVisible();
    await shot(page, 'empty-state.png');
  });

  test('imports an example file and draws every node on the canvas', async ({ page }) => {
    await importExample(page);
    await expect(page.locator('.react-flow__edge')).toHaveCount(exampleDoc.edges.length);
    await expect(page.getByTestId('flow-name')).toHaveText(exampleDoc.campaign.name);
    const found = validateFlow(exampleDoc, { now: new Date() });
    const problems = found.filter((p) => p.severity !== 'info').length;
    const notes = found.length - problems;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    await expect(page.getByTestId('problem-count')).toHaveText(problems > 0 ? plural(problems, 'problem') : notes > 0 ? plural(notes, 'note') : 'No problems');
    await shot(page, 'flow-canvas.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'flow-canvas-dark.png');
  });

  test('shows located problems for a bad file and changes nothing', async ({ page }) => {
    await importExample(page);
    await page.getByRole('button', { name: 'Back to flows' }).click();
    await expect(page.getByTestId('flow-row')).toHaveCount(1);
    const rowsBefore = await page.getByTestId('flow-row').allTextContents();

    const broken = { ...JSON.parse(exampleText), nodes: [{ id: 'n1', type: 'teleport', position: { x: 0, y: 0 }, data: {} }] };
    await page.getByTestId('import-input').setInputFiles({ name: 'broken-flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const report = page.getByTestId('import-report');
    await expect(report).toContainText('broken-flow.json');
    const paths = await report.locator('.problem__path').allTextContents();
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.some((path) => path.startsWith('$.nodes[0]'))).toBe(true);
    await shot(page, 'import-problems.png');

    await page.getByTestId('import-input').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ "campaign": ') });
    await expect(report).toContainText('not-json.json');

    await expect(page.getByTestId('flow-row')).toHaveText(rowsBefore);
    await page.getByRole('button', { name: 'Dismiss import problems' }).click();
    await expect(report).toHaveCount(0);
  });

  test('keeps the imported flow across a reload', async ({ page }) => {
    await importExample(page);
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await page.reload();
    const row = page.getByTestId('flow-row');
    await page.getByRole('button', { name: 'Back to flows' }).click();
    await expect(row).toHaveCount(1);
    await expect(row.first()).toContainText(exampleDoc.campaign.name);
    await shot(page, 'flows-list.png');
  });
});

test.describe('web host API and policy', () => {
  test.use({ allowPageErrors: true }); // the refused inline script is reported on the console

  test('serves the page under a CSP that blocks inline script', async ({ page }) => {
    await page.goto('/');
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return { ran: '__inlineRan' in window, directive: await violation };
    });
    expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
  });

  test('the app breaks none of its own CSP while it opens, checks and draws a flow', async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await importExample(page);
    // Validated (zod's first parses), and the saved backends fetched and checked once idle.
    await expect(page.getByTestId('problem-count')).not.toHaveText('');
    await page.getByTestId('publish').click();
    await expect(page.getByText('Publish to')).toBeVisible();
    await expect(page.locator('.sync-panel__empty, .sync-panel__backends')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  });

  const call = (url: string, channel: string, headers: Record<string, string>) =>
    fetch(new URL(`${webTransport.apiPrefix}${channel}`, url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

  test('refuses calls without the token', async ({ host }) => {
    expect((await call(host.url, 'examples.list', {})).status).toBe(401);
  });

  test('answers with the token the page was given', async ({ page, host }) => {
    await page.goto('/');
    const token = await page.locator(`meta[name="${webTransport.tokenMetaName}"]`).getAttribute('content');
    expect(token).toBe(host.token);
    const res = await call(host.url, 'examples.list', { [webTransport.tokenHeader]: token ?? '' });
    expect(res.status).toBe(200);
    expect(Array.isArray(await res.json())).toBe(true);
  });
});
