import { inferAudienceFromCsv, parseAudienceJson, type AudienceModel, type InferenceNote } from '../../../src-shared/forecast/index';
import type { Problem } from '../../../src-shared/flow/index';

/** A file the marketer gave the audience panel, read here in the renderer: nothing leaves the machine. */
export type AudienceFile = { kind: 'csv'; model: AudienceModel; notes: InferenceNote[] } | { kind: 'json'; model: AudienceModel } | { kind: 'error'; problems: Problem[] };

/** Largest contacts file read in the app (a million short rows is about this). */
export const MAX_CONTACTS_BYTES = 200 * 1024 * 1024;

/**
 * A contacts CSV (a model inferred from it, with what was inferred per column) or an audience
 * model JSON (the file `campaign-studio simulate --audience` reads), told apart by name, then
 * by content.
 */
export function readAudienceText(fileName: string, text: string): AudienceFile {
  const json = /\.json$/i.test(fileName) || (!/\.(csv|tsv|txt)$/i.test(fileName) && /^\s*\{/.test(text));
  if (json) {
    const r = parseAudienceJson(text);
    return r.ok ? { kind: 'json', model: r.model } : { kind: 'error', problems: r.problems };
  }
  const r = inferAudienceFromCsv(text);
  if ('problems' in r) return { kind: 'error', problems: r.problems };
  return { kind: 'csv', model: { ...r.model, name: `Contacts from ${fileName}` }, notes: r.notes };
}

/** Reads a picked or dropped file; refuses one too large before reading it. */
export async function readAudienceFile(file: File): Promise<AudienceFile> {
  if (file.size > MAX_CONTACTS_BYTES) {
    return { kind: 'error', problems: [{ severity: 'error', code: 'file.too_large', message: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; export at most ${MAX_CONTACTS_BYTES / 1024 / 1024} MB of contacts (a sample is enough for a forecast).`, path: '$' }] };
  }
  return readAudienceText(file.name, await file.text());
}

/** The model as the JSON file the CLI reads (`simulate --audience FILE`). */
export function audienceJson(model: AudienceModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/** A file name for a flow's audience model. */
export function audienceFileName(flowName: string): string {
  const base = flowName.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'flow';
  return `${base}-audience.json`;
}

/** Problems as one sentence each, with where (a CSV row, a JSON path) when it says more than the message. */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map((p) => (p.path && p.path !== '$' && !p.message.includes(p.path) ? `${p.message} (at ${p.path})` : p.message));
}
