import type { CliIo } from './cli-io';
import { describeWriteError, STDIN } from './input';

/**
 * Writes a command's result to standard output (no OUT, or `-`) or atomically to OUT.
 * Returns false, having said why on stderr, when OUT could not be written.
 */
export async function writeOutput(io: CliIo, out: string | undefined, text: string): Promise<boolean> {
  if (out === undefined || out === STDIN) {
    io.stdout(text);
    return true;
  }
  try {
    await io.writeFile(out, text);
    return true;
  } catch (e) {
    io.stderr(`campaign-studio: ${describeWriteError(out, e)}\n`);
    return false;
  }
}
