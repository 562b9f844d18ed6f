import * as z from 'zod';
import { lazySchema } from '../../src-shared/schema/lazy-schema';
import type { UserAction, UserProfile } from '../../src-shared/engine';
import { jsonPath, type Problem } from '../../src-shared/flow';

const Scalar = lazySchema(() => z.union([z.string(), z.number(), z.boolean()]));

/** user.json for `preview`: every field optional. */
export const UserFile = lazySchema(() => z.strictObject({
  id: z.string().default('preview-user'),
  attributes: z.record(z.string(), Scalar).default({}),
  tags: z.array(z.string()).default([]),
  segments: z.array(z.string()).default([]),
  timezone: z.string().default('UTC'),
}));

/** When: an ISO date-time with offset ("2026-11-23T09:00:00Z") or an offset from the start ("+2h", "+3d", "+90m"). */
const OFFSET = /^\+(?:\d+[wdhms])+$/;
const When = lazySchema(() => z.string().refine((s) => OFFSET.test(s) || (/^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s))), {
  message: 'expected an ISO date-time such as "2026-11-23T09:00:00Z" or an offset from the start such as "+90m", "+2h" or "+1d2h"',
}));

const Action = lazySchema(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('message'), at: When, text: z.string() }),
  z.strictObject({ type: z.literal('event'), at: When, name: z.string().min(1), properties: z.record(z.string(), Scalar).default({}) }),
  z.strictObject({ type: z.literal('page_visit'), at: When, url: z.string(), seconds: z.number().min(0) }),
  z.strictObject({ type: z.literal('attribute'), at: When, name: z.string().min(1), value: Scalar.nullable() }),
  z.strictObject({ type: z.literal('tag'), at: When, tag: z.string().min(1), present: z.boolean().default(true) }),
  z.strictObject({ type: z.literal('segment'), at: When, segment: z.string().min(1), present: z.boolean().default(true) }),
]));
export const ScriptFile = lazySchema(() => z.array(Action));

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Reads user.json text into a profile, or located problems. */
export function parseUserFile(text: string): Parsed<UserProfile> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const r = UserFile.safeParse(json.value);
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: issues(r.error) };
}

/**
 * Reads script.json text into timed actions. Offsets count from `start`; actions come out
 * sorted by time (the order a person wrote them in does not matter).
 */
export function parseScriptFile(text: string, start: number): Parsed<UserAction[]> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const r = ScriptFile.safeParse(json.value);
  if (!r.success) return { ok: false, problems: issues(r.error) };
  const actions = r.data.map((a) => ({ ...a, at: a.at.startsWith('+') ? start + offsetMs(a.at) : Date.parse(a.at) }) as UserAction);
  return { ok: true, value: actions.sort((a, b) => a.at - b.at) };
}

/** "+1d2h30m" in milliseconds. */
export function offsetMs(offset: string): number {
  let ms = 0;
  for (const [, n, unit] of offset.matchAll(/(\d+)([wdhms])/g)) ms += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return ms;
}

function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, problems: [{ severity: 'error', code: 'json.syntax', message: `Not valid JSON: ${(e as Error).message}`, path: '$' }] };
  }
}

function issues(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ severity: 'error', code: `schema.${i.code}`, message: `${i.path.length ? jsonPath(i.path).replace(/^\$\.?/, '') : 'file'}: ${i.message}`, path: jsonPath(i.path) }));
}
