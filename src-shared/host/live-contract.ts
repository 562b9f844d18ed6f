import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { SyncError } from '../sync/sync-error';

/**
 * The live channels of the host contract: what the editor's Live mode asks a runner (a delivery
 * backend, docs/delivery-api.yaml) through the host, which holds the backend's token. Spread
 * into `hostContract` like the sync channels; every answer is `{ ok: true, … }` or
 * `{ ok: false, error }` so a runner that is down is a value the screen shows, never a throw.
 */

const backendName = lazySchema(() => z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/));
const flowId = lazySchema(() => z.string().min(1).max(200));
const revision = lazySchema(() => z.string().regex(/^r\d{1,9}$/, 'a revision looks like r12'));
export const liveJourneyStates = ['running', 'ended', 'exited', 'failed'] as const;
export type LiveJourneyState = (typeof liveJourneyStates)[number];

const failed = lazySchema(() => z.object({ ok: z.literal(false), error: SyncError }));
const answer = <T extends z.ZodRawShape>(shape: T) => z.union([z.object({ ok: z.literal(true), ...shape }), failed]);

/** Per node of one revision, as the runner counts it (docs/runner.md, "Statistics"). */
export const LiveNodeFigures = lazySchema(() => z.object({
  nodeId: z.string(),
  active: z.number().int().min(0),
  entered: z.number().int().min(0),
  completed: z.record(z.string(), z.number().int().min(0)).default({}),
  exited: z.number().int().min(0),
  failed: z.number().int().min(0).default(0),
}));
export type LiveNodeFigures = z.infer<typeof LiveNodeFigures>;

export const LiveStats = lazySchema(() => z.object({
  flowId: z.string(),
  revision,
  generatedAt: z.string(),
  /** Journeys of the revision by status (running, ended, exited, failed). */
  journeys: z.record(z.string(), z.number().int().min(0)).default({}),
  nodes: z.array(LiveNodeFigures),
  /** The flow's conversion goal: journeys converted, and per split step and branch; null without a goal. */
  conversions: z.object({ converted: z.number().int().min(0), convertedBy: z.record(z.string(), z.record(z.string(), z.number().int().min(0))) }).nullish(),
}));
export type LiveStats = z.infer<typeof LiveStats>;

/** The flow as the runner has it: its current revision and whether new contacts enter. */
export const LiveFlow = lazySchema(() => z.object({ id: z.string(), revision, status: z.enum(['draft', 'published', 'paused']), updatedAt: z.string() }));
export type LiveFlow = z.infer<typeof LiveFlow>;

export const LiveJourneySummary = lazySchema(() => z.object({
  id: z.string(),
  contactId: z.string(),
  revision: z.string(),
  status: z.enum(liveJourneyStates),
  waitingAt: z.array(z.string()),
  lastNode: z.string().nullable().default(null),
  error: z.string().nullable().default(null),
  /** A journey sent with "Send a test": real, but not counted in the figures. */
  test: z.boolean().default(false),
  startedAt: z.string().optional(),
  updatedAt: z.string().optional(),
}));
export type LiveJourneySummary = z.infer<typeof LiveJourneySummary>;

/** A journey step in the preview's TraceStep format. */
export const LiveTraceStep = lazySchema(() => z.object({ t: z.number(), node: z.string(), event: z.string(), outcome: z.string(), why: z.string() }));

export const LiveJourney = lazySchema(() => LiveJourneySummary.extend({
  flowId: z.string(),
  trace: z.array(LiveTraceStep),
  messages: z.array(z.object({ at: z.number(), nodeId: z.string(), channel: z.string(), body: z.string(), conversationId: z.string() }).loose()).default([]),
  sends: z.array(z.object({ nodeId: z.string(), kind: z.string(), status: z.string(), reason: z.string().nullable().optional() }).loose()).default([]),
}));
export type LiveJourney = z.infer<typeof LiveJourney>;

/**
 * A published campaign or flow as its backend has it now: Chatwoot's own `campaign_status`
 * (`active`, `processing` while it is sent, `completed`) and `enabled`, or the runner's status.
 * What the campaigns list shows instead of guessing from the clock.
 */
export const RemoteStatus = lazySchema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chatwoot'), status: z.enum(['active', 'processing', 'completed']), enabled: z.boolean(), scheduledAt: z.number().nullable() }),
  z.object({ kind: z.literal('runner'), status: z.enum(['draft', 'published', 'paused']), revision }),
]));
export type RemoteStatus = z.infer<typeof RemoteStatus>;

export const liveHostContract = {
  /** The flow's current revision and status on the runner; with `withDocument`, the flow file it runs (to forecast with). */
  'live.flow': { args: lazySchema(() => z.object({ backend: backendName, flowId, withDocument: z.boolean().optional() }).strict()), result: lazySchema(() => answer({ flow: LiveFlow, document: z.record(z.string(), z.unknown()).optional() })) },
  /** A published campaign's or flow's status read back from its backend (`remoteId`: Chatwoot display id or flow id). */
  'live.status': { args: lazySchema(() => z.object({ backend: backendName, remoteId: z.string().min(1).max(200) }).strict()), result: lazySchema(() => answer({ remote: RemoteStatus })) },
  /** Per-node figures of one revision (default: the one new journeys enter). */
  'live.stats': { args: lazySchema(() => z.object({ backend: backendName, flowId, revision: revision.optional() }).strict()), result: lazySchema(() => answer({ stats: LiveStats })) },
  /** A page of journeys at a node (`node`: waiting there or last acted there; `reached`: with a step there) in a state. */
  'live.journeys': {
    args: lazySchema(() => z.object({ backend: backendName, flowId, node: z.string().max(200).optional(), reached: z.string().max(200).optional(), state: z.enum(liveJourneyStates).optional(), revision: revision.optional(), cursor: z.string().regex(/^\d{1,18}$/).optional(), limit: z.number().int().min(1).max(200).optional() }).strict()),
    result: lazySchema(() => answer({ journeys: z.array(LiveJourneySummary), nextCursor: z.string().nullable() })),
  },
  /** One journey with its trace, to rewind on the canvas. */
  'live.journey': { args: lazySchema(() => z.object({ backend: backendName, journeyId: z.string().regex(/^\d{1,18}$/) }).strict()), result: lazySchema(() => answer({ journey: LiveJourney })) },
  /** Pause (no new entries; contacts inside carry on), resume (publish the current revision again), or stop (paused, and every journey in it ended). */
  'live.control': { args: lazySchema(() => z.object({ backend: backendName, flowId, action: z.enum(['pause', 'resume', 'stop']), revision }).strict()), result: lazySchema(() => answer({ flow: LiveFlow, stoppedJourneys: z.number().int().min(0).optional() })) },
  /** A real journey for a test contact (kept out of the figures): the trigger's event sent for it. */
  'live.test': { args: lazySchema(() => z.object({ backend: backendName, flowId, contactId: z.string().regex(/^[A-Za-z0-9_.:@-]{1,200}$/, 'letters, digits or . _ : @ -').optional() }).strict()), result: lazySchema(() => answer({ contactId: z.string() })) },
} as const satisfies Record<`${string}.${string}`, { args: z.ZodType; result: z.ZodType }>;
