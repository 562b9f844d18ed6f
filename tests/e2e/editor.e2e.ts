import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFlowJson } from '../../src-shared/flow/index';
import { connect, dropBlock, exportThisFlow, nodeByLabel, normaliseForComparison } from './editor-helpers';
import { resultsDir, rootDir, startHarness, type Harness } from './harness';

const examplePath = join(rootDir, 'resources', 'examples', 'onboarding-drip.json');
const exampleText = readFileSync(examplePath, 'utf8');
const example = importFlowJson(exampleText);
if (!example.ok) throw new Error('onboarding-drip.json does not import');
const idsByLabel = new Map(example.document.nodes.map((n) => [n.data.label ?? '', n.id]));
const expected = normaliseForComparison(exampleText, idsByLabel);

let h: Harness;
let built = '';

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const inspector = () => h.page.getByRole('complementary', { name: 'Inspector' });
const field = (label: string, root: Locator = inspector()) => root.getByLabel(label, { exact: true });

/** Auto-layout and fit, so the next block has room on the left and every handle is on screen. */
async function tidy() {
  await h.page.getByRole('button', { name: 'Auto-layout' }).click();
  await h.page.waitForTimeout(450);
}

/** Drops a block, names it and connects it from an output of an existing step. */
async function addStep(kind: string, label: string, from: string, handle = 'next') {
  const before = await h.page.locator('.react-flow__node').count();
  const edgesBefore = await h.page.locator('.react-flow__edge').count();
  await dropBlock(h.page, kind);
  await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(before + 1);
  await field('Label').fill(label);
  await field('Label').blur();
  await nodeByLabel(h.page, label).waitFor();
  try {
    await connect(h.page, from, handle, label);
    await expect.poll(() => h.page.locator('.react-flow__edge').count(), { timeout: 2000 }).toBe(edgesBefore + 1);
  } catch (error) {
    await h.page.screenshot({ path: join(resultsDir, `editor-failed-${label.replace(/\W+/g, '-')}.png`) });
    throw error;
  }
}

async function select(label: string) {
  await nodeByLabel(h.page, label).click();
  await inspector().getByTestId('node-inspector').waitFor();
}

describe('the flow editor (web edition)', () => {
  it('starts a new flow with only the entry trigger', async () => {
    await h.page.goto(h.host.url);
    await h.page.getByTestId('empty-state').getByRole('button', { name: 'New flow' }).click();
    await h.page.getByTestId('editor').waitFor();
    await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(1);
  });

  it('fills in the campaign settings and global exits with forms', async () => {
    const panel = h.page.getByTestId('campaign-panel');
    await panel.waitFor();
    await field('Campaign name', panel).fill('14-day onboarding');
    await field('Description', panel).fill(example.document.campaign.description);
    await field('Event name', panel).fill('user.signed_up');
    await panel.getByRole('button', { name: 'Property condition' }).click();
    await field('Property', panel).fill('plan');
    await field('Property value', panel).fill('trial');
    await panel.getByText('Use business hours').click();
    await field('Business hours timezone', panel).fill('America/New_York');
    await field('Sends outside business hours', panel).selectOption('wait');
    await field('Default inbox', panel).fill('email');
    await field('Default sender', panel).selectOption('bot');
    await field('Sender bot name', panel).fill('Acme');

    await panel.getByRole('button', { name: 'Add exit' }).click();
    const first = panel.getByTestId('global-exit').nth(0);
    await field('Exit 1 name', first).fill('Upgraded to a paid plan');
    await first.getByRole('radio', { name: 'any' }).click();
    await field('Add rule', first).selectOption('event');
    await field('Event', first).fill('subscription.upgraded');
    await field('Add rule', first).selectOption('attribute');
    await field('Attribute', first).fill('plan');
    await field('Operator', first).selectOption('in_list');
    await field('Value', first).fill('starter, growth, enterprise');

    await panel.getByRole('button', { name: 'Add exit' }).click();
    const second = panel.getByTestId('global-exit').nth(1);
    await field('Exit 2 name', second).fill('Unsubscribed');
    await field('Add rule', second).selectOption('tag');
    await field('Tag', second).fill('unsubscribed');
    await h.page.screenshot({ path: join(resultsDir, 'editor-campaign-settings.png') });
    expect(await h.page.getByTestId('flow-name').textContent()).toBe('14-day onboarding');
  });

  it('builds the onboarding steps by dragging blocks and connecting handles', async () => {
    await h.page.getByRole('button', { name: 'Hide overview map' }).click(); // keeps every step clickable
    await select('Entry trigger');
    await field('Label').fill('Trial sign-up');

    await addStep('send', 'Welcome email', 'Trial sign-up');
    await field('Channel').selectOption('email');
    await field('Subject').fill('Welcome to Acme, {{ contact.first_name }}');
    await field('Message').fill('Hi {{ contact.first_name }},\n\nYour 14-day trial has started. Here are three things to try first...');
    await tidy();

    await addStep('wait', '1 day later', 'Welcome email');
    await tidy();

    await addStep('filter', 'Activated?', '1 day later');
    await field('Add rule').selectOption('event');
    await field('Event').fill('project.created');
    await tidy();

    await addStep('send', 'Power tips', 'Activated?', 'match');
    await field('Channel').selectOption('email');
    await field('Subject').fill('3 power tips for your new project');
    await field('Message').fill('Nice work on your first project, {{ contact.first_name }}! Here are three tips...');
    await tidy();

    await addStep('send', 'Check-in chat', 'Activated?', 'else');
    await field('Channel').selectOption('chat');
    await field('Message').fill('Hi {{ contact.first_name }}, anything blocking you from setting up your first project? Just reply here.');
    await tidy();

    await addStep('inbound-message', 'Replied?', 'Check-in chat');
    await field('Timeout amount').fill('3');
    await tidy();

    await addStep('assign', 'Sales inbox', 'Replied?', 'received');
    await field('Assign to').selectOption('inbox');
    await field('Inbox id').fill('sales');
    await field('Display name').fill('Sales');
    await tidy();

    await addStep('end', 'Handed to sales', 'Sales inbox');
    await tidy();

    await addStep('wait', 'Until day 4', 'Replied?', 'timeout');
    await field('Wait amount').fill('3');
    await tidy();

    await addStep('send', 'Case study', 'Until day 4');
    await field('Channel').selectOption('email');
    await field('Subject').fill('How Northwind ships campaigns in half the time');
    await field('Message').fill('Hi {{ contact.first_name }}, here is how a team like yours uses Acme...');
    await tidy();

    await addStep('wait', 'Until day 12', 'Case study');
    await field('Wait amount').fill('8');
    await tidy();
    await connect(h.page, 'Power tips', 'next', 'Until day 12');
    await tidy();

    await addStep('wait', 'Next weekday morning', 'Until day 12');
    await field('Wait mode').selectOption('time_of_day');
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await inspector().getByRole('button', { name: day, exact: true }).click();
    await tidy();

    await addStep('send', 'Trial ending SMS', 'Next weekday morning');
    await field('Channel').selectOption('sms');
    await field('Message').fill('Hi {{ contact.first_name }}, your Acme trial ends in 2 days. Upgrade: acme.com/upgrade');
    await tidy();

    await addStep('end', 'Drip finished', 'Trial ending SMS');
    await tidy();

    await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(example.document.nodes.length);
    await expect.poll(() => h.page.locator('.react-flow__edge').count()).toBe(example.document.edges.length);
    await expect.poll(() => h.page.getByTestId('problem-count').textContent()).toBe('No problems');
    await h.page.getByRole('button', { name: 'Fit View' }).click();
    await h.page.waitForTimeout(400);
    await h.page.screenshot({ path: join(resultsDir, 'editor-built.png') });
  });

  it('exports a file equal to the example (after normalisation)', async () => {
    built = await exportThisFlow(h.page);
    expect(normaliseForComparison(built, idsByLabel)).toBe(expected);
  });

  it('refuses a bad connection with a visible reason', async () => {
    await connect(h.page, 'Activated?', 'match', 'Case study');
    await expect.poll(() => h.page.getByTestId('canvas-notice').textContent()).toContain('already leads somewhere');
    await expect.poll(() => h.page.locator('.react-flow__edge').count()).toBe(example.document.edges.length);
    await h.page.waitForTimeout(250); // the notice's fade-in
    await h.page.screenshot({ path: join(resultsDir, 'editor-refusal.png') });
  });

  it('undoes and redoes steps', async () => {
    await nodeByLabel(h.page, 'Case study').click();
    await h.page.keyboard.press('Delete');
    await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(14);
    await h.page.keyboard.press('Control+z');
    await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(15);
    await expect.poll(() => h.page.locator('.react-flow__edge').count()).toBe(15);
    await h.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(14);
    await h.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(15);

    // A drag is one step: undo puts the node back where it was.
    const node = nodeByLabel(h.page, 'Drip finished');
    const before = await node.boundingBox();
    await node.hover();
    await h.page.mouse.down();
    for (let i = 1; i <= 10; i++) await h.page.mouse.move(before!.x + before!.width / 2 + i * 8, before!.y + before!.height / 2 + i * 3);
    await h.page.mouse.up();
    const moved = await node.boundingBox();
    expect(moved!.x).toBeGreaterThan(before!.x + 40);
    await h.page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await node.boundingBox())!.x)).toBe(Math.round(before!.x));
  });

  it('keeps the flow intact across a reload', async () => {
    await expect.poll(() => h.page.getByTestId('save-status').textContent()).toBe('Saved');
    await h.page.reload();
    await h.page.getByTestId('editor').waitFor();
    await expect.poll(() => h.page.locator('.react-flow__node').count()).toBe(15);
    expect(normaliseForComparison(await exportThisFlow(h.page), idsByLabel)).toBe(expected);
  });

  it('lists a broken step in the problems panel and takes you to it', async () => {
    await select('Welcome email');
    await field('Message').fill('');
    await expect.poll(() => inspector().getByTestId('field-problem').allTextContents()).toContain('The message is empty.');
    await h.page.getByTestId('problem-count').click();
    const problem = h.page.getByTestId('problems-panel').locator('[data-code="send.empty-body"]');
    await problem.waitFor();
    await h.page.getByTestId('canvas').click({ position: { x: 5, y: 5 } }); // deselect
    await problem.click();
    await expect.poll(() => nodeByLabel(h.page, 'Welcome email').getAttribute('class')).toContain('selected');
    await expect.poll(() => inspector().getByTestId('node-inspector').getAttribute('data-kind')).toBe('send');
    expect(await nodeByLabel(h.page, 'Welcome email').getByTestId('node-errors').textContent()).toBe('1');
    await h.page.screenshot({ path: join(resultsDir, 'editor-problems.png') });
    await h.page.emulateMedia({ colorScheme: 'dark' });
    await h.page.waitForTimeout(300);
    await h.page.screenshot({ path: join(resultsDir, 'editor-problems-dark.png') });
    await h.page.emulateMedia({ colorScheme: 'light' });
    await h.page.keyboard.press('Control+z');
    await expect.poll(() => h.page.getByTestId('problem-count').textContent()).toBe('No problems');
  });

  it('brings back what was typed before the last autosave after a crash', async () => {
    await select('Drip finished');
    const url = h.page.url();
    await field('Label').fill('Drip finished for good');
    await h.page.waitForTimeout(250); // the draft is written within 100 ms; autosave waits 800 ms
    expect(await h.page.getByTestId('save-status').textContent()).not.toBe('Saved');
    const cdp = await h.context.newCDPSession(h.page);
    const crashed = h.page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined); // answers never come from a crashed page
    await crashed;
    const page = await h.context.newPage();
    await page.goto(url);
    await page.getByTestId('editor').waitFor();
    await nodeByLabel(page, 'Drip finished for good').waitFor();
    await expect.poll(() => page.getByTestId('canvas-notice').textContent()).toContain('Recovered');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');
    await page.screenshot({ path: join(resultsDir, 'editor-recovered.png') });
    await page.close();
  });

  it('ran without console errors', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
