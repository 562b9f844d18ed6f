import * as z from 'zod';
import { lazySchema } from '../../schema/lazy-schema';
import { Id, Position } from '../primitives';
import { assignNode } from './assign-node';
import { endNode } from './end-node';
import { filterNode } from './filter-node';
import { inboundMessageNode } from './inbound-message-node';
import type { NodeContext, OutputHandle } from './node-definition';
import type { NodeProblem } from '../problems';
import { sendNode } from './send-node';
import { splitNode } from './split-node';
import { triggerNode } from './trigger-node';
import { waitNode } from './wait-node';

export type { NodeContext, OutputHandle } from './node-definition';

/** Every node kind, in palette order. */
export const NODE_KINDS = ['trigger', 'filter', 'split', 'wait', 'inbound-message', 'send', 'assign', 'end'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

const definitions = {
  trigger: triggerNode,
  filter: filterNode,
  split: splitNode,
  wait: waitNode,
  'inbound-message': inboundMessageNode,
  send: sendNode,
  assign: assignNode,
  end: endNode,
} as const;

// A kind missing from the registry, or registered under another name, is a type error here.
definitions satisfies { [K in NodeKind]: { type: K } };

function nodeSchema<K extends NodeKind>(kind: K) {
  return z.strictObject({
    id: Id,
    type: z.literal(kind),
    position: Position.default({ x: 0, y: 0 }),
    data: definitions[kind].dataSchema as (typeof definitions)[K]['dataSchema'],
  });
}

/** One node; `type` discriminates the shape of `data`. */
export const FlowNode = lazySchema(() => z.discriminatedUnion('type', [
  nodeSchema('trigger'),
  nodeSchema('filter'),
  nodeSchema('split'),
  nodeSchema('wait'),
  nodeSchema('inbound-message'),
  nodeSchema('send'),
  nodeSchema('assign'),
  nodeSchema('end'),
]));
export type FlowNode = z.infer<typeof FlowNode>;
export type NodeOfKind<K extends NodeKind> = Extract<FlowNode, { type: K }>;
export type NodeData<K extends NodeKind> = NodeOfKind<K>['data'];

export const nodeDefinitions: { [K in NodeKind]: (typeof definitions)[K] } = definitions;

/** Output handles of a node, as its data now makes them. */
export function outputsOf(node: FlowNode): OutputHandle[] {
  return (nodeDefinitions[node.type].outputs as (d: unknown) => OutputHandle[])(node.data);
}

/** One-line reading of a node, e.g. "Wait 2 days". */
export function summaryOf(node: FlowNode, campaign: NodeContext['campaign']): string {
  return (nodeDefinitions[node.type].summary as (d: unknown, c: NodeContext['campaign']) => string)(node.data, campaign);
}

/** Problems a node reports about its own settings. */
export function nodeProblems(node: FlowNode, ctx: NodeContext): NodeProblem[] {
  return (nodeDefinitions[node.type].validate as (d: unknown, c: NodeContext) => NodeProblem[])(node.data, ctx);
}

/** Default data for a new node of a kind. */
export function defaultData<K extends NodeKind>(kind: K): NodeData<K> {
  return JSON.parse(JSON.stringify(nodeDefinitions[kind].defaults())) as NodeData<K>;
}

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

/**
 * How a message names a step: by its label and kind, never by its id (ids stay in `nodeId`
 * fields, JSON output and tooltips). An unnamed step is told by its kind and what its card
 * says: `"Welcome" (Send message)`, `an unnamed Wait step (Wait 2 days)`.
 *
 * @example stepName(node) // '"Day 3 nudge" (Send message)'
 */
export function stepName(node: FlowNode): string {
  const title = nodeDefinitions[node.type].title;
  const label = node.data.label?.trim();
  if (label) return `"${label}" (${title})`;
  // The trigger's summary reads the campaign; a flow has one trigger, so its kind is enough.
  return node.type === 'trigger' ? `the ${title}` : `an unnamed ${title} step (${(nodeDefinitions[node.type].summary as (d: unknown) => string)(node.data)})`;
}

/** {@link stepName} at the start of a sentence: "An unnamed Wait step cannot be reached…". */
export function stepNameAtStart(node: FlowNode): string {
  const s = stepName(node);
  return s.charAt(0).toUpperCase() + s.slice(1);
}
