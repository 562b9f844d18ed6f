import { importFlowJson, type FlowDocument } from '../../../src-shared/flow';
import type { CliIo } from '../cli-io';
import { createStyle, formatProblems } from '../format';
import { displayName, readInput } from '../input';
import { EXIT } from './command';

/**
 * Reads a flow for a command that runs it (simulate, preview): refused with its problems when
 * it cannot be imported or has errors, since running a broken flow would only mislead.
 */
export async function loadRunnableFlow(io: CliIo, file: string, now: Date): Promise<{ ok: true; doc: FlowDocument } | { ok: false; code: number }> {
  const name = displayName(file);
  const style = createStyle(false);
  const input = await readInput(io, file);
  if (!input.ok) {
    io.stderr(`${name}: cannot read\n${formatProblems([input.problem], style)}`);
    return { ok: false, code: input.reason === 'unreadable' ? EXIT.trouble : EXIT.invalid };
  }
  const r = importFlowJson(input.text, { now });
  if (!r.ok) {
    io.stderr(`${name}: not a readable flow\n${formatProblems(r.problems, style)}`);
    return { ok: false, code: EXIT.invalid };
  }
  const errors = r.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    io.stderr(`${name}: fix these errors before running it\n${formatProblems(errors, style)}`);
    return { ok: false, code: EXIT.invalid };
  }
  return { ok: true, doc: r.document };
}
