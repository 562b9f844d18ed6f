import { checkAudience, type AttributeDistribution, type AudienceModel, type ReplyBehaviour } from '../../../src-shared/forecast/index';
import { jsonPath, type Scalar } from '../../../src-shared/flow/index';

/**
 * The audience panel's form: the audience model as text fields the marketer types into
 * (shares and chances in %, so "20" means 20 %), turned back into the model with every
 * problem tied to the field it comes from. The zod schema stays the one judge; this module
 * only maps its JSON paths back to fields.
 */
export type AttributeKind = 'text' | 'number' | 'boolean' | 'range';

export interface WeightRow {
  key: string;
  value: string;
  weight: string;
}
export interface AttributeForm {
  key: string;
  name: string;
  kind: AttributeKind;
  values: WeightRow[];
  min: string;
  max: string;
  integer: boolean;
  /** % of contacts without the attribute. */
  missing: string;
  /** Written as `{"pro": 0.2}` (text values, no missing share) rather than a list of values. */
  short: boolean;
}
export interface ShareRow {
  key: string;
  name: string;
  /** % of contacts. */
  share: string;
}
export interface EventRow {
  key: string;
  name: string;
  perDay: string;
}
export interface ReplyForm {
  key: string;
  /** `null`: any message; else the send step's id. */
  step: string | null;
  /** % chance of a reply; blank: the engine's default. */
  probability: string;
  delayMinutes: string;
  texts: WeightRow[];
}
export interface AudienceForm {
  name: string;
  size: string;
  attributes: AttributeForm[];
  timezones: WeightRow[];
  tags: ShareRow[];
  segments: ShareRow[];
  events: EventRow[];
  replies: ReplyForm[];
}

/** A problem of the form: the field it belongs to (its id, as the panel renders it) and what is wrong. */
export interface FormProblem {
  field: string;
  path: string;
  message: string;
}

export type FormResult = { ok: true; model: AudienceModel } | { ok: false; problems: FormProblem[] };

let seq = 0;
/** A row key for React lists and field ids; unique within the page. */
export const rowKey = (): string => `r${(++seq).toString(36)}`;

/** Rounded to 12 significant digits: 0.07 * 100 is 7.000000000000001 in floating point. */
const tidy = (n: number) => Number(n.toPrecision(12));
const pct = (share: number | undefined) => (share === undefined ? '' : String(tidy(share * 100)));
const text = (v: number | undefined) => (v === undefined ? '' : String(v));

/** The form showing `model`. */
export function formFromModel(model: AudienceModel): AudienceForm {
  return {
    name: model.name ?? '',
    size: String(model.size),
    attributes: Object.entries(model.attributes ?? {}).map(([name, d]) => attributeForm(name, d)),
    timezones: Object.entries(model.timezones ?? {}).map(([value, w]) => ({ key: rowKey(), value, weight: String(w) })),
    tags: Object.entries(model.tags ?? {}).map(([name, s]) => ({ key: rowKey(), name, share: pct(s) })),
    segments: Object.entries(model.segments ?? {}).map(([name, s]) => ({ key: rowKey(), name, share: pct(s) })),
    events: Object.entries(model.events ?? {}).map(([name, e]) => ({ key: rowKey(), name, perDay: String(e.perDay) })),
    replies: [
      ...(model.replies ? [replyForm(null, model.replies)] : []),
      ...Object.entries(model.repliesByStep ?? {}).map(([step, r]) => replyForm(step, r)),
    ],
  };
}

function attributeForm(name: string, d: AttributeDistribution): AttributeForm {
  const base = { key: rowKey(), name, values: [] as WeightRow[], min: '', max: '', integer: false, missing: '', short: false };
  if ('values' in d && Array.isArray(d.values)) {
    const kinds = new Set(d.values.map((v) => typeof v.value));
    const kind: AttributeKind = kinds.size === 1 && kinds.has('number') ? 'number' : kinds.size === 1 && kinds.has('boolean') ? 'boolean' : 'text';
    return { ...base, kind, values: d.values.map((v) => ({ key: rowKey(), value: String(v.value), weight: String(v.weight) })), missing: pct(d.missing) };
  }
  if ('min' in d && typeof d.min === 'number' && 'max' in d && typeof d.max === 'number') {
    return { ...base, kind: 'range', min: String(d.min), max: String(d.max), integer: d.integer === true, missing: pct(d.missing as number | undefined) };
  }
  return { ...base, kind: 'text', short: true, values: Object.entries(d as Record<string, number>).map(([value, w]) => ({ key: rowKey(), value, weight: String(w) })) };
}

function replyForm(step: string | null, r: ReplyBehaviour): ReplyForm {
  return { key: rowKey(), step, probability: pct(r.probability), delayMinutes: text(r.delayMinutes), texts: (r.texts ?? []).map((t) => ({ key: rowKey(), value: t.text, weight: String(t.weight) })) };
}

/** Field ids, as the panel renders them (`id` attributes and where messages show). */
export const fieldId = {
  name: () => 'aud-name',
  size: () => 'aud-size',
  attribute: (a: string, part: 'name' | 'kind' | 'min' | 'max' | 'missing' | 'values') => `aud-attr-${a}-${part}`,
  attributeValue: (a: string, row: string, part: 'value' | 'weight') => `aud-attr-${a}-${row}-${part}`,
  timezone: (row: string, part: 'value' | 'weight') => `aud-tz-${row}-${part}`,
  timezones: () => 'aud-tz',
  share: (list: 'tags' | 'segments', row: string, part: 'name' | 'share') => `aud-${list}-${row}-${part}`,
  event: (row: string, part: 'name' | 'perDay') => `aud-event-${row}-${part}`,
  reply: (row: string, part: 'step' | 'probability' | 'delayMinutes' | 'texts') => `aud-reply-${row}-${part}`,
  replyText: (row: string, t: string, part: 'value' | 'weight') => `aud-reply-${row}-${t}-${part}`,
};

/**
 * The model the form describes, or every problem located at its field: numbers that are not
 * numbers, blank or repeated names, and whatever the audience schema refuses (by JSON path).
 *
 * @example modelFromForm(formFromModel(model)) // { ok: true, model } (the same model)
 */
export function modelFromForm(form: AudienceForm): FormResult {
  const problems: FormProblem[] = [];
  /** JSON path → field, to place the schema's problems. */
  const fields = new Map<string, string>();
  // The first field registered for a path owns it (a timezone's name before its weight).
  const at = (field: string, path: (string | number)[]) => void (fields.has(jsonPath(path)) || fields.set(jsonPath(path), field));
  const bad = (field: string, path: (string | number)[], message: string) => problems.push({ field, path: jsonPath(path), message });
  /** A number from a text field; `undefined` when blank and allowed to be. */
  const num = (raw: string, field: string, path: (string | number)[], label: string, o: { optional?: boolean; scale?: number } = {}): number | undefined => {
    at(field, path);
    const t = raw.trim();
    if (t === '') {
      if (!o.optional) bad(field, path, `${label}: enter a number.`);
      return undefined;
    }
    const n = Number(t.replace(/,/g, ''));
    if (!Number.isFinite(n)) {
      bad(field, path, `${label}: "${t}" is not a number.`);
      return undefined;
    }
    return o.scale ? tidy(n / o.scale) : n;
  };
  const named = <T extends { key: string; name: string }>(list: T[], what: string, field: (row: string) => string, path: (name: string) => (string | number)[]) => {
    const seen = new Set<string>();
    return list.filter((r) => {
      const name = r.name.trim();
      if (name === '') return bad(field(r.key), path(''), `Give the ${what} a name.`), false;
      if (seen.has(name)) return bad(field(r.key), path(name), `The ${what} "${name}" is listed twice.`), false;
      seen.add(name);
      return true;
    });
  };

  const model: Record<string, unknown> = {};
  at(fieldId.name(), ['name']);
  if (form.name.trim()) model.name = form.name.trim();
  model.size = num(form.size, fieldId.size(), ['size'], 'Contacts') ?? 0;

  const attributes: Record<string, unknown> = {};
  for (const a of named(form.attributes, 'attribute', (k) => fieldId.attribute(k, 'name'), (n) => ['attributes', n])) {
    const name = a.name.trim();
    const p = ['attributes', name];
    at(fieldId.attribute(a.key, 'values'), p);
    const missing = num(a.missing, fieldId.attribute(a.key, 'missing'), [...p, 'missing'], `${name}, missing`, { optional: true, scale: 100 });
    if (a.kind === 'range') {
      const min = num(a.min, fieldId.attribute(a.key, 'min'), [...p, 'min'], `${name}, from`);
      const max = num(a.max, fieldId.attribute(a.key, 'max'), [...p, 'max'], `${name}, to`);
      attributes[name] = { min: min ?? 0, max: max ?? 0, ...(a.integer ? { integer: true } : {}), ...(missing !== undefined ? { missing } : {}) };
      continue;
    }
    const short = a.short && a.kind === 'text' && missing === undefined;
    const rows = a.values.map((v, i) => {
      const weight = num(v.weight, fieldId.attributeValue(a.key, v.key, 'weight'), short ? [...p, v.value] : [...p, 'values', i, 'weight'], `${name} = ${v.value || '…'}, weight`) ?? 0;
      if (!short) at(fieldId.attributeValue(a.key, v.key, 'value'), [...p, 'values', i, 'value']);
      return { value: scalar(a.kind, v.value, () => bad(fieldId.attributeValue(a.key, v.key, 'value'), [...p, 'values', i, 'value'], scalarMessage(a.kind, name, v.value))), weight, key: v.key };
    });
    const values = new Set<string>();
    for (const r of rows) {
      const k = String(r.value);
      if (values.has(k)) bad(fieldId.attributeValue(a.key, r.key, 'value'), p, `${name}: the value "${k}" is listed twice.`);
      values.add(k);
    }
    attributes[name] = short
      ? Object.fromEntries(rows.map((r) => [String(r.value), r.weight]))
      : { values: rows.map(({ value, weight }) => ({ value, weight })), ...(missing !== undefined ? { missing } : {}) };
  }
  if (form.attributes.length) model.attributes = attributes;

  at(fieldId.timezones(), ['timezones']);
  if (form.timezones.length) {
    model.timezones = Object.fromEntries(
      named(form.timezones.map((t) => ({ ...t, name: t.value })), 'timezone', (k) => fieldId.timezone(k, 'value'), (n) => ['timezones', n]).map((t) => {
        at(fieldId.timezone(t.key, 'value'), ['timezones', t.name.trim()]);
        return [t.name.trim(), num(t.weight, fieldId.timezone(t.key, 'weight'), ['timezones', t.name.trim()], `${t.name.trim()}, weight`) ?? 0];
      }),
    );
  }
  for (const list of ['tags', 'segments'] as const) {
    if (!form[list].length) continue;
    const what = list === 'tags' ? 'tag' : 'segment';
    model[list] = Object.fromEntries(
      named(form[list], what, (k) => fieldId.share(list, k, 'name'), (n) => [list, n]).map((r) => [r.name.trim(), num(r.share, fieldId.share(list, r.key, 'share'), [list, r.name.trim()], `${what} ${r.name.trim()}`, { scale: 100 }) ?? 0]),
    );
  }
  if (form.events.length) {
    model.events = Object.fromEntries(
      named(form.events, 'event', (k) => fieldId.event(k, 'name'), (n) => ['events', n]).map((e) => [e.name.trim(), { perDay: num(e.perDay, fieldId.event(e.key, 'perDay'), ['events', e.name.trim(), 'perDay'], `${e.name.trim()}, per day`) ?? 0 }]),
    );
  }
  const byStep: Record<string, unknown> = {};
  const steps = new Set<string | null>();
  for (const r of form.replies) {
    const p = r.step === null ? ['replies'] : ['repliesByStep', r.step];
    if (steps.has(r.step)) {
      bad(fieldId.reply(r.key, 'step'), p, r.step === null ? 'Replies to any message are described twice.' : `Replies to step "${r.step}" are described twice.`);
      continue;
    }
    steps.add(r.step);
    at(fieldId.reply(r.key, 'step'), p);
    at(fieldId.reply(r.key, 'texts'), [...p, 'texts']);
    const probability = num(r.probability, fieldId.reply(r.key, 'probability'), [...p, 'probability'], 'Reply chance', { optional: true, scale: 100 });
    const delayMinutes = num(r.delayMinutes, fieldId.reply(r.key, 'delayMinutes'), [...p, 'delayMinutes'], 'Reply delay', { optional: true });
    const texts = r.texts.map((t, i) => {
      at(fieldId.replyText(r.key, t.key, 'value'), [...p, 'texts', i, 'text']);
      return { text: t.value, weight: num(t.weight, fieldId.replyText(r.key, t.key, 'weight'), [...p, 'texts', i, 'weight'], `Reply "${t.value}", weight`) ?? 0 };
    });
    const behaviour = { ...(probability !== undefined ? { probability } : {}), ...(delayMinutes !== undefined ? { delayMinutes } : {}), ...(texts.length ? { texts } : {}) };
    if (r.step === null) model.replies = behaviour;
    else byStep[r.step] = behaviour;
  }
  if (Object.keys(byStep).length) model.repliesByStep = byStep;

  if (problems.length) return { ok: false, problems };
  const checked = checkAudience(model);
  if (checked.ok) return checked;
  return { ok: false, problems: checked.problems.map((p) => ({ field: nearestField(fields, p.path), path: p.path, message: p.message })) };
}

/** The field of `path` or of its closest ancestor (`$.a.b[2]` → `$.a.b` → `$.a` → `$`). */
function nearestField(fields: Map<string, string>, path: string): string {
  for (let p = path; ; ) {
    const f = fields.get(p);
    if (f) return f;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return fieldId.size();
    p = p.slice(0, cut);
  }
}

function scalar(kind: AttributeKind, raw: string, onBad: () => void): Scalar {
  if (kind === 'number') {
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(n)) onBad();
    return Number.isFinite(n) ? n : 0;
  }
  if (kind === 'boolean') {
    const t = raw.trim().toLowerCase();
    if (t !== 'true' && t !== 'false') onBad();
    return t === 'true';
  }
  return raw;
}

function scalarMessage(kind: AttributeKind, name: string, raw: string): string {
  return kind === 'number' ? `${name}: "${raw}" is not a number.` : `${name}: write true or false, not "${raw}".`;
}

/** Shares of a list of weights in %, for showing "= 20 %" beside each weight (blank when they do not add up to anything). */
export function sharesOf(weights: readonly string[]): (number | null)[] {
  const n = weights.map((w) => Number(w));
  const total = n.reduce((a, b) => a + (Number.isFinite(b) && b > 0 ? b : 0), 0);
  return n.map((w) => (total > 0 && Number.isFinite(w) && w >= 0 ? (w / total) * 100 : null));
}
