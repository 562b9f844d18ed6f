import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackendStore } from '../host/backend-store';
import { createHandlerRegistry } from '../host/handler-registry';
import { createHostHandlers } from '../host/handlers';
import { createSecretStore } from '../host/secret-store';
import { userConfigDir } from '../host/user-config-dir';
import { startWebHost } from './host-server';

// Bundled to dist/main/web-host.mjs; the renderer and examples sit beside it in dist/.
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const defaultPort = 5417;

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(distDir, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
  const requested = values.port === undefined ? defaultPort : Number(values.port);
  if (!Number.isInteger(requested) || requested < 0 || requested > 65_535) throw new Error(`--port must be a port number, got "${values.port}".`);

  // No OS keychain from plain Node: tokens live in an owner-only (0600) file in the user's config folder.
  const secrets = createSecretStore({ file: join(userConfigDir(), 'secrets.json') });
  const backends = createBackendStore(join(userConfigDir(), 'backends.json'));
  const registry = createHandlerRegistry(createHostHandlers({ edition: 'web', version: appVersion(), examplesDir: join(distDir, 'examples'), secrets, backends }));
  // An explicit --port is a promise to the user; only the default may slide to the next free one.
  const host = await startWebHost({ registry, rendererDir: join(distDir, 'renderer'), port: requested, portAttempts: values.port === undefined ? 20 : 1 });
  console.log(`Campaign Studio (web edition) is running at ${host.url}  (Ctrl+C to stop)`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host.close().then(() => {
      console.log('Stopped.');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
