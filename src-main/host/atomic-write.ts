import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /**
   * Permission bits of the file; 0o600 for anything private. Without it an existing file keeps
   * its own mode (a 0600 flow stays 0600 after `import -o`) and a new one gets 0o644.
   */
  mode?: number;
  /** Create the parent folder (with this mode) when it is missing. */
  dirMode?: number;
}

/**
 * Writes a sibling temp file, flushes it and renames it over `path`: a crash or a full disk
 * never leaves a half-written file, and readers never see one. The temp file is created with
 * the final mode (`wx`, so never through an existing file or link), so private data is never
 * readable by others, not even for a moment. Temp files left by a process killed mid-write are
 * removed by the next write of the same file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const mode = options.mode ?? (await existingMode(path)) ?? 0o644;
  if (options.dirMode !== undefined) await mkdir(dirname(path), { recursive: true, mode: options.dirMode });
  await removeStaleTemps(path);
  const temp = join(dirname(path), `${tempPrefix(path)}${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      // The umask can only remove bits; chmod makes the mode exact (e.g. a 0o077 umask and 0o644).
      if (process.platform !== 'win32') await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

/** Tightens an existing private file or folder to owner-only (a no-op on Windows, where ACLs apply). */
export async function restrictToOwner(path: string, isDirectory: boolean): Promise<void> {
  if (process.platform === 'win32') return;
  await chmod(path, isDirectory ? 0o700 : 0o600);
}

const tempPrefix = (path: string) => `.${basename(path)}.`;

/** The permission bits of an existing regular file (not through a link), or undefined. */
async function existingMode(path: string): Promise<number | undefined> {
  if (process.platform === 'win32') return undefined;
  try {
    const info = await stat(path);
    return info.isFile() ? info.mode & 0o777 : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id still runs on this machine (a temp or lock file it holds is live). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes `.<name>.<pid>.<hex>.tmp` siblings whose writer is gone (killed during a write). */
async function removeStaleTemps(path: string): Promise<void> {
  const prefix = tempPrefix(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (m && !processAlive(Number(m[1]))) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}
