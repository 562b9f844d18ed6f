import type { CliIo } from '../cli-io';

/** One option of a command, as parseArgs takes it plus what `--help` says about it. */
export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** Shown in help as `--out FILE`. */
  valueName?: string;
  description: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}

/**
 * A subcommand. Adding one is a file exporting a Command and one line in commands/index.ts;
 * `--help` and usage errors come for free from `usage`, `options` and `details`.
 */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Arguments after the command name, e.g. `[options] FILE...`. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Paragraphs after the option list: exit codes, examples. */
  details?: string;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Thrown by a command for a wrong invocation: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit codes shared by every command (see docs/cli.md). */
export const EXIT = { ok: 0, invalid: 1, trouble: 2 } as const;

/** The `--now` option: an ISO date-time, or the real clock. */
export function nowOption(values: OptionValues, io: CliIo): Date {
  const raw = values.now;
  if (typeof raw !== 'string') return io.now();
  const date = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now expects an ISO date-time such as 2030-01-31T09:00:00Z, not "${raw}"`);
  }
  return date;
}

export const NOW_OPTION: OptionSpec = {
  type: 'string',
  valueName: 'ISO',
  description: 'Check past dates against this time instead of the clock (e.g. 2030-01-31T09:00:00Z).',
};
