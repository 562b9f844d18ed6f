import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { CampaignSettings } from './campaign';
import { FlowNode } from './nodes';
import { Id } from './primitives';
import { SCHEMA_VERSION } from './schema-version';

export { SCHEMA_URL, SCHEMA_VERSION } from './schema-version';

export const FlowEdge = lazySchema(() => z.strictObject({
  id: Id,
  source: Id,
  /** The output of the source node this edge leaves from: `next`, `match`, `else`, `timeout`… */
  sourceHandle: z.string().min(1).default('next'),
  target: Id,
}));
export type FlowEdge = z.infer<typeof FlowEdge>;

export const FlowMeta = lazySchema(() => z.strictObject({
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  /** Tool and version that wrote the file. */
  generator: z.string().optional(),
}));

/** A campaign flow as saved, exported and synced. Usable without any UI. */
export const FlowDocument = lazySchema(() => z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  campaign: CampaignSettings,
  nodes: z.array(FlowNode),
  edges: z.array(FlowEdge).default([]),
  meta: FlowMeta.default({}),
}));
export type FlowDocument = z.infer<typeof FlowDocument>;
/** What a file may leave out (defaults fill it in). */
export type FlowDocumentInput = z.input<typeof FlowDocument>;
