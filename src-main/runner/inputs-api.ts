import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import * as z from 'zod';
import { lazySchema } from '../../src-shared/schema/lazy-schema';
import { verifyChatwootSignature } from './chatwoot/webhook-verify';
import { mapChatwootWebhook } from './chatwoot/webhook-map';
import { error, type Reply } from './flows-api';
import { addJob, TASK, type RunnerInput } from './journey-jobs';
import { S } from './schema';

const Scalar = lazySchema(() => z.union([z.string(), z.number(), z.boolean()]));
const ContactId = lazySchema(() => z.string().min(1).max(200));
const EventBody = lazySchema(() => z.strictObject({
  id: z.string().min(1).max(200).optional(),
  contactId: ContactId,
  name: z.string().min(1).max(200),
  properties: z.record(z.string(), Scalar).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
}));
const ContactBody = lazySchema(() => z.strictObject({ attributes: z.record(z.string(), z.union([Scalar, z.null()])).optional(), tags: z.array(z.string().max(200)).optional() }));

const invalid = (e: z.ZodError): Reply =>
  error(400, 'invalid_body', `The request body is not valid: ${e.issues[0]!.path.join('.') || 'body'}: ${e.issues[0]!.message}`, {
    fields: e.issues.map((i) => ({ path: `$.${i.path.join('.')}`, message: i.message })),
  });

/** Stores one input (once per dedupe key) and its job, in the caller's transaction; null if already stored. */
export async function storeInput(c: pg.ClientBase, dedupeKey: string, input: RunnerInput): Promise<string | null> {
  const r = await c.query<{ id: string }>(`insert into ${S}.inputs (dedupe_key, contact_id, input) values ($1, $2, $3) on conflict (dedupe_key) do nothing returning id`, [dedupeKey, input.contactId, JSON.stringify(input)]);
  const id = r.rows[0]?.id;
  if (id === undefined) return null;
  await addJob(c, TASK.input, { inputId: String(id) });
  return String(id);
}

/** `POST /v1/events`, `PUT /v1/contacts/{id}` and the Chatwoot webhook: inputs stored, answered at once, applied by jobs. */
export const inputsApi = {
  async event(c: pg.ClientBase, body: unknown, now: number): Promise<Reply> {
    const p = EventBody.safeParse(body);
    if (!p.success) return invalid(p.error);
    const e = p.data;
    const key = `api:event:${e.id ?? randomUUID()}`;
    const id = await storeInput(c, key, { kind: 'event', contactId: e.contactId, name: e.name, properties: e.properties ?? {}, at: e.at ? Date.parse(e.at) : now });
    return { status: 202, body: { accepted: true, duplicate: id === null } };
  },

  async contact(c: pg.ClientBase, contactId: string, body: unknown, idempotencyKey: string | undefined, now: number): Promise<Reply> {
    if (!ContactId.safeParse(contactId).success) return error(400, 'invalid_contact', 'The contact id must be 1 to 200 characters.');
    const p = ContactBody.safeParse(body);
    if (!p.success) return invalid(p.error);
    const base = `api:contact:${contactId}:${idempotencyKey ?? randomUUID()}`;
    if (p.data.attributes && Object.keys(p.data.attributes).length) await storeInput(c, `${base}:attributes`, { kind: 'attributes', contactId, attributes: p.data.attributes, at: now });
    if (p.data.tags) await storeInput(c, `${base}:tags`, { kind: 'tags', contactId, tags: p.data.tags, at: now });
    return { status: 202, body: { accepted: true } };
  },

  /**
   * A Chatwoot webhook: refused (401, nothing stored) unless signed with the secret within 5
   * minutes; a delivery id seen before, or inputs whose dedupe keys are stored, change nothing.
   */
  async chatwoot(c: pg.ClientBase, secret: string | undefined, headers: Record<string, string | string[] | undefined>, raw: Buffer, now: number): Promise<Reply> {
    if (!secret) return error(503, 'not_configured', 'CHATWOOT_WEBHOOK_SECRET is not set, so Chatwoot webhooks cannot be verified.');
    const one = (h: string) => {
      const v = headers[h];
      return Array.isArray(v) ? v[0] : v;
    };
    const v = verifyChatwootSignature({ secret, timestamp: one('x-chatwoot-timestamp'), signature: one('x-chatwoot-signature'), rawBody: raw, now });
    if (!v.ok) return error(401, 'bad_signature', v.reason);
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return error(400, 'invalid_json', 'The webhook body is not JSON.');
    }
    const delivery = one('x-chatwoot-delivery');
    if (delivery) {
      const r = await c.query(`insert into ${S}.webhook_deliveries (id) values ($1) on conflict do nothing`, [delivery]);
      if (!r.rowCount) return { status: 200, body: { accepted: true, duplicate: true } };
    }
    const mapped = mapChatwootWebhook(payload, now);
    if ('error' in mapped) return error(422, 'invalid_webhook', mapped.error);
    let stored = 0;
    for (const { dedupeKey, ...input } of mapped.inputs) if ((await storeInput(c, dedupeKey, input as RunnerInput)) !== null) stored++;
    return { status: 200, body: { accepted: true, inputs: stored } };
  },
};
