import type { CliIo } from '../cli-io';

export interface MemoryIo extends CliIo {
  files: Map<string, string | Buffer>;
  out: () => string;
  err: () => string;
}

/** A Node-style error, as fs rejects with. */
export function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/**
 * A CliIo over a map of files. Paths ending in `/` are directories; `unreadable` paths fail
 * with EACCES. Writes are recorded in `files`.
 */
export function createMemoryIo(init: { files?: Record<string, string | Buffer>; stdin?: string; now?: string; stdinIsTTY?: boolean } = {}): MemoryIo {
  const files = new Map(Object.entries(init.files ?? {}));
  let out = '';
  let err = '';
  return {
    files,
    out: () => out,
    err: () => err,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    async readFile(path) {
      if (files.has(`${path}/`) || path.endsWith('/')) throw fsError('EISDIR', path);
      const content = files.get(path);
      if (content === undefined) throw fsError('ENOENT', path);
      if (content === UNREADABLE) throw fsError('EACCES', path);
      return content;
    },
    async writeFile(path, text) {
      if (files.has(`${path}/`)) throw fsError('EISDIR', path);
      files.set(path, text);
    },
    async readStdin() {
      if (init.stdin === undefined) throw new Error('the test gave no stdin');
      return init.stdin;
    },
    now: () => new Date(init.now ?? '2030-01-01T00:00:00Z'),
    isTTY: false,
    stdinIsTTY: init.stdinIsTTY ?? false,
  };
}

/** File content that makes readFile fail with EACCES. */
export const UNREADABLE = '\u0000unreadable\u0000';
