import { importFlowsText, MAX_FILE_CHARS, type FlowDocument, type Problem } from '../../src-shared/flow/index';
import type { OpenedFlowFile } from '../../src-shared/host/contract';

/** As large as the core accepts (an "export all" file holds many flows); stops a mis-dropped video. */
export const maxFlowFileBytes = MAX_FILE_CHARS;

/** One flow, or several from an "export all" file. */
export type FlowFileResult = { ok: true; documents: FlowDocument[] } | { ok: false; problems: Problem[] };

/**
 * Parses a flow file's text; everything that is wrong comes back as located problems. The time
 * it takes (parse, migrate, check structure) is recorded as the `cs:import` performance measure.
 */
export function readFlowText(text: string): FlowFileResult {
  const started = performance.now();
  const result = importFlowsText(text);
  performance.measure('cs:import', { start: started, end: performance.now() });
  return result;
}

/** Reads a dropped or chosen file. Never throws: a file that cannot be read is a problem too. */
export async function readFlowFile(file: Blob & { name: string }): Promise<FlowFileResult> {
  if (file.size > maxFlowFileBytes) {
    return { ok: false, problems: [{ severity: 'error', code: 'file.too-large', message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a flow file is at most ${maxFlowFileBytes / 1024 / 1024} MB.`, path: '$' }] };
  }
  try {
    return readFlowText(await file.text());
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
