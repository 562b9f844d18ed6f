import { hasErrors, importFlowJson, type Problem } from '../../../src-shared/flow';
import type { CliIo } from '../cli-io';
import { countProblems, createStyle, formatProblems, migrationNote, plural } from '../format';
import { displayName, readInput } from '../input';
import { EXIT, NOW_OPTION, nowOption, UsageError, type Command } from './command';

/** One file's verdict, as `--json` prints it. */
export interface FileReport {
  file: string;
  ok: boolean;
  readable: boolean;
  problems: Problem[];
  migratedFrom?: number;
  /** Not in the JSON: for the human line only. */
  nodes?: number;
  migrations?: string[];
}

export interface ValidateReport {
  files: FileReport[];
  valid: number;
  invalid: number;
  unreadable: number;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check flow files and list every problem with its JSON path.',
  usage: '[options] FILE...',
  options: {
    json: { type: 'boolean', description: 'Print one JSON report on stdout instead of text.' },
    quiet: { type: 'boolean', short: 'q', description: 'Print only the files that fail, and their problems.' },
    now: NOW_OPTION,
  },
  details: [
    'FILE may be - for standard input. Warnings and notes are shown but do not fail a file.',
    'Exit status: 0 all files valid, 1 some file invalid, 2 some file unreadable (or a usage error).',
  ].join('\n'),
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one flow file (or - for standard input)');
    if (positionals.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
    const now = nowOption(values, io);
    const files: FileReport[] = [];
    for (const file of positionals) files.push(await validateFileSafely(io, file, now));
    const report: ValidateReport = {
      files,
      valid: files.filter((f) => f.ok).length,
      invalid: files.filter((f) => f.readable && !f.ok).length,
      unreadable: files.filter((f) => !f.readable).length,
    };
    if (values.json) io.stdout(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
    else io.stdout(textReport(report, io, Boolean(values.quiet)));
    return report.unreadable ? EXIT.trouble : report.invalid ? EXIT.invalid : EXIT.ok;
  },
};

/** One hostile file never costs the report of the others: an unexpected failure is that file's problem. */
async function validateFileSafely(io: CliIo, file: string, now: Date): Promise<FileReport> {
  try {
    return await validateFile(io, file, now);
  } catch (e) {
    const reason = e instanceof RangeError ? 'it nests too deeply to be read' : `reading it failed (${(e as Error)?.message ?? String(e)})`;
    return { file, ok: false, readable: true, problems: [{ severity: 'error', code: 'file.internal', message: `This file could not be checked: ${reason}.`, path: '$' }] };
  }
}

async function validateFile(io: CliIo, file: string, now: Date): Promise<FileReport> {
  const input = await readInput(io, file);
  if (!input.ok) return { file, ok: false, readable: input.reason !== 'unreadable', problems: [input.problem] };
  const result = importFlowJson(input.text, { now });
  if (!result.ok) return { file, ok: false, readable: true, problems: result.problems };
  return {
    file,
    ok: !hasErrors(result.problems),
    readable: true,
    problems: result.problems,
    nodes: result.document.nodes.length,
    ...(result.migratedFrom !== undefined ? { migratedFrom: result.migratedFrom, migrations: result.migrations } : {}),
  };
}

function jsonReport(report: ValidateReport): ValidateReport {
  return {
    ...report,
    files: report.files.map(({ file, ok, readable, problems, migratedFrom }) => ({ file, ok, readable, problems, ...(migratedFrom !== undefined ? { migratedFrom } : {}) })),
  };
}

function textReport(report: ValidateReport, io: CliIo, quiet: boolean): string {
  const style = createStyle(io.isTTY);
  let out = '';
  for (const f of report.files) {
    if (quiet && f.ok) continue;
    const notes = [
      f.nodes !== undefined ? plural(f.nodes, 'node') : '',
      f.migratedFrom !== undefined ? migrationNote(f.migratedFrom, f.migrations ?? []) : '',
    ].filter(Boolean);
    const mark = f.ok ? style.green('✓') : style.red('✗');
    out += `${mark} ${displayName(f.file)}${notes.length ? ` (${notes.join('; ')})` : ''}\n`;
    out += formatProblems(quiet ? f.problems.filter((p) => p.severity === 'error') : f.problems, style);
  }
  if (!quiet) {
    const all = report.files.flatMap((f) => f.problems);
    const counts = [`${report.valid} valid`, `${report.invalid} invalid`, ...(report.unreadable ? [`${report.unreadable} unreadable`] : [])];
    const found = countProblems(all);
    out += `\n${plural(report.files.length, 'file')}: ${counts.join(', ')}${found ? ` (${found})` : ''}\n`;
  }
  return out;
}
