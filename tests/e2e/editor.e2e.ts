import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { importFlowJson } from '../../src-shared/flow/index';
import { connect, dropBlock, exportThisFlow, nodeByLabel, normaliseForComparison, stepsOutOfView, storedRows } from './editor-helpers';
import { expect, shot, test } from './fixtures';
import { resultsDir, rootDir } from './harness';

const examplePath = join(rootDir, 'resources', 'examples', 'onboarding-drip.json');
const exampleText = readFileSync(examplePath, 'utf8');
const example = importFlowJson(exampleText);
if (!example.ok) throw new Error('onboarding-drip.json does not import');
const idsByLabel = new Map(example.document.nodes.map((n) => [n.data.label ?? '', n.id]));
const expected = normaliseForComparison(exampleText, idsByLabel);
const nodeCount = example.document.nodes.length;
const edgeCount = example.document.edges.length;

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const field = (root: Locator, label: string) => root.getByLabel(label, { exact: true });

/** Auto-layout and fit, so the next block has room on the left and every handle is on screen. */
async function tidy(page: Page) {
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  // ELK works in a worker: the button is back once the layout is applied.
  await expect(page.getByTestId('auto-layout')).toBeEnabled({ timeout: 60_000 });
  // Layout and fit animate: wait until the canvas stops moving.
  await waitForStillViewport(page);
}

/**
 * Waits until the canvas viewport's transform has not changed for 400 ms: longer than any of the
 * canvas's animations (250 ms), so a frame starved on a loaded machine is not taken for the end.
 */
async function waitForStillViewport(page: Page) {
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  let last = '';
  let since = 0;
  await expect
    .poll(async () => {
      const now = await transform();
      if (now !== last) [last, since] = [now, Date.now()];
      return Date.now() - since >= 400;
    }, { intervals: [100] })
    .toBe(true);
}

/** Drops a block, names it and connects it from an output of an existing step. */
async function addStep(page: Page, kind: string, label: string, from: string, handle = 'next') {
  const before = await page.locator('.react-flow__node').count();
  const edgesBefore = await page.locator('.react-flow__edge').count();
  await dropBlock(page, kind);
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 1);
  await field(inspector(page), 'Label').fill(label);
  await field(inspector(page), 'Label').blur();
  await expect(nodeByLabel(page, label)).toBeVisible();
  try {
    await connect(page, from, handle, label);
    await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1, { timeout: 2000 });
  } catch (error) {
    await page.screenshot({ path: join(resultsDir, `editor-failed-${label.replace(/\W+/g, '-')}.png`) });
    throw error;
  }
}

async function select(page: Page, label: string) {
  await nodeByLabel(page, label).click();
  await expect(inspector(page).getByTestId('node-inspector')).toBeVisible();
}

/**
 * The onboarding example imported and open in the editor, every step on screen and clickable.
 * At this window size the first view is the top of the flow at a readable zoom (readableView),
 * so the steps below it are brought in with Fit View, as a user would: a click on a step out of
 * view would make Playwright scroll React Flow's clipped pane instead.
 */
async function openExample(page: Page) {
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles(examplePath);
  await expect(page.locator('.react-flow__node')).toHaveCount(nodeCount);
  await page.getByRole('button', { name: 'Hide overview map' }).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await waitForStillViewport(page);
  expect(await stepsOutOfView(page), 'every step is on screen').toEqual([]);
}

type StoredNode = { data: { label?: string } };

/**
 * The step labels of every crash-recovery draft in the app's IndexedDB. A draft holds the steps
 * an edit changed and, for the others, their positions in its base: an index, or a negative
 * count of the ones after the last (draft-patch.ts).
 */
async function draftLabels(page: Page): Promise<string[]> {
  const drafts = await storedRows<{ patch: { session: string; nodes: (number | StoredNode)[] } }>(page, 'drafts');
  const bases = await storedRows<{ session: string; document: { nodes: StoredNode[] } }>(page, 'draftBases');
  return drafts.flatMap(({ patch }) => {
    const base = bases.find((b) => b.session === patch.session)!.document.nodes;
    const nodes: StoredNode[] = [];
    let last = -1;
    for (const item of patch.nodes) {
      if (typeof item !== 'number') nodes.push(item);
      else if (item >= 0) nodes.push(base[(last = item)]!);
      else for (let k = 0; k < -item; k++) nodes.push(base[++last]!);
    }
    return nodes.map((node) => node.data.label ?? '');
  });
}

test.describe('the flow editor (web edition)', () => {
  test('builds the onboarding example by hand and exports a file equal to it', async ({ page }) => {
    test.setTimeout(360_000); // fifteen steps dragged, named and connected by hand: minutes on a busy machine
    const panel = page.getByTestId('campaign-panel');
    const form = inspector(page);

    await test.step('starts a new flow with only the entry trigger', async () => {
      await page.goto('/');
      await page.getByTestId('empty-state').getByRole('button', { name: 'New flow' }).click();
      await expect(page.getByTestId('editor')).toBeVisible();
      await expect(page.locator('.react-flow__node')).toHaveCount(1);
    });

    await test.step('fills in the campaign settings and global exits with forms', async () => {
      await field(panel, 'Campaign name').fill('14-day onboarding');
      await field(panel, 'Description').fill(example.document.campaign.description);
      await field(panel, 'Event name').fill('user.signed_up');
      await panel.getByRole('button', { name: 'Property condition' }).click();
      await field(panel, 'Property').fill('plan');
      await field(panel, 'Property value').fill('trial');
      await panel.getByText('Use business hours').click();
      await field(panel, 'Business hours timezone').fill('America/New_York');
      await field(panel, 'Sends outside business hours').selectOption('wait');
      await field(panel, 'Default inbox').fill('email');
      await field(panel, 'Default sender').selectOption('bot');
      await field(panel, 'Sender bot name').fill('Acme');

      await panel.getByRole('button', { name: 'Add exit' }).click();
      const first = panel.getByTestId('global-exit').nth(0);
      await field(first, 'Exit 1 name').fill('Upgraded to a paid plan');
      await first.getByRole('radio', { name: 'any' }).click();
      await field(first, 'Add rule').selectOption('event');
      await field(first, 'Event').fill('subscription.upgraded');
      await field(first, 'Add rule').selectOption('attribute');
      await field(first, 'Attribute').fill('plan');
      await field(first, 'Operator').selectOption('in_list');
      await field(first, 'Value').fill('starter, growth, enterprise');

      await panel.getByRole('button', { name: 'Add exit' }).click();
      const second = panel.getByTestId('global-exit').nth(1);
      await field(second, 'Exit 2 name').fill('Unsubscribed');
      await field(second, 'Add rule').selectOption('tag');
      await field(second, 'Tag').fill('unsubscribed');
      await shot(page, 'editor-campaign-settings.png');
      await expect(page.getByTestId('flow-name')).toHaveText('14-day onboarding');
    });

    await test.step('builds the steps by dragging blocks and connecting handles', async () => {
      await page.getByRole('button', { name: 'Hide overview map' }).click(); // keeps every step clickable
      await select(page, 'Entry trigger');
      await field(form, 'Label').fill('Trial sign-up');

      await addStep(page, 'send', 'Welcome email', 'Trial sign-up');
      await field(form, 'Channel').selectOption('email');
      await field(form, 'Subject').fill('Welcome to Acme, {{ contact.first_name }}');
      await field(form, 'Message').fill('Hi {{ contact.first_name }},\n\nYour 14-day trial has started. Here are three things to try first...');
      await tidy(page);

      await addStep(page, 'wait', '1 day later', 'Welcome email');
      await tidy(page);

      await addStep(page, 'filter', 'Activated?', '1 day later');
      await field(form, 'Add rule').selectOption('event');
      await field(form, 'Event').fill('project.created');
      await tidy(page);

      await addStep(page, 'send', 'Power tips', 'Activated?', 'match');
      await field(form, 'Channel').selectOption('email');
      await field(form, 'Subject').fill('3 power tips for your new project');
      await field(form, 'Message').fill('Nice work on your first project, {{ contact.first_name }}! Here are three tips...');
      await tidy(page);

      await addStep(page, 'send', 'Check-in chat', 'Activated?', 'else');
      await field(form, 'Channel').selectOption('chat');
      await field(form, 'Message').fill('Hi {{ contact.first_name }}, anything blocking you from setting up your first project? Just reply here.');
      await tidy(page);

      await addStep(page, 'inbound-message', 'Replied?', 'Check-in chat');
      await field(form, 'Timeout amount').fill('3');
      await tidy(page);

      await addStep(page, 'assign', 'Sales inbox', 'Replied?', 'received');
      await field(form, 'Assign to').selectOption('inbox');
      await field(form, 'Inbox id').fill('sales');
      await field(form, 'Display name').fill('Sales');
      await tidy(page);

      await addStep(page, 'end', 'Handed to sales', 'Sales inbox');
      await tidy(page);

      await addStep(page, 'wait', 'Until day 4', 'Replied?', 'timeout');
      await field(form, 'Wait amount').fill('3');
      await tidy(page);

      await addStep(page, 'send', 'Case study', 'Until day 4');
      await field(form, 'Channel').selectOption('email');
      await field(form, 'Subject').fill('How Northwind ships campaigns in half the time');
      await field(form, 'Message').fill('Hi {{ contact.first_name }}, here is how a team like yours uses Acme...');
      await tidy(page);

      await addStep(page, 'wait', 'Until day 12', 'Case study');
      await field(form, 'Wait amount').fill('8');
      await tidy(page);
      await connect(page, 'Power tips', 'next', 'Until day 12');
      await tidy(page);

      await addStep(page, 'wait', 'Next weekday morning', 'Until day 12');
      await field(form, 'Wait mode').selectOption('time_of_day');
      for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await form.getByRole('button', { name: day, exact: true }).click();
      await tidy(page);

      await addStep(page, 'send', 'Trial ending SMS', 'Next weekday morning');
      await field(form, 'Channel').selectOption('sms');
      await field(form, 'Message').fill('Hi {{ contact.first_name }}, your Acme trial ends in 2 days. Upgrade: acme.com/upgrade');
      await tidy(page);

      await addStep(page, 'end', 'Drip finished', 'Trial ending SMS');
      await tidy(page);

      await expect(page.locator('.react-flow__node')).toHaveCount(nodeCount);
      await expect(page.locator('.react-flow__edge')).toHaveCount(edgeCount);
      await expect(page.getByTestId('problem-count')).toHaveText('No problems');
      await page.getByRole('button', { name: 'Fit View' }).click();
      await waitForStillViewport(page);
      await shot(page, 'editor-built.png');
    });

    await test.step('exports a file equal to the example (after normalisation)', async () => {
      expect(normaliseForComparison(await exportThisFlow(page), idsByLabel)).toBe(expected);
    });
  });

  test('suggests timezones from the runtime once a timezone field is focused', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('empty-state').getByRole('button', { name: 'New flow' }).click();
    const input = field(page.getByTestId('campaign-panel'), 'Campaign timezone');
    await expect(input).toBeVisible();
    // Not in the page before: ~420 options the campaign panel would build on every open.
    await expect(page.locator('datalist')).toHaveCount(0);
    await input.focus();
    const list = page.locator(`datalist[id="${await input.getAttribute('list')}"]`);
    await expect(list.locator('option[value="Europe/Paris"]')).toHaveCount(1);
    expect(await list.locator('option').count()).toBeGreaterThan(300);
    await input.fill('Europe/Paris');
    await input.blur();
    await expect(input).toHaveValue('Europe/Paris');
    await expect(list.locator('option')).not.toHaveCount(0);
  });

  test('draws the campaign panel below the fold just after the first frame, then all of it', async ({ page }) => {
    // Whether the panel's first commit held the stand-in for its lower sections.
    await page.addInitScript(() => {
      const seen = () => document.querySelector('[data-testid="campaign-panel"] [data-testid="below-the-fold"]') !== null;
      new MutationObserver(() => {
        if (seen()) document.documentElement.dataset.sawBelowTheFold = 'yes';
      }).observe(document, { subtree: true, childList: true });
    });
    await openExample(page);
    const panel = page.getByTestId('campaign-panel');
    await expect(panel.getByTestId('below-the-fold')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-saw-below-the-fold', 'yes');
    // Every section, in its place, and usable.
    await expect(panel.locator('.form-section__title')).toHaveText(['Campaign', 'Entry', 'Audience', 'Business hours', 'Channel defaults', 'Global exits']);
    await expect(panel.getByTestId('global-exit')).toHaveCount(example.document.campaign.globalExits.length);
    await field(panel, 'Default inbox').fill('sales');
    await expect(field(panel, 'Default inbox')).toHaveValue('sales');
  });

  test('refuses a bad connection with a visible reason', async ({ page }) => {
    await openExample(page);
    await connect(page, 'Activated?', 'match', 'Case study');
    await expect(page.getByTestId('canvas-notice')).toContainText('already leads somewhere');
    await expect(page.locator('.react-flow__edge')).toHaveCount(edgeCount);
    await expect(page.getByTestId('canvas-notice')).toHaveCSS('opacity', '1'); // the notice's fade-in
    await shot(page, 'editor-refusal.png');
  });

  test('undoes and redoes a delete, from the keyboard and the toolbar', async ({ page }) => {
    await openExample(page);
    const nodes = page.locator('.react-flow__node');
    await nodeByLabel(page, 'Case study').click();
    await page.keyboard.press('Delete');
    await expect(nodes).toHaveCount(nodeCount - 1);
    await page.keyboard.press('Control+z');
    await expect(nodes).toHaveCount(nodeCount);
    await expect(page.locator('.react-flow__edge')).toHaveCount(edgeCount);
    await page.keyboard.press('Control+Shift+z');
    await expect(nodes).toHaveCount(nodeCount - 1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(nodes).toHaveCount(nodeCount);
  });

  test('undoes a drag in one step', async ({ page }) => {
    await openExample(page);
    // A drag is one step: undo puts the node back where it was.
    const node = nodeByLabel(page, 'Case study');
    const before = (await node.boundingBox())!;
    await node.hover();
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(before.x + before.width / 2 + i * 8, before.y + before.height / 2 + i * 3);
    await page.mouse.up();
    const moved = await node.boundingBox();
    expect(moved!.x).toBeGreaterThan(before.x + 40);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await node.boundingBox())!.x)).toBe(Math.round(before.x));
  });

  test('keeps the flow intact across a reload', async ({ page }) => {
    await openExample(page);
    await nodeByLabel(page, 'Drip finished').click();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(nodeCount);
    expect(normaliseForComparison(await exportThisFlow(page), idsByLabel)).toBe(expected);
  });

  test('lists a broken step in the problems panel and takes you to it', async ({ page }) => {
    await openExample(page);
    await select(page, 'Welcome email');
    await field(inspector(page), 'Message').fill('');
    await expect(inspector(page).getByTestId('field-problem')).toContainText(['The message is empty.']);
    await page.getByTestId('problem-count').click();
    const problem = page.getByTestId('problems-panel').locator('[data-code="send.empty-body"]');
    await expect(problem).toBeVisible();
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } }); // deselect
    await problem.click();
    await expect(nodeByLabel(page, 'Welcome email')).toHaveClass(/selected/);
    await expect(inspector(page).getByTestId('node-inspector')).toHaveAttribute('data-kind', 'send');
    await expect(nodeByLabel(page, 'Welcome email').getByTestId('node-errors')).toHaveText('1');
    await shot(page, 'editor-problems.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'editor-problems-dark.png');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('problem-count')).toHaveText('No problems');
  });

  test('shows what another tab saved, and nothing of the kind for its own saves', async ({ page, context }) => {
    await openExample(page);
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(other.locator('.react-flow__node')).toHaveCount(nodeCount);
    await select(page, 'Drip finished');
    await field(inspector(page), 'Label').fill('Drip done');
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await expect(nodeByLabel(other, 'Drip done')).toBeVisible();
    await expect(other.getByTestId('canvas-notice')).toContainText('changed elsewhere');
    // The tab that saved keeps its own state: no notice, its edit still there, still selected.
    await expect(page.getByTestId('canvas-notice')).toHaveCount(0);
    await expect(field(inspector(page), 'Label')).toHaveValue('Drip done');
    await other.close();
  });

  test('leaves no draft base behind when the page reloads (Web Locks tell the next page it is gone)', async ({ page }) => {
    await openExample(page);
    await select(page, 'Drip finished');
    await field(inspector(page), 'Label').fill('Drip done');
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    const sessions = async () => (await storedRows<{ session: string }>(page, 'draftBases')).map((b) => b.session);
    const [first] = await sessions();
    expect(first).toBeTruthy();
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(nodeCount);
    await expect.poll(sessions).toEqual([]);
    await page.getByRole('button', { name: 'Fit View' }).click();
    await waitForStillViewport(page);
    await select(page, 'Drip done');
    await field(inspector(page), 'Label').fill('Drip done again');
    await expect.poll(sessions).toHaveLength(1);
    expect((await sessions())[0]).not.toBe(first);
  });

  test('brings back what was typed before the last autosave after a crash', async ({ page, context }) => {
    await openExample(page);
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
    await select(page, 'Drip finished');
    const url = page.url();
    await field(inspector(page), 'Label').fill('Drip finished for good');
    // The draft is written within 100 ms; autosave waits 800 ms: the crash must land between
    // the two, so it follows the draft's arrival in storage rather than a fixed wait.
    await expect
      .poll(() => draftLabels(page), { intervals: [20] })
      .toContain('Drip finished for good');
    expect(await page.getByTestId('save-status').textContent()).not.toBe('Saved');
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined); // answers never come from a crashed page
    await crashed;
    const again = await context.newPage();
    await again.goto(url);
    await expect(nodeByLabel(again, 'Drip finished for good')).toBeVisible();
    await expect(again.getByTestId('canvas-notice')).toContainText('Recovered');
    await expect(again.getByTestId('save-status')).toHaveText('Saved');
    await shot(again, 'editor-recovered.png');
  });
});
