import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../host/atomic-write';

/**
 * Everything the CLI does to the outside world. Commands see only this, so tests run them
 * against memory (see memory-io.ts) and the real one lives at the edge, in main.ts.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Rejects with a Node-style error (`code` ENOENT, EISDIR, EACCES…) when the file cannot be read. */
  readFile(path: string): Promise<string | Buffer>;
  /** Atomic: the file either keeps its old content or gets all of the new one. */
  writeFile(path: string, text: string): Promise<void>;
  readStdin(): Promise<string>;
  now(): Date;
  /** Stdout is a terminal that may be coloured (false when NO_COLOR is set). */
  isTTY: boolean;
  /** Stdin is a terminal: nothing is piped in, so reading it would wait for typing. */
  stdinIsTTY?: boolean;
  /** Stderr is a terminal: progress lines may be redrawn there. */
  stderrIsTTY?: boolean;
}

/** The CliIo of a real process. */
export function createNodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path),
    writeFile: writeFileAtomic,
    readStdin,
    now: () => new Date(),
    isTTY: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** The CLI writes outputs the same way the host writes its files: never half-written. */
export { writeFileAtomic };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return decodeUtf8(Buffer.concat(chunks));
}

/** Strict UTF-8 (a BOM is dropped); throws a TypeError on bytes that are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
}
