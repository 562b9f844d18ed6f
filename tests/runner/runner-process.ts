import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A free loopback port (the runner's URL must be known before it starts, for the webhook). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RunnerProcess {
  url: string;
  proc: ChildProcess;
  /** Everything it wrote on stderr (its log). */
  log: () => string;
  /** SIGKILL: no draining, no cleanup; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `campaign-studio runner` as its own process (from the sources, through tsx) and waits
 * until /healthz answers 200.
 */
export async function spawnRunner(args: string[], env: Record<string, string>, port: number, readyMs = 180_000): Promise<RunnerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'runner', '--port', String(port), ...args], {
    cwd: root,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  proc.stdout!.on('data', () => {});
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + readyMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the runner exited with ${proc.exitCode} before it was ready:\n${err}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) {
      proc.kill('SIGKILL');
      throw new Error(`the runner was not ready within ${readyMs} ms:\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    proc,
    log: () => err,
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      proc.kill('SIGTERM');
      return exited;
    },
  };
}
