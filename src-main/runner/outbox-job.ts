import type pg from 'pg';
import type { DeliveryResult, OutboundAction } from './chatwoot/actions';
import type { Outbound } from './contact-step';
import { statement } from './journey-store';
import { S } from './schema';

export type Deliver = (a: OutboundAction) => Promise<DeliveryResult>;

/** Thrown to make graphile-worker retry the job later, with its backoff. */
export class RetryLater extends Error {
  override name = 'RetryLater';
}

interface OutboxRow {
  status: string;
  /** A row of an earlier step of the journey is still pending: it goes first. */
  earlier_pending: boolean;
  action: Outbound;
  contact_id: string;
  conversations: Record<string, string>;
}

/**
 * Delivers one outbox row: at least once (the job is retried until it succeeds or is refused),
 * never twice to the contact (the key `journey:node` lets `deliver` find an earlier attempt).
 * A refusal (4xx) marks the row failed with Chatwoot's reason, shown in the stats and the journey.
 * A message that opens a conversation records it, so later follow-ups and assignments go there.
 */
export function createOutboxJob(pool: pg.Pool, deliver: Deliver | null) {
  const finish = (journeyId: string, nodeId: string, status: 'sent' | 'failed', detail: { reason?: string; remoteId?: string }) =>
    pool.query(`update ${S}.outbox set status = $3, reason = $4, remote_id = $5, done_at = now(), attempts = attempts + 1 where journey_id = $1 and node_id = $2 and status = 'pending'`, [
      journeyId,
      nodeId,
      status,
      detail.reason ?? null,
      detail.remoteId ?? null,
    ]);

  /** Delivers outbox rows one after another, in the order given (a journey's sends, as its steps decided them). */
  async function deliverAll(sends: readonly { journeyId: string; nodeId: string }[]): Promise<void> {
    for (const s of sends) await deliverOne(s.journeyId, s.nodeId);
  }

  async function deliverOne(journeyId: string, nodeId: string): Promise<'sent' | 'failed' | 'skipped'> {
    const r = await pool.query<OutboxRow>(
      statement(
        'cs_outbox_row',
        `select o.status, o.action, j.contact_id, j.conversations,
          exists (select 1 from ${S}.outbox p where p.journey_id = o.journey_id and p.status = 'pending' and p.created_at < o.created_at) as earlier_pending
          from ${S}.outbox o join ${S}.journeys j on j.id = o.journey_id where o.journey_id = $1 and o.node_id = $2`,
        [journeyId, nodeId],
      ),
    );
    const row = r.rows[0];
    if (!row || row.status !== 'pending') return 'skipped';
    if (row.earlier_pending) throw new RetryLater(`waiting for an earlier send of journey ${journeyId}`);
    const key = `${journeyId}:${nodeId}`;
    const a = row.action;
    if (!deliver) {
      await finish(journeyId, nodeId, 'failed', { reason: 'No Chatwoot account is configured (set CHATWOOT_BASE_URL, CHATWOOT_ACCOUNT_ID and CHATWOOT_API_TOKEN).' });
      return 'failed';
    }
    const mapped = a.conversation === null ? undefined : row.conversations[a.conversation];
    let action: OutboundAction;
    if (a.kind === 'message') {
      if (mapped === undefined && !a.opensConversation) {
        const opener = await pool.query<{ status: string }>(`select o.status from ${S}.outbox o where o.journey_id = $1 and o.action->>'conversation' = $2 and (o.action->>'opensConversation')::boolean`, [journeyId, a.conversation]);
        if (opener.rows[0]?.status === 'pending') throw new RetryLater(`waiting for the message that opens conversation ${a.conversation}`);
        await finish(journeyId, nodeId, 'failed', { reason: `The conversation this message follows up could not be opened.` });
        return 'failed';
      }
      action = { kind: 'message', key, contactId: row.contact_id, conversationId: mapped ?? null, inbox: a.inbox, body: a.body };
    } else {
      if (mapped === undefined) {
        const reason = a.conversation === null ? 'There is no conversation upstream of this step to assign.' : 'The conversation to assign was not opened.';
        await finish(journeyId, nodeId, 'failed', { reason });
        return 'failed';
      }
      action = { kind: 'assign', key, conversationId: mapped, team: a.team, agent: a.agent };
    }
    const result = await deliver(action);
    if (!result.ok) {
      if (result.retry) {
        await pool.query(`update ${S}.outbox set attempts = attempts + 1, reason = $3 where journey_id = $1 and node_id = $2`, [journeyId, nodeId, result.reason]);
        throw new RetryLater(result.reason);
      }
      await finish(journeyId, nodeId, 'failed', { reason: result.reason });
      return 'failed';
    }
    // The row marked sent and the conversation it opened recorded in one statement.
    const opened = a.kind === 'message' && mapped === undefined ? a.conversation : null;
    await pool.query(
      statement(
        'cs_outbox_sent',
        `with o as (update ${S}.outbox set status = 'sent', remote_id = $3, reason = null, done_at = now(), attempts = attempts + 1 where journey_id = $1 and node_id = $2 returning journey_id)
        update ${S}.journeys j set conversations = j.conversations || jsonb_build_object($4::text, $5::text) from o where j.id = o.journey_id and $4::text is not null`,
        [journeyId, nodeId, result.remoteId, opened, opened === null ? null : result.conversationId],
      ),
    );
    return 'sent';
  }

  return { deliverOne, deliverAll };
}
