import type { Problem, Severity } from '../../src-shared/flow';

/** ANSI colours, or nothing when stdout is not a terminal (or NO_COLOR is set). */
export interface Style {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const plain = (text: string) => text;

export function createStyle(colour: boolean): Style {
  return colour ? { red: ansi(31), yellow: ansi(33), green: ansi(32), dim: ansi(2) } : { red: plain, yellow: plain, green: plain, dim: plain };
}

const SEVERITY_WIDTH = 'warning'.length;

/**
 * One problem as one line, severity and JSON path first so the lines align and can be grepped:
 * `  error    $.nodes[3].data.body  [send.empty-body]  The message is empty. (in "Welcome" (Send message))`
 */
export function formatProblem(p: Problem, style: Style, indent = '  '): string {
  const colour: Record<Severity, (t: string) => string> = { error: style.red, warning: style.yellow, info: style.dim };
  const where = whereSuffix(p);
  return `${indent}${colour[p.severity](p.severity.padEnd(SEVERITY_WIDTH))}  ${p.path}  ${style.dim(`[${p.code}]`)}  ${p.message}${where}\n`;
}

/**
 * ` (edge "e1", in "Welcome" (Send message))`: the step by its name, never its id (`--json`
 * keeps `nodeId`), left out when the message already names it.
 */
function whereSuffix(p: Problem): string {
  const parts: string[] = [];
  if (p.edgeId && !p.message.includes(`"${p.edgeId}"`)) parts.push(`edge "${p.edgeId}"`);
  if (p.step && !p.message.includes(p.step)) parts.push(`in ${p.step}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function formatProblems(problems: readonly Problem[], style: Style, indent = '  '): string {
  return problems.map((p) => formatProblem(p, style, indent)).join('');
}

/** "1 error, 2 warnings"; empty when there are none. */
export function countProblems(problems: readonly Problem[]): string {
  const parts: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const n = problems.filter((p) => p.severity === severity).length;
    if (n) parts.push(plural(n, severity === 'info' ? 'note' : severity));
  }
  return parts.join(', ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "migrated from schema version 1 (0001-named-handles-exits-durations)". */
export function migrationNote(migratedFrom: number, migrations: readonly string[]): string {
  return `migrated from schema version ${migratedFrom}${migrations.length ? ` (${migrations.join(', ')})` : ''}`;
}
