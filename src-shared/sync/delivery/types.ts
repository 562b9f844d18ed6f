import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';

/**
 * The Campaign Studio delivery API (docs/delivery-api.yaml) as zod schemas: the client parses
 * every answer with them, and the fake server in tests answers with them.
 */

/** Opaque, changes on every write; sent back in `If-Match` to say "the version I last saw". */
export const Revision = lazySchema(() => z.string().min(1).max(200));

export const RemoteFlowStatus = lazySchema(() => z.enum(['draft', 'published', 'paused']));
export type RemoteFlowStatus = z.infer<typeof RemoteFlowStatus>;

/** A flow as the delivery API lists it. */
export const RemoteFlowSummary = lazySchema(() => z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(['workflow', 'live-chat', 'one-off']),
  revision: Revision,
  status: RemoteFlowStatus,
  /** The client's content hash of the document (fnv1a64 of the canonical export without meta). */
  contentHash: z.string(),
  updatedAt: z.iso.datetime({ offset: true }),
}));
export type RemoteFlowSummary = z.infer<typeof RemoteFlowSummary>;

/** A flow with its document (a flow file as JSON, see docs/flow-format.md). */
export const RemoteFlow = lazySchema(() => RemoteFlowSummary.extend({ document: z.record(z.string(), z.unknown()) }));
export type RemoteFlow = z.infer<typeof RemoteFlow>;

export const FlowListResponse = lazySchema(() => z.looseObject({ flows: z.array(RemoteFlowSummary) }));

/** `PUT /v1/flows/{id}` body. */
export interface PutFlowBody {
  document: unknown;
  contentHash: string;
  /** Runner: steps whose waiting journeys move to the new revision (docs/delivery-api.yaml). */
  moveWaiting?: string[];
}

/** A PUT's answer: the flow, and with `moveWaiting` how many journeys moved. */
export const PutFlowAnswer = lazySchema(() => RemoteFlow.extend({ moved: z.object({ journeys: z.number(), kept: z.number(), reason: z.string().optional() }).optional() }));

export const DeliveryErrorBody = lazySchema(() => z.looseObject({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.looseObject({ path: z.string(), message: z.string() })).optional(),
  }),
}));

/** 409: the revision in `If-Match` is not the current one; `current` is what the server has. */
export const ConflictBody = lazySchema(() => DeliveryErrorBody.extend({ current: RemoteFlow }));

/** Live journeys per node of a published flow. */
export const FlowStats = lazySchema(() => z.looseObject({
  flowId: z.string(),
  revision: Revision,
  generatedAt: z.iso.datetime({ offset: true }),
  nodes: z.array(
    z.looseObject({
      nodeId: z.string(),
      /** Journeys at this node now (waiting, or about to move on). */
      active: z.number().int().min(0),
      /** Journeys that reached this node since publishing. */
      entered: z.number().int().min(0),
      /** Journeys that left the flow here (an end, an exit, or an error). */
      exited: z.number().int().min(0),
      failed: z.number().int().min(0).default(0),
    }),
  ),
}));
export type FlowStats = z.infer<typeof FlowStats>;

export const deliveryPaths = {
  flows: () => '/v1/flows',
  flow: (id: string) => `/v1/flows/${encodeURIComponent(id)}`,
  publish: (id: string) => `/v1/flows/${encodeURIComponent(id)}/publish`,
  pause: (id: string) => `/v1/flows/${encodeURIComponent(id)}/pause`,
  stats: (id: string) => `/v1/flows/${encodeURIComponent(id)}/stats`,
} as const;

/** The remote status a flow's campaign status asks for. */
export function wantedRemoteStatus(status: 'draft' | 'active' | 'paused' | 'completed'): RemoteFlowStatus {
  return status === 'active' ? 'published' : status === 'draft' ? 'draft' : 'paused';
}
