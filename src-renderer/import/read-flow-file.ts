import { importFlowJson, type FlowDocument, type Problem } from '../../src-shared/flow/index';

/** Bigger than any real flow; stops a mis-dropped video from freezing the window. */
export const maxFlowFileBytes = 5 * 1024 * 1024;

export type FlowFileResult = { ok: true; document: FlowDocument } | { ok: false; problems: Problem[] };

/** Parses a flow file's text; everything that is wrong comes back as located problems. */
export function readFlowText(text: string): FlowFileResult {
  const result = importFlowJson(text);
  return result.ok ? { ok: true, document: result.document } : { ok: false, problems: result.problems };
}

/** Reads a dropped or chosen file. Never throws: a file that cannot be read is a problem too. */
export async function readFlowFile(file: Blob & { name: string }): Promise<FlowFileResult> {
  if (file.size > maxFlowFileBytes) {
    return { ok: false, problems: [{ severity: 'error', code: 'file.too-large', message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a flow file is at most 5 MB.`, path: '$' }] };
  }
  try {
    return readFlowText(await file.text());
  } catch (error) {
    return { ok: false, problems: [{ severity: 'error', code: 'file.unreadable', message: `Could not read ${file.name}: ${String(error)}`, path: '$' }] };
  }
}
