import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { FlowDocument, Scalar } from '../../src-shared/flow';
import { error, flowsApi, type Reply } from './flows-api';
import { storeInput } from './inputs-api';
import { migrateWith, S } from './schema';

/**
 * What the app's Live mode needs beyond the delivery API: stopping a flow (no new entries and
 * every journey in it ended) and sending a test (a real journey for a contact marked as a test,
 * kept out of the statistics). Test contacts are listed in their own table, so the journeys
 * table and its writers stay as they are.
 */

/** Creates the test-contact table (idempotent; runs beside the runner's own migration). */
export async function migrateLive(pool: pg.Pool): Promise<void> {
  await migrateWith(pool, `create table if not exists ${S}.test_contacts (contact_id text primary key, created_at timestamptz not null default now())`);
}

/** SQL that keeps a test contact's journeys out of a query on `journeys` aliased as written. */
export const notTest = (alias = '') => `${alias ? `${alias}.` : ''}contact_id not in (select contact_id from ${S}.test_contacts)`;

/** The event that fires an event trigger: its name, and each `equals` condition's value as a property. */
export function triggerEvent(doc: FlowDocument): { name: string; properties: Record<string, Scalar> } | null {
  const t = doc.campaign.trigger;
  if (t.type !== 'event' || !t.event) return null;
  const properties: Record<string, Scalar> = {};
  for (const p of t.properties) if (p.operator === 'equals' && p.value !== undefined && !Array.isArray(p.value)) properties[p.property] = p.value;
  return { name: t.event, properties };
}

const ContactId = /^[A-Za-z0-9_.:@-]{1,200}$/;

export const liveApi = {
  /** `POST /v1/flows/{id}/stop` (If-Match): paused, and its running journeys end as exited with the reason. */
  async stop(c: pg.ClientBase, id: string, ifMatch: string | undefined, at: Date): Promise<Reply> {
    const paused = await flowsApi.setStatus(c, id, 'paused', ifMatch, at);
    if (paused.status !== 200) return paused;
    const r = await c.query(`update ${S}.journeys set status = 'exited', error = 'The flow was stopped.', waiting = '{}', next_due = null, goal_until = null, updated_at = now() where flow_id = $1 and status = 'running'`, [id]);
    return { ...paused, body: { ...(paused.body as object), stoppedJourneys: r.rowCount ?? 0 } };
  },

  /** `POST /v1/flows/{id}/test` `{ contactId? }`: the trigger's event for a test contact; the flow must be running. */
  async test(c: pg.ClientBase, id: string, body: unknown, now: number): Promise<Reply> {
    const f = (await c.query<{ status: string; document: FlowDocument }>(`select status, document from ${S}.flows where id = $1 and not deleted`, [id])).rows[0];
    if (!f) return error(404, 'not_found', `No flow "${id}".`);
    if (f.status !== 'published') return error(409, 'not_running', `The flow is ${f.status}: a test enters only a running flow. Resume it first.`);
    const event = triggerEvent(f.document);
    if (!event) return error(422, 'cannot_test', 'Only a flow started by an event can be tested from here: its trigger is a page visit, a segment or a schedule.', { fields: [{ path: '$.campaign.trigger', message: 'not an event trigger' }] });
    const given = (body as { contactId?: unknown } | undefined)?.contactId;
    if (given !== undefined && (typeof given !== 'string' || !ContactId.test(given))) return error(400, 'invalid_contact', 'contactId must be 1 to 200 letters, digits or . _ : @ -.', { fields: [{ path: '$.contactId', message: 'invalid' }] });
    const contactId = given ?? `test-${randomUUID().slice(0, 8)}`;
    await c.query(`insert into ${S}.test_contacts (contact_id) values ($1) on conflict do nothing`, [contactId]);
    await storeInput(c, `test:${randomUUID()}`, { kind: 'event', contactId, name: event.name, properties: event.properties, at: now });
    return { status: 202, body: { accepted: true, contactId, test: true } };
  },
};
