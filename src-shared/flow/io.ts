import type * as z from 'zod';
import { FlowDocument, SCHEMA_URL, SCHEMA_VERSION } from './document';
import { migrate, OLDEST_SUPPORTED_VERSION } from './migrations';
import { NODE_KINDS, isNodeKind, nodeDefinitions } from './nodes';
import { locateJsonError } from './json-locate';
import { jsonPath, type Problem } from './problems';
import { validateFlow } from './validate';
import { nestingProblems } from './nesting';
import { maxFlowFileBytes } from '../host/limits';

/** Files larger than this are refused before parsing: the one limit of src-shared/host/limits.ts. */
export const MAX_FILE_CHARS = maxFlowFileBytes;

export type ImportResult =
  | { ok: true; document: FlowDocument; problems: Problem[]; migratedFrom?: number; migrations: string[] }
  | { ok: false; problems: Problem[] };

export interface ImportOptions {
  /** "Now" for validation's past-time checks. */
  now?: Date;
  /** Skip semantic validation (structure is always checked). */
  skipValidation?: boolean;
}

/**
 * Reads a flow file: size check, JSON, version, migrations, structure. On failure nothing is
 * returned but located problems; on success the document comes with its validation problems.
 *
 * @example
 * const r = importFlowJson(text);
 * if (!r.ok) show(r.problems); else save(r.document);
 */
export function importFlowJson(text: string, opts: ImportOptions = {}): ImportResult {
  if (text.length > MAX_FILE_CHARS) {
    return fail('file.too-large', `The file is ${(text.length / 1048576).toFixed(1)} MB; flows larger than ${MAX_FILE_CHARS / 1048576} MB are refused.`, '$');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('json.syntax', `The file is not valid JSON: ${describeSyntaxError(text)}`, '$');
  }
  return importFlowValue(raw, opts);
}

/** Like {@link importFlowJson} for an already parsed JSON value. */
export function importFlowValue(raw: unknown, opts: ImportOptions = {}): ImportResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('document.not-object', 'A flow file holds one JSON object (with "schemaVersion", "campaign", "nodes" and "edges").', '$');
  }
  // Before anything recurses into the value: a hostile depth is refused, located (#14.4).
  const tooDeep = nestingProblems(raw);
  if (tooDeep.length) return { ok: false, problems: tooDeep };
  const obj = raw as Record<string, unknown>;
  const version = obj.schemaVersion;
  if (version === undefined) return fail('version.missing', 'The file has no "schemaVersion", so it is not a Campaign Studio flow.', '$.schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version)) return fail('version.invalid', `"schemaVersion" must be a whole number, not ${JSON.stringify(version)}.`, '$.schemaVersion');
  if (version > SCHEMA_VERSION) {
    return fail('version.newer', `This file was written by a newer Campaign Studio (schema version ${version}); this one reads versions ${OLDEST_SUPPORTED_VERSION} to ${SCHEMA_VERSION}. Update the app to open it.`, '$.schemaVersion');
  }
  if (version < OLDEST_SUPPORTED_VERSION) return fail('version.unknown', `Schema version ${version} never existed; the oldest is ${OLDEST_SUPPORTED_VERSION}.`, '$.schemaVersion');

  let migrated = obj;
  let applied: string[] = [];
  let pathBefore = (path: string): string | null => path;
  if (version < SCHEMA_VERSION) {
    try {
      ({ doc: migrated, applied, pathBefore } = migrate(obj, version));
    } catch (e) {
      return fail('migration.failed', `Upgrading the file from version ${version} failed: ${(e as Error).message}`, '$');
    }
  }
  // Problems of an upgraded file name the user's own fields, or say they are about the upgraded form (#14.5).
  const inUserTerms = (problems: Problem[]): Problem[] => (version < SCHEMA_VERSION ? problems.map((p) => backToFile(p, pathBefore(p.path), version)) : problems);

  const parsed = FlowDocument.safeParse(migrated);
  if (!parsed.success) return { ok: false, problems: inUserTerms(zodProblems(parsed.error, migrated)) };
  const document = { ...parsed.data, $schema: SCHEMA_URL };
  const problems = opts.skipValidation ? [] : inUserTerms(validateFlow(document, { now: opts.now ?? new Date() }));
  return { ok: true, document, problems, migrations: applied, ...(version < SCHEMA_VERSION ? { migratedFrom: version } : {}) };
}

/**
 * The canonical file text of a flow: defaults filled in, keys in schema order, `$schema` and
 * `schemaVersion` set, two-space indent, final newline. Export of an import is a fixed point.
 */
export function exportFlowJson(doc: FlowDocument): string {
  return `${JSON.stringify(normaliseFlow(doc), null, 2)}\n`;
}

/** The document in canonical form (see {@link exportFlowJson}). Throws on a malformed document. */
export function normaliseFlow(doc: FlowDocument): FlowDocument {
  const parsed = FlowDocument.parse({ ...doc, $schema: SCHEMA_URL, schemaVersion: SCHEMA_VERSION });
  const { $schema: _s, schemaVersion: _v, ...rest } = parsed;
  return { $schema: SCHEMA_URL, schemaVersion: SCHEMA_VERSION, ...rest };
}

/** A problem found in the upgraded document, said in terms of the file as written. */
function backToFile(p: Problem, original: string | null, version: number): Problem {
  if (original === p.path) return p;
  if (original === null) return { ...p, message: `${p.message} (This is about the file as upgraded from schema version ${version}; your file has no such field.)` };
  return { ...p, path: original, message: `${p.message} (In your file: ${original.replace(/^\$\./, '')}; checked after upgrading it from schema version ${version}.)` };
}

function fail(code: string, message: string, path: string): ImportResult {
  return { ok: false, problems: [{ severity: 'error', code, message, path }] };
}

function describeSyntaxError(text: string): string {
  const at = locateJsonError(text);
  const found = at.offset < text.length ? `found ${JSON.stringify(text.slice(at.offset, at.offset + 12))}` : 'the file ends';
  return `expected ${at.expected} at line ${at.line}, column ${at.column}, but ${found}.`;
}

/** Zod's issues as problems a person can act on: the JSON path plus which node it is. */
export function zodProblems(error: z.ZodError, raw: unknown): Problem[] {
  return error.issues.map((issue) => {
    const keyPath = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path;
    const path = jsonPath(keyPath);
    const nodeAt = issue.path[0] === 'nodes' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    const node = nodeAt === undefined ? undefined : (raw as { nodes?: unknown[] }).nodes?.[nodeAt];
    const nodeId = isRecord(node) && typeof node.id === 'string' ? node.id : undefined;
    const step = nodeAt !== undefined && isRecord(node) ? rawStepName(node, nodeAt) : undefined;
    const where = step ? `${step}, ${fieldName(issue.path.slice(2))}` : fieldName(issue.path);
    const problem: Problem = { severity: 'error', code: `schema.${issue.code}`, message: `${where}: ${issueText(issue, raw)}`, path };
    if (step) problem.step = step;
    if (nodeId) {
      problem.nodeId = nodeId;
      if (keyPath.length > 2) problem.field = keyPath.slice(2).map(String).join('.');
    }
    return problem;
  });
}

/** A step not yet parsed, named as `stepName` would: its label, else its place; then its kind. */
function rawStepName(node: Record<string, unknown>, at: number): string {
  const kind = isNodeKind(node.type) ? nodeDefinitions[node.type].title : typeof node.type === 'string' ? `unknown kind "${node.type}"` : 'no kind';
  const label = isRecord(node.data) && typeof node.data.label === 'string' ? node.data.label.trim() : '';
  return label ? `"${label}" (${kind})` : `Step ${at + 1} (${kind})`;
}

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.length ? jsonPath(path).slice(2) || 'document' : 'document';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function issueText(issue: z.core.$ZodIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? `is required (${issue.expected})` : `expected ${issue.expected}, got ${describeValue(value)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `${describeValue(value)} is not allowed; use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      const last = issue.path[issue.path.length - 1];
      if (issue.path[0] === 'nodes' && issue.path.length === 3 && last === 'type') {
        return value === undefined ? `is missing; the kinds are ${NODE_KINDS.join(', ')}` : `unknown node type ${describeValue(value)}; the kinds are ${NODE_KINDS.join(', ')}`;
      }
      if (last === 'type' || last === 'mode') return value === undefined ? 'is missing' : `${describeValue(value)} is not a known ${String(last)} here`;
      return 'does not match any of the allowed shapes';
    }
    default:
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  }
}

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}
