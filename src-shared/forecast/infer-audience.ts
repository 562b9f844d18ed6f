import Papa from 'papaparse';
import { isKnownTimezone, type Problem, type Scalar } from '../flow';
import type { AttributeDistribution, AudienceModel } from './audience-model';

/** What was inferred from one column, for the marketer to check ("plan: 3 values, 2% missing"). */
export interface InferenceNote {
  column: string;
  /** `attribute`, `tags`, `timezone`, `presence` (identifying values: only whether it is set) or `ignored`. */
  as: 'attribute' | 'tags' | 'timezone' | 'presence' | 'ignored';
  summary: string;
}

export interface Inference {
  model: AudienceModel;
  notes: InferenceNote[];
}

/** Columns read as tags/labels (separated by `;`, `,` or `|`) and as the contact's timezone. */
const TAG_COLUMNS = /^(tags?|labels?)$/i;
const TIMEZONE_COLUMNS = /^(time_?zone|tz)$/i;
/** Columns that only identify a contact: their values are never kept, only how many have one. */
const IDENTIFYING = /^(id|contact_?id|identifier|e?mail|email_address|phone(_number)?|mobile|name|first_?name|last_?name|full_?name|avatar(_url)?|created_at|updated_at|last_activity_at)$/i;
/** More distinct values than this and a text column is not a category. */
const MAX_CATEGORIES = 50;
const MAX_ROWS = 1_000_000;

/**
 * An audience model inferred from a contacts export (CSV with a header row): each column's
 * distribution with its missing share, tags from a tags/labels column, the timezone mix.
 * Identifying columns (email, phone, names) keep only the share of contacts who have one, so
 * nothing personal ends up in the model; nothing is sent anywhere.
 *
 * @example inferAudienceFromCsv('plan,tags\npro,vip\ntrial,\n').model.attributes.plan
 */
export function inferAudienceFromCsv(text: string): Inference | { problems: Problem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', preview: MAX_ROWS + 1 });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) return { problems: [{ severity: 'error', code: 'csv.syntax', message: `Row ${(fatal.row ?? 0) + 2}: ${fatal.message}.`, path: `$[${fatal.row ?? 0}]` }] };
  const columns = (parsed.meta.fields ?? []).filter((c) => c.trim() !== '');
  if (columns.length === 0 || parsed.data.length === 0) return { problems: [{ severity: 'error', code: 'csv.empty', message: 'The file has no header row and contacts under it.', path: '$' }] };
  if (parsed.data.length > MAX_ROWS) return { problems: [{ severity: 'error', code: 'csv.too_large', message: `More than ${MAX_ROWS.toLocaleString('en-US')} contacts; export a sample instead.`, path: '$' }] };
  return inferAudience(parsed.data, columns);
}

/**
 * The same inference over contacts already read as rows (Chatwoot's contacts with their
 * custom attributes flattened, see {@link chatwootContactRows}).
 */
export function inferAudience(rows: readonly Record<string, unknown>[], columns: readonly string[]): Inference {
  const model: AudienceModel = { size: rows.length, attributes: {} };
  const notes: InferenceNote[] = [];
  const pct = (n: number) => `${Math.round((n / rows.length) * 100)}%`;
  for (const column of columns) {
    const cells = rows.map((r) => r[column]);
    const present = cells.filter((v) => v !== undefined && v !== null && String(v).trim() !== '');
    const missing = 1 - present.length / rows.length;
    if (TAG_COLUMNS.test(column)) {
      const counts = new Map<string, number>();
      for (const v of present) {
        const tags = Array.isArray(v) ? v.map(String) : String(v).split(/[;,|]/);
        for (const t of new Set(tags.map((s) => s.trim()).filter(Boolean))) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      model.tags = Object.fromEntries([...counts].map(([t, n]) => [t, round(n / rows.length)]));
      notes.push({ column, as: 'tags', summary: counts.size ? [...counts].map(([t, n]) => `${t} ${pct(n)}`).join(', ') : 'no tags' });
      continue;
    }
    if (TIMEZONE_COLUMNS.test(column)) {
      const counts = tally(present.map(String).filter(isKnownTimezone));
      if (counts.size) model.timezones = Object.fromEntries(counts);
      notes.push({ column, as: 'timezone', summary: counts.size ? `${counts.size} timezones` : 'no known timezone names' });
      continue;
    }
    if (present.length === 0) {
      notes.push({ column, as: 'ignored', summary: 'always empty' });
      continue;
    }
    const distinct = new Set(present.map(String));
    if (IDENTIFYING.test(column) || (distinct.size > MAX_CATEGORIES && !present.every(isNumeric))) {
      // Only whether it is set: a placeholder value, never a contact's real one.
      model.attributes![column] = { values: [{ value: placeholder(column), weight: 1 }], missing: round(missing) };
      notes.push({ column, as: 'presence', summary: `set for ${pct(present.length)}; values not kept` });
      continue;
    }
    model.attributes![column] = distribution(present, missing);
    notes.push({ column, as: 'attribute', summary: describe(model.attributes![column]!, missing) });
  }
  return { model, notes };
}

/** Chatwoot contacts (the contacts API's `payload`) as rows: fields, custom attributes, labels. */
export function chatwootContactRows(contacts: readonly Record<string, unknown>[]): { rows: Record<string, unknown>[]; columns: string[] } {
  const columns = new Set<string>(['email', 'phone_number', 'name']);
  const rows = contacts.map((c) => {
    const row: Record<string, unknown> = { email: c.email, phone_number: c.phone_number, name: c.name };
    const custom = c.custom_attributes;
    if (custom && typeof custom === 'object') {
      for (const [k, v] of Object.entries(custom)) {
        row[k] = v;
        columns.add(k);
      }
    }
    const additional = (c.additional_attributes ?? {}) as Record<string, unknown>;
    const extra: Record<string, unknown> = { city: additional.city, country: additional.country, labels: c.labels };
    for (const [k, v] of Object.entries(extra)) {
      if (typeof v !== 'string' && !Array.isArray(v)) continue;
      row[k] = v;
      columns.add(k);
    }
    return row;
  });
  return { rows, columns: [...columns] };
}

function distribution(present: unknown[], missing: number): AttributeDistribution {
  const m = missing > 0 ? { missing: round(missing) } : {};
  if (present.every(isNumeric)) {
    const nums = present.map(Number);
    const distinct = new Set(nums);
    if (distinct.size > 12) return { min: Math.min(...nums), max: Math.max(...nums), ...(nums.every(Number.isInteger) ? { integer: true } : {}), ...m };
    return { values: [...tally(nums)].map(([value, n]) => ({ value, weight: n })), ...m };
  }
  if (present.every((v) => /^(true|false|yes|no)$/i.test(String(v).trim()))) {
    return { values: [...tally(present.map((v) => /^(true|yes)$/i.test(String(v).trim())))].map(([value, n]) => ({ value, weight: n })), ...m };
  }
  return { values: [...tally(present.map((v) => String(v).trim()))].map(([value, n]) => ({ value, weight: n })), ...m };
}

function describe(d: AttributeDistribution, missing: number): string {
  const gone = missing > 0 ? `, ${Math.round(missing * 100)}% missing` : '';
  if ('min' in d && 'max' in d && !('values' in d)) return `numbers from ${String(d.min)} to ${String(d.max)}${gone}`;
  const values = 'values' in d && Array.isArray(d.values) ? d.values : [];
  const total = values.reduce((a, v) => a + v.weight, 0) || 1;
  const top = [...values].sort((a, b) => b.weight - a.weight).slice(0, 4);
  return `${values.length} value${values.length === 1 ? '' : 's'} (${top.map((v) => `${String(v.value)} ${Math.round((v.weight / total) * 100)}%`).join(', ')}${values.length > 4 ? ', …' : ''})${gone}`;
}

function tally<T extends Scalar>(values: readonly T[]): Map<T, number> {
  const out = new Map<T, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
}

function placeholder(column: string): string {
  if (/mail/i.test(column)) return 'someone@example.com';
  if (/phone|mobile/i.test(column)) return '+15555550100';
  return 'set';
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
