import type { Problem } from '../../src-shared/flow';
import { decodeUtf8, type CliIo } from './cli-io';

/** What the user passed for standard input. */
export const STDIN = '-';

export type ReadResult =
  | { ok: true; text: string }
  /** `unreadable`: the bytes could not be had (exit 2); `invalid`: they are not a text file (exit 1). */
  | { ok: false; reason: 'unreadable' | 'invalid'; problem: Problem };

/** How a file is named in messages: standard input gets a readable name. */
export function displayName(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

/**
 * Reads a flow file (or stdin for `-`) as text, turning each way it can fail into a problem
 * at `$`, so unreadable files are reported like every other problem.
 */
export async function readInput(io: CliIo, file: string): Promise<ReadResult> {
  let raw: string | Buffer;
  try {
    raw = file === STDIN ? await io.readStdin() : await io.readFile(file);
  } catch (e) {
    return readFailure(e);
  }
  if (typeof raw === 'string') return { ok: true, text: raw.replace(/^\uFEFF/, '') };
  try {
    return { ok: true, text: decodeUtf8(raw) };
  } catch {
    return notUtf8();
  }
}

function readFailure(e: unknown): ReadResult {
  const code = (e as { code?: unknown }).code;
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return notUtf8();
  if (code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG') {
    return { ok: false, reason: 'invalid', problem: problem('file.too-large', 'The file is too large to be a flow.') };
  }
  const known = (READ_ERRORS as Record<string, readonly [string, string]>)[String(code)];
  const [problemCode, message] = known ?? ['file.unreadable', `The file could not be read: ${(e as Error).message ?? String(e)}`];
  return { ok: false, reason: 'unreadable', problem: problem(problemCode, message) };
}

/** Node's error codes for a failed read, as a problem code and a sentence. */
const READ_ERRORS = {
  ENOENT: ['file.not-found', 'No such file.'],
  EISDIR: ['file.is-directory', 'This is a directory, not a flow file.'],
  EACCES: ['file.permission', 'Permission denied: the file cannot be read.'],
  EPERM: ['file.permission', 'Permission denied: the file cannot be read.'],
  ENOTDIR: ['file.not-found', 'A part of this path is a file, not a directory.'],
  ELOOP: ['file.unreadable', 'Too many symbolic links on this path.'],
} as const;

function notUtf8(): ReadResult {
  return { ok: false, reason: 'invalid', problem: problem('file.not-utf8', 'The file is not UTF-8 text; flow files are JSON in UTF-8.') };
}

function problem(code: string, message: string): Problem {
  return { severity: 'error', code, message, path: '$' };
}

/** A sentence for a failed write: the reason in words, with the path. */
export function describeWriteError(path: string, e: unknown): string {
  const code = String((e as { code?: unknown }).code);
  const reasons: Record<string, string> = {
    ENOENT: 'the folder does not exist',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a directory',
  };
  return `cannot write ${path}: ${reasons[code] ?? (e as Error).message ?? String(e)}`;
}
