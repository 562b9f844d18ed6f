import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFlowJson, validateFlow } from '../../src-shared/flow/index';
import { webTransport } from '../../src-shared/host/contract';
import { pickExample, resultsDir, startHarness, type Harness } from './harness';

let h: Harness;
const examplePath = pickExample();
const exampleText = readFileSync(examplePath, 'utf8');
const example = importFlowJson(exampleText);
if (!example.ok) throw new Error(`${basename(examplePath)} does not import: ${JSON.stringify(example.problems)}`);
const exampleDoc = example.document;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('flows list and import (web edition)', () => {
  it('shows the empty state with the bundled examples', async () => {
    await h.page.goto(h.host.url);
    const empty = h.page.getByTestId('empty-state');
    await empty.waitFor();
    expect(await empty.getByRole('heading', { level: 1 }).textContent()).toBe('Design your first campaign flow');
    await h.page.getByTestId('example').first().waitFor();
    expect(await h.page.getByTestId('example').count()).toBeGreaterThan(0);
    await h.page.getByTestId('app-version').waitFor();
    await h.page.screenshot({ path: join(resultsDir, 'empty-state.png') });
  });

  it('imports an example file and draws every node on the canvas', async () => {
    await h.page.getByTestId('import-input').setInputFiles(examplePath);
    await h.page.getByTestId('canvas').waitFor();
    await h.page.locator('.react-flow__node').first().waitFor();
    await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(exampleDoc.nodes.length);
    await expect.poll(() => h.page.locator('.react-flow__edge').count()).toBe(exampleDoc.edges.length);
    expect(await h.page.getByTestId('flow-name').textContent()).toBe(exampleDoc.campaign.name);
    const problems = validateFlow(exampleDoc, { now: new Date() }).length;
    const problemText = await h.page.getByTestId('problem-count').textContent();
    expect(problemText).toBe(problems === 0 ? 'No problems' : `${problems} problem${problems === 1 ? '' : 's'}`);
    await h.page.waitForTimeout(300); // let fitView settle before the picture
    await h.page.screenshot({ path: join(resultsDir, 'flow-canvas.png') });
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await h.page.waitForTimeout(300); // colour transitions
    await h.page.screenshot({ path: join(resultsDir, 'flow-canvas-dark.png') });
    await h.page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows located problems for a bad file and changes nothing', async () => {
    await h.page.getByRole('button', { name: 'Back to flows' }).click();
    await h.page.getByTestId('flow-list').waitFor();
    const rowsBefore = await h.page.getByTestId('flow-row').allTextContents();

    const broken = { ...JSON.parse(exampleText), nodes: [{ id: 'n1', type: 'teleport', position: { x: 0, y: 0 }, data: {} }] };
    await h.page.getByTestId('import-input').setInputFiles({ name: 'broken-flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const report = h.page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('broken-flow.json');
    const paths = await report.locator('.problem__path').allTextContents();
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.some((path) => path.startsWith('$.nodes[0]'))).toBe(true);
    await h.page.screenshot({ path: join(resultsDir, 'import-problems.png') });

    await h.page.getByTestId('import-input').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ "campaign": ') });
    await expect.poll(() => report.textContent()).toContain('not-json.json');

    expect(await h.page.getByTestId('flow-row').allTextContents()).toEqual(rowsBefore);
    await h.page.getByRole('button', { name: 'Dismiss import problems' }).click();
    await report.waitFor({ state: 'detached' });
  });

  it('keeps the imported flow across a reload', async () => {
    await h.page.reload();
    const row = h.page.getByTestId('flow-row');
    await row.first().waitFor();
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain(exampleDoc.campaign.name);
    await h.page.screenshot({ path: join(resultsDir, 'flows-list.png') });
  });

  it('ran without console errors or CSP violations', () => {
    expect(h.pageErrors).toEqual([]);
  });
});

describe('web host API and policy', () => {
  const call = (channel: string, headers: Record<string, string>) =>
    fetch(new URL(`${webTransport.apiPrefix}${channel}`, h.host.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

  it('serves the page under a CSP that blocks inline script', async () => {
    const outcome = await h.page.evaluate(async () => {
      const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return { ran: '__inlineRan' in window, directive: await violation };
    });
    expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
  });

  it('refuses calls without the token', async () => {
    expect((await call('examples.list', {})).status).toBe(401);
  });

  it('answers with the token the page was given', async () => {
    const token = await h.page.locator(`meta[name="${webTransport.tokenMetaName}"]`).getAttribute('content');
    expect(token).toBe(h.host.token);
    const res = await call('examples.list', { [webTransport.tokenHeader]: token ?? '' });
    expect(res.status).toBe(200);
    expect(Array.isArray(await res.json())).toBe(true);
  });
});
