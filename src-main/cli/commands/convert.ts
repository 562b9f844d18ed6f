import { exportFlowJson, hasErrors, importFlowJson } from '../../../src-shared/flow';
import type { CliIo } from '../cli-io';
import { countProblems, createStyle, formatProblems, migrationNote } from '../format';
import { displayName, readInput, STDIN } from '../input';
import { writeOutput } from '../output';
import { EXIT, NOW_OPTION, nowOption, UsageError, type OptionSpec, type ParsedArgs } from './command';

export const CONVERT_OPTIONS: Record<string, OptionSpec> = {
  out: { type: 'string', short: 'o', valueName: 'OUT', description: 'Write to OUT (atomically) instead of standard output.' },
  now: NOW_OPTION,
};

/**
 * Shared by `import` and `export`: read a flow, migrate and normalise it, write the canonical
 * text. `strict` refuses documents with error-severity problems; nothing is written on refusal.
 */
export async function convert({ values, positionals }: ParsedArgs, io: CliIo, strict: boolean): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`one input file at a time (got ${positionals.length}); use a shell loop for several`);
  const file = positionals[0] ?? STDIN;
  if (file === STDIN && positionals.length === 0 && io.stdinIsTTY) throw new UsageError('give a FILE, or pipe a flow into standard input');
  const now = nowOption(values, io);
  const name = displayName(file);
  const style = createStyle(false);

  const input = await readInput(io, file);
  if (!input.ok) {
    io.stderr(`${name}: cannot read\n${formatProblems([input.problem], style)}`);
    return input.reason === 'unreadable' ? EXIT.trouble : EXIT.invalid;
  }
  const result = importFlowJson(input.text, { now });
  if (!result.ok) {
    io.stderr(`${name}: not a readable flow, nothing written\n${formatProblems(result.problems, style)}`);
    return EXIT.invalid;
  }
  if (result.migratedFrom !== undefined) io.stderr(`${name}: ${migrationNote(result.migratedFrom, result.migrations)}\n`);

  const refused = strict && !values.force && hasErrors(result.problems);
  if (result.problems.length) {
    const verdict = refused ? 'refused, nothing written (--force imports it anyway)' : strict ? 'imported with these problems' : 'exported; run `campaign-studio validate` for details';
    const list = strict ? formatProblems(result.problems, style) : '';
    io.stderr(`${name}: ${countProblems(result.problems)}, ${verdict}\n${list}`);
  }
  if (refused) return EXIT.invalid;

  const out = typeof values.out === 'string' ? values.out : undefined;
  return (await writeOutput(io, out, exportFlowJson(result.document))) ? EXIT.ok : EXIT.trouble;
}
