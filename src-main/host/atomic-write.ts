import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits of the new file (before the umask); 0o600 for anything private. */
  mode?: number;
  /** Create the parent folder (with this mode) when it is missing. */
  dirMode?: number;
}

/**
 * Writes a sibling temp file, flushes it and renames it over `path`: a crash or a full disk
 * never leaves a half-written file, and readers never see one. The temp file is created with
 * the final mode (`wx`, so never through an existing file or link), so private data is never
 * readable by others, not even for a moment.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const mode = options.mode ?? 0o644;
  if (options.dirMode !== undefined) await mkdir(dirname(path), { recursive: true, mode: options.dirMode });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
