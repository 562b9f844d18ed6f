import type { FlowDocument } from './document';
import { importFlowJson, importFlowValue, MAX_FILE_CHARS, normaliseFlow, type ImportOptions } from './io';
import type { Problem } from './problems';

/** Marks a file holding several flows ("export all"). */
export const BUNDLE_KIND = 'campaign-studio/flows';

/** Several flows in one file: each one is the canonical document `exportFlowJson` writes. */
export function exportFlowsBundle(docs: readonly FlowDocument[], exportedAt = new Date()): string {
  const bundle = { kind: BUNDLE_KIND, exportedAt: exportedAt.toISOString(), flows: docs.map((doc) => normaliseFlow(doc)) };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

export type FlowsImport = { ok: true; documents: FlowDocument[] } | { ok: false; problems: Problem[] };

/**
 * Reads a file that holds one flow or a bundle of them. All or nothing: when any flow of a
 * bundle has a problem, no document is returned and every problem says which flow it is in
 * (`$.flows[2].nodes[0]…`).
 *
 * @example const r = importFlowsText(text); if (r.ok) for (const doc of r.documents) save(doc);
 */
export function importFlowsText(text: string, opts: ImportOptions = {}): FlowsImport {
  if (text.length <= MAX_FILE_CHARS && /"kind"\s*:\s*"campaign-studio\/flows"/.test(text.slice(0, 2000))) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined; // the single-flow reader below reports the syntax error with its location
    }
    if (isBundle(raw)) return importBundle(raw.flows, opts);
  }
  const single = importFlowJson(text, opts);
  return single.ok ? { ok: true, documents: [single.document] } : { ok: false, problems: single.problems };
}

function isBundle(raw: unknown): raw is { kind: string; flows: unknown[] } {
  return typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === BUNDLE_KIND && Array.isArray((raw as { flows?: unknown }).flows);
}

function importBundle(flows: unknown[], opts: ImportOptions): FlowsImport {
  if (flows.length === 0) return { ok: false, problems: [{ severity: 'error', code: 'bundle.empty', message: 'This file holds no flows.', path: '$.flows' }] };
  const documents: FlowDocument[] = [];
  const problems: Problem[] = [];
  const ids = new Set<string>();
  flows.forEach((raw, i) => {
    const r = importFlowValue(raw, { ...opts, skipValidation: true });
    if (!r.ok) {
      for (const p of r.problems) problems.push({ ...p, path: `$.flows[${i}]${p.path.slice(1)}`, message: `Flow ${i + 1} of ${flows.length}: ${p.message}` });
      return;
    }
    if (ids.has(r.document.campaign.id)) {
      problems.push({ severity: 'error', code: 'bundle.duplicate-id', message: `Flow ${i + 1} of ${flows.length} has the same campaign id "${r.document.campaign.id}" as an earlier one.`, path: `$.flows[${i}].campaign.id` });
    }
    ids.add(r.document.campaign.id);
    documents.push(r.document);
  });
  return problems.length ? { ok: false, problems } : { ok: true, documents };
}
