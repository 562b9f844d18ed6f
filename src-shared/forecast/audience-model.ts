import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { isKnownTimezone, jsonPath, Scalar, zodProblems, type Problem } from '../flow';
import { locateJsonError } from '../flow/json-locate';

/**
 * The audience model: who the marketer's contacts are and how they behave, as a population
 * forecast draws them. A JSON file (`campaign-studio simulate --audience FILE`) and the
 * Population tab's panel share this one schema. Only `size` is required:
 *
 * @example {"size": 20000, "attributes": {"plan": {"pro": 0.2, "trial": 0.8}},
 *   "events": {"user.signed_up": {"perDay": 3}},
 *   "replies": {"probability": 0.6, "texts": [{"text": "ana@example.com", "weight": 0.6}]}}
 */
const Weight = lazySchema(() => z.number().finite().min(0, 'must be 0 or more'));
const Share = lazySchema(() => z.number().finite().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'));

/** `{"pro": 0.2, "trial": 0.8}`: values (as text) and their weights. */
const ShortCategorical = lazySchema(() => z.record(z.string(), Weight));
/** `{"values": [{"value": 3, "weight": 1}], "missing": 0.1}`: typed values. */
const LongCategorical = lazySchema(() => z.strictObject({
  values: z.array(z.strictObject({ value: Scalar, weight: Weight })).min(1, 'needs at least one value'),
  missing: Share.optional(),
}));
/** `{"min": 0, "max": 500, "integer": true, "missing": 0.1}`. */
const NumericRange = lazySchema(() => z.strictObject({
  min: z.number().finite(),
  max: z.number().finite(),
  integer: z.boolean().optional(),
  missing: Share.optional(),
}));
export const AttributeDistribution = lazySchema(() => z.union([LongCategorical, NumericRange, ShortCategorical]));
export type AttributeDistribution = z.infer<typeof AttributeDistribution>;

export const ReplyBehaviour = lazySchema(() => z.strictObject({
  /** Chance that a user replies to the message at all. */
  probability: Share.optional(),
  /** Mean delay of a reply after the first minute (exponentially distributed). */
  delayMinutes: z.number().finite().min(0).max(525_600).optional(),
  texts: z.array(z.strictObject({ text: z.string().max(5_000), weight: Weight })).min(1, 'needs at least one text').optional(),
}));
export type ReplyBehaviour = z.infer<typeof ReplyBehaviour>;

export const AudienceModel = lazySchema(() => z.strictObject({
  $schema: z.string().optional(),
  name: z.string().max(200).optional(),
  size: z.number().int('must be a whole number').min(1, 'must be at least 1').max(5_000_000, 'must be at most 5,000,000'),
  attributes: z.record(z.string().min(1), AttributeDistribution).optional(),
  /** IANA timezone → weight. */
  timezones: z.record(z.string(), Weight).optional(),
  /** Tag → share of contacts who have it. */
  tags: z.record(z.string(), Share).optional(),
  /** Segment → share of contacts in it. */
  segments: z.record(z.string(), Share).optional(),
  /** Event name → how often each contact does it. */
  events: z.record(z.string(), z.strictObject({ perDay: z.number().finite().min(0).max(10_000) })).optional(),
  /** How contacts reply to any message… */
  replies: ReplyBehaviour.optional(),
  /** …and to the message of one send step (by step id), where it differs. */
  repliesByStep: z.record(z.string(), ReplyBehaviour).optional(),
}));
export type AudienceModel = z.infer<typeof AudienceModel>;

/** Largest audience file read (the model is small; a huge file is a mistake). */
export const MAX_AUDIENCE_CHARS = 2 * 1024 * 1024;

export type AudienceParse = { ok: true; model: AudienceModel } | { ok: false; problems: Problem[] };

/**
 * Reads an audience model from JSON text: syntax errors with line and column, schema problems
 * and impossible values (a range whose min is above its max, weights that are all zero, an
 * unknown timezone) each located by JSON path.
 */
export function parseAudienceJson(text: string): AudienceParse {
  if (text.length > MAX_AUDIENCE_CHARS) return fail('audience.too_large', `The audience file is ${Math.round(text.length / 1024)} KB; an audience model is at most ${MAX_AUDIENCE_CHARS / 1024 / 1024} MB.`, '$');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const at = locateJsonError(text);
    return fail('json.syntax', `Not valid JSON: expected ${at.expected} at line ${at.line}, column ${at.column}.`, '$');
  }
  return checkAudience(raw);
}

/** {@link parseAudienceJson} for a value already parsed (the app's panel, tests). */
export function checkAudience(raw: unknown): AudienceParse {
  const r = AudienceModel.safeParse(raw);
  if (!r.success) return { ok: false, problems: zodProblems(r.error, raw).map((p) => ({ ...p, code: p.code.replace(/^schema\./, 'audience.') })) };
  const problems = semanticProblems(r.data);
  return problems.length ? { ok: false, problems } : { ok: true, model: r.data };
}

function semanticProblems(m: AudienceModel): Problem[] {
  const out: Problem[] = [];
  const at = (code: string, message: string, ...path: (string | number)[]) => out.push({ severity: 'error', code, message, path: jsonPath(path) });
  for (const [name, d] of Object.entries(m.attributes ?? {})) {
    if ('min' in d && typeof d.min === 'number' && 'max' in d && typeof d.max === 'number' && !('values' in d)) {
      if (d.min > d.max) at('audience.range', `Attribute "${name}": min (${d.min}) is above max (${d.max}).`, 'attributes', name, 'min');
      else if (d.integer && Math.ceil(d.min) > Math.floor(d.max)) at('audience.range', `Attribute "${name}": no whole number lies between ${d.min} and ${d.max}.`, 'attributes', name);
      continue;
    }
    const weights = 'values' in d && Array.isArray(d.values) ? d.values.map((v) => v.weight) : Object.values(d as Record<string, number>);
    if (weights.length === 0) at('audience.weights', `Attribute "${name}" lists no values; give at least one with a weight.`, 'attributes', name);
    else if (weights.every((w) => w === 0)) at('audience.weights', `Attribute "${name}": every weight is 0, so no value can be drawn.`, 'attributes', name);
  }
  const tz = Object.entries(m.timezones ?? {});
  for (const [name] of tz) if (!isKnownTimezone(name)) at('audience.timezone', `"${name}" is not a known timezone; use an IANA name such as "Europe/Paris".`, 'timezones', name);
  if (tz.length && tz.every(([, w]) => w === 0)) at('audience.weights', 'Every timezone weight is 0.', 'timezones');
  const replyTexts = (r: ReplyBehaviour | undefined, ...path: string[]) => {
    if (r?.texts && r.texts.every((t) => t.weight === 0)) at('audience.weights', 'Every reply text has weight 0.', ...path, 'texts');
  };
  replyTexts(m.replies, 'replies');
  for (const [step, r] of Object.entries(m.repliesByStep ?? {})) replyTexts(r, 'repliesByStep', step);
  return out;
}

function fail(code: string, message: string, path: string): AudienceParse {
  return { ok: false, problems: [{ severity: 'error', code, message, path }] };
}
