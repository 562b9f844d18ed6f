import { hasErrors, importFlowJson, importFlowsText, type FlowDocument, type Problem } from '../../src-shared/flow/index';
import type { OpenedFlowFile } from '../../src-shared/host/contract';

/**
 * The largest file the app imports. A 5,000-step flow is about 3 MB and opens in well under a
 * second; a 30 MB one hung the editor, so files over this are refused before they are read.
 * The CLI (`campaign-studio validate` / `import`) reads files up to 32 MB.
 */
export const maxFlowFileBytes = 8 * 1024 * 1024;

const tooLarge = (name: string, bytes: number): Problem => ({
  severity: 'error',
  code: 'file.too-large',
  message: `${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB; the app imports flow files up to ${maxFlowFileBytes / 1024 / 1024} MB (about 13,000 steps) so the editor stays responsive. Split the file, or check it with the command line: campaign-studio validate ${name}.`,
  path: '$',
});

/** One flow, or several from an "export all" file. */
export type FlowFileResult = { ok: true; documents: FlowDocument[] } | { ok: false; problems: Problem[] };

/**
 * Parses a flow file's text; everything that is wrong comes back as located problems. A single
 * flow goes through the same `importFlowJson` as the CLI's `import` and, like it, is refused when
 * validation finds errors (warnings never block); an "export all" file is checked for structure.
 * The time it takes is recorded as the `cs:import` performance measure.
 */
export function readFlowText(text: string, name = 'The file'): FlowFileResult {
  if (text.length > maxFlowFileBytes) return { ok: false, problems: [tooLarge(name, text.length)] };
  const started = performance.now();
  const result = isBundleText(text) ? importFlowsText(text) : strictSingle(text);
  performance.measure('cs:import', { start: started, end: performance.now() });
  return result;
}

/** "Export all" files say so near their start; see `importFlowsText`. */
const isBundleText = (text: string) => /"kind"\s*:\s*"campaign-studio\/flows"/.test(text.slice(0, 2000));

function strictSingle(text: string): FlowFileResult {
  const r = importFlowJson(text);
  if (!r.ok) return r;
  if (hasErrors(r.problems)) return { ok: false, problems: r.problems.filter((p) => p.severity === 'error') };
  return { ok: true, documents: [r.document] };
}

/** Reads a dropped or chosen file. Never throws: a file that cannot be read is a problem too. */
export async function readFlowFile(file: Blob & { name: string }): Promise<FlowFileResult> {
  if (file.size > maxFlowFileBytes) return { ok: false, problems: [tooLarge(file.name, file.size)] };
  try {
    return readFlowText(await file.text(), file.name);
  } catch (error) {
    return { ok: false, problems: [{ severity: 'error', code: 'file.unreadable', message: `Could not read ${file.name}: ${String(error)}`, path: '$' }] };
  }
}

/**
 * A file the host handed over (native dialog, OS open) as a File, so it goes through the same
 * import path as a dropped one. One the host could not read fails when read, with its reason.
 */
export function openedFileToFile(opened: OpenedFlowFile): File {
  if ('text' in opened) return new File([opened.text], opened.name, { type: 'application/json' });
  const reason = opened.error;
  return new (class extends File {
    override text(): Promise<string> {
      return Promise.reject(new Error(reason));
    }
  })([], opened.name);
}
