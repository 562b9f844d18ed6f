import { startChatwootStandin, type ChatwootStandin } from '../../src-main/runner/chatwoot/testing/chatwoot-standin';
import { startRunner, type RunningRunner } from '../../src-main/runner/runner';
import { tempDir, TEST_TOKEN } from '../../src-main/runner/testing/runner-fixtures';
import { freePort } from '../runner/runner-process';

const SECRET = 'live-webhook-secret';

/** A runner in embedded mode (PGlite in a temp dir) wired to a Chatwoot stand-in through signed webhooks, for one test. */
export async function startLiveBackend(): Promise<{ runner: RunningRunner; standin: ChatwootStandin; close(): Promise<void> }> {
  const port = await freePort();
  const standin = await startChatwootStandin({ webhook: { url: `http://127.0.0.1:${port}/webhooks/chatwoot`, secret: SECRET }, clock: Math.floor(Date.now() / 1000) });
  const runner = await startRunner({
    database: { kind: 'pglite', dataDir: await tempDir('live-e2e') },
    port,
    pollInterval: 200,
    env: { CAMPAIGN_STUDIO_RUNNER_TOKEN: TEST_TOKEN, CHATWOOT_BASE_URL: standin.url, CHATWOOT_ACCOUNT_ID: String(standin.accountId), CHATWOOT_API_TOKEN: standin.token, CHATWOOT_WEBHOOK_SECRET: SECRET },
  });
  return {
    runner,
    standin,
    async close() {
      await runner.stop();
      await standin.close();
    },
  };
}
