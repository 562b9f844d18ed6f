import { expect, shot, test } from './fixtures';
import { badge, publishExampleToRunner, startLiveBackend, waiting } from './live-backend';

test.describe('live flows in the editor', () => {
  test('publishes "Collect name and email" to a runner, moves its badges as contacts chat, rewinds one journey, pauses and resumes', async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    const live = await startLiveBackend();
    try {
      await test.step('publish the example to the runner', async () => {
        await publishExampleToRunner(page, live.runner.url, 'live-flow');
      });

      await test.step('Live mode says nobody entered yet', async () => {
        await page.getByTestId('mode-live').click();
        await expect(page.getByTestId('live-panel')).toBeVisible();
        await expect(page.getByTestId('live-empty')).toContainText('No contacts have entered');
        await expect(page.getByTestId('live-flow-status')).toHaveText('Running');
      });

      await test.step('three visitors chat: the badges move without a reload', async () => {
        const started = [];
        for (const [id, name] of [
          [501, 'Ada'],
          [502, 'Grace'],
          [503, 'Linus'],
        ] as const) {
          started.push(await live.standin.visitorStartsConversation({ contact: { id, name } }));
        }
        await expect(badge(page, 'trigger')).toHaveText('3', { timeout: 30_000 });
        await expect(waiting(page, 'name-reply')).toHaveText('3 here', { timeout: 30_000 });
        // Ada answers her name, then her email: she reaches the hand-off and the end.
        await live.standin.visitorWrites(started[0]!.conversation.id, 'Ada');
        await expect(waiting(page, 'email-reply')).toHaveText('1 here', { timeout: 30_000 });
        await expect(waiting(page, 'name-reply')).toHaveText('2 here');
        await live.standin.visitorWrites(started[0]!.conversation.id, 'ada@example.com');
        await expect(badge(page, 'done')).toHaveText('1', { timeout: 30_000 });
        await expect(page.locator('.react-flow__edge[data-id="e-name-reply-received-ask-email"]')).toContainText('1');
        await expect(page.getByTestId('live-totals').locator('[data-total="running"] dd')).toHaveText('2');
        await expect(page.getByTestId('live-totals').locator('[data-total="ended"] dd')).toHaveText('1');
        await shot(page, 'live-canvas.png', { hideNotices: true });
      });

      await test.step('drill into the contacts waiting for a name, then one contact’s journey', async () => {
        await waiting(page, 'name-reply').click();
        const drill = page.getByTestId('live-drill');
        await expect(drill).toHaveAttribute('data-state', 'ready');
        await expect(drill.getByTestId('live-contact')).toHaveCount(2);
        await shot(page, 'live-drill-down.png', { hideNotices: true });
        await drill.getByRole('radio', { name: 'All' }).click();
        await expect(drill).toHaveAttribute('data-state', 'ready');
        await drill.getByRole('button', { name: 'Back to the figures' }).click();
        await badge(page, 'done').click();
        await expect(page.getByTestId('live-drill').getByTestId('live-contact')).toHaveCount(1);
        await page.getByTestId('live-drill').getByTestId('live-contact').click();
        const journey = page.getByTestId('live-journey');
        await expect(journey).toBeVisible();
        await expect(page.getByTestId('live-journey-outcome')).toContainText('Ended at');
        const steps = page.getByTestId('timeline').getByRole('option');
        await expect(steps).toHaveCount(10);
        // Rewind with the keyboard, as in a preview: the canvas follows the step.
        await page.getByTestId('timeline').focus();
        await page.keyboard.press('Home');
        await expect(page.getByTestId('transport-now')).toContainText('Step 1 of 10');
        await expect(page.locator('.react-flow__node[data-id="trigger"] .node-card')).toHaveAttribute('data-preview', 'current');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await expect(page.getByTestId('transport-now')).toContainText('Step 3 of 10');
        await expect(page.locator('.react-flow__node[data-id="name-reply"] .node-card')).toHaveAttribute('data-preview', 'current');
        await expect(page.getByTestId('transport-now')).toContainText('Waiting');
        await shot(page, 'live-journey-rewind.png', { hideNotices: true });
        await journey.getByRole('button', { name: 'Back to the list' }).click();
        await expect(badge(page, 'trigger')).toHaveText('3');
      });

      await test.step('a test sent to one contact is a real journey, marked, and not counted', async () => {
        await page.getByTestId('live-drill').getByRole('button', { name: 'Back to the figures' }).click();
        await page.getByTestId('live-test-contact').fill('qa-visitor');
        await page.getByTestId('live-send-test').click();
        await expect(page.getByTestId('live-test-sent')).toContainText('Sent to test contact qa-visitor');
        await waiting(page, 'name-reply').click();
        const drill = page.getByTestId('live-drill');
        const contact = drill.locator('[data-testid="live-contact"][data-contact="qa-visitor"]');
        await expect(async () => {
          await drill.getByRole('radio', { name: 'Waiting' }).click();
          await drill.getByRole('radio', { name: 'All' }).click();
          await expect(contact).toContainText('Test', { timeout: 1_000 });
        }).toPass({ timeout: 30_000 });
        await expect(badge(page, 'trigger')).toHaveText('3');
        await drill.getByRole('button', { name: 'Back to the figures' }).click();
        await expect(page.getByTestId('live-totals').locator('[data-total="running"] dd')).toHaveText('2');
      });

      await test.step('pause says what it does first, then resume', async () => {
        await expect(page.getByTestId('live-pause-effect')).toContainText('The 2 contacts already inside carry on');
        await page.getByTestId('live-pause').click();
        await expect(page.getByTestId('live-flow-status')).toHaveText('Paused');
        // The figures on screen stay those of the revision the contacts are on.
        await expect(badge(page, 'trigger')).toHaveText('3');
        await page.getByTestId('live-resume').click();
        await expect(page.getByTestId('live-flow-status')).toHaveText('Running');
        await expect(badge(page, 'trigger')).toHaveText('3');
      });

      await test.step('before publishing an edit, the journeys in flight and what happens to them', async () => {
        await page.getByTestId('mode-edit').click();
        await page.getByTestId('publish').click();
        const impact = page.getByTestId('publish-panel').getByTestId('in-flight');
        await expect(impact).toHaveAttribute('data-state', 'ready');
        await expect(impact).toContainText('2 journeys are in flight');
        const row = impact.locator('tr[data-node-id="name-reply"]');
        await expect(row.locator('[data-col="in-flight"]')).toHaveText('2');
        await expect(row).toContainText('Stay on r2');
        await shot(page, 'live-publish-impact.png', { hideNotices: true });
      });

      await test.step('stop says what it ends, asks, then ends every journey', async () => {
        await page.getByTestId('mode-live').click();
        await page.getByTestId('live-stop').click();
        // A fresh view follows the revision new contacts enter (written by the resume): nobody is on it.
        await expect(page.getByTestId('live-stop-confirm')).toContainText('Stopping ends every journey still in this flow now, on any revision (0 contacts on r4)');
        await page.getByTestId('live-stop-yes').click();
        await expect(page.getByTestId('live-stopped')).toHaveText('Stopped: 3 journeys ended.');
        await expect(page.getByTestId('live-flow-status')).toHaveText('Paused');
        await page.getByTestId('live-revision').selectOption('r2');
        await expect(badge(page, 'trigger')).toHaveText('3');
        await expect(waiting(page, 'name-reply')).toHaveCount(0);
        await expect(page.getByTestId('live-totals').locator('[data-total="exited"] dd')).toHaveText('2');
      });
    } finally {
      await live.close();
    }
  });
});
