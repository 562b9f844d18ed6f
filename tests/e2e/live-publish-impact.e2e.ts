import { nodeByLabel } from './editor-helpers';
import { expect, shot, test } from './fixtures';
import { badge, publishExampleToRunner, startLiveBackend, waiting } from './live-backend';
import { editorBadge } from './settings-helpers';


test('publishing an edit over contacts in flight: the in-flight table, the side-by-side forecast, and waiting journeys moved to the new version', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const live = await startLiveBackend();
  try {
    await publishExampleToRunner(page, live.runner.url, 'live-impact');

    // Two visitors are asked their name and wait for it on r2 (create r1, publish r2).
    const chats = [];
    for (const [id, name] of [
      [601, 'Ada'],
      [602, 'Grace'],
    ] as const) chats.push(await live.standin.visitorStartsConversation({ contact: { id, name } }));
    await page.getByTestId('mode-live').click();
    await expect(waiting(page, 'name-reply')).toHaveText('2 here', { timeout: 30_000 });
    // Pausing and resuming write revisions r3 and r4: the contacts stay on r2, the flow is at r4.
    await page.getByTestId('live-pause').click();
    await expect(page.getByTestId('live-flow-status')).toHaveText('Paused');
    await page.getByTestId('live-resume').click();
    await expect(page.getByTestId('live-flow-status')).toHaveText('Running');

    // The edit: the gentle nudge goes.
    await page.getByTestId('mode-edit').click();
    await nodeByLabel(page, 'Gentle nudge').click();
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__node[data-id="nudge"]')).toHaveCount(0);
    // A press outside the publish panel closes it, wherever the focus is.
    await page.getByTestId('publish').click();
    await expect(page.getByTestId('publish-panel')).toBeVisible();
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await expect(page.getByTestId('publish-panel')).toBeHidden();

    await page.getByTestId('publish').click();
    const panel = page.getByTestId('publish-panel');
    const impact = panel.getByTestId('in-flight');
    await expect(impact).toHaveAttribute('data-state', 'ready');
    await expect(impact).toContainText('2 journeys are in flight');
    const row = impact.locator('tr[data-node-id="name-reply"][data-revision="r2"]');
    await expect(row.locator('[data-col="in-flight"]')).toHaveText('2');
    const move = row.getByTestId('move-waiting');
    await expect(move).not.toBeChecked();
    await expect(row).toContainText('Stay on r2');

    const forecast = impact.getByTestId('impact-forecast');
    await expect(forecast).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    // Staying on r2, contacts who never answer get the nudge; moved to the new version, nobody does.
    const nudge = forecast.locator('tr[data-node-id="nudge"]');
    await expect(nudge).toHaveAttribute('data-differs', 'true');
    await expect(nudge.locator('[data-col="moved-sent"]')).toHaveText('0');
    const stayed = Number(await nudge.locator('[data-col="stay-sent"]').textContent());
    expect(stayed).toBeGreaterThan(0);
    const total = forecast.locator('tr[data-node-id="total"]');
    await expect(total.locator('[data-col="stay-sent"]')).not.toHaveText('0');
    await expect(forecast).toContainText('arrives now at the step it waits at');

    await move.check();
    await expect(row).toContainText('Move to the same step of the new version');
    await shot(page, 'live-publish-impact-forecast.png', { hideNotices: true });

    await panel.locator('[data-backend="delivery"]').getByRole('button', { name: /^Publish/ }).click();
    const confirm = panel.getByTestId('publish-confirm');
    await expect(confirm.or(editorBadge(page).and(page.locator('[data-status="synced"]')))).toBeVisible();
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Publish anyway' }).click();
    await expect(editorBadge(page)).toHaveAttribute('data-status', 'synced', { timeout: 30_000 });
    // The panel stays open through the publish, showing the new revision.
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('sync-note')).toContainText('2 waiting journeys moved to r5');
    // A new publish starts from "stay" again: the choice was for the publish over r2.
    await expect(impact).toHaveAttribute('data-state', 'ready');
    await expect(impact.locator('tr[data-node-id="name-reply"][data-revision="r5"]').getByTestId('move-waiting')).not.toBeChecked();
    await expect(impact.locator('tr[data-revision="r2"]')).toHaveCount(0);

    // In Live mode the two contacts wait at the same step of r5, and carry on there.
    await page.keyboard.press('Escape');
    await page.getByTestId('mode-live').click();
    await expect(waiting(page, 'name-reply')).toHaveText('2 here', { timeout: 30_000 });
    await live.standin.visitorWrites(chats[0]!.conversation.id, 'Ada');
    await expect(waiting(page, 'email-reply')).toHaveText('1 here', { timeout: 30_000 });
    await expect(badge(page, 'ask-email')).toHaveText('1');
    await page.getByTestId('live-revision').selectOption('r2');
    await expect(waiting(page, 'name-reply')).toHaveCount(0);
  } finally {
    await live.close();
  }
});
