import { createHash } from 'node:crypto';
import { open, readFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../host/atomic-write';

/** The lock file of one flow on one backend: the same for every process on this machine. */
export function pushLockPath(backendKey: string, flowId: string, dir = tmpdir()): string {
  const digest = createHash('sha256').update(`${backendKey}\n${flowId}`).digest('hex').slice(0, 24);
  return join(dir, `campaign-studio-push-${digest}.lock`);
}


/**
 * Runs `work` holding an exclusive lock file (created with `wx`, holding our pid), so two
 * `push`es of one flow to one backend never run at once (#14.1): the second waits for the
 * first. A lock left by a process that died is taken over; a live one past `timeoutMs` makes
 * this throw with a message that says who holds it.
 */
export async function withPushLock<T>(path: string, work: () => Promise<T>, opts: { timeoutMs?: number; pollMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      // Empty: the holder is between creating and writing it; wait like for a live one.
      if (holder && !processAlive(holder)) {
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another push of this flow to this backend is still running (process ${holder || 'unknown'}, lock ${path})`);
      await new Promise((r) => setTimeout(r, (opts.pollMs ?? 40) * (0.5 + Math.random())));
    }
  }
  try {
    return await work();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
