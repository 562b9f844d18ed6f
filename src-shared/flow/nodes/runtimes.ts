import type { NodeRuntime } from '../../engine/node-runtime';
import { assignRuntime } from './assign-runtime';
import { endRuntime } from './end-runtime';
import { filterRuntime } from './filter-runtime';
import { inboundMessageRuntime } from './inbound-message-runtime';
import type { FlowNode, NodeKind } from './index';
import { sendRuntime } from './send-runtime';
import { splitRuntime } from './split-runtime';
import { triggerRuntime } from './trigger-runtime';
import { waitRuntime } from './wait-runtime';

/**
 * Every kind's runtime, by kind: a kind missing here is a type error. Layering: runtimes build
 * on the engine's primitives (calendar, conditions, journey changes), and the engine's steppers
 * look runtimes up here. The flow document layer (schema, validation, `flow/index.ts`) never
 * imports this file, so reading or validating a flow does not load the engine.
 */
export const nodeRuntimes: { readonly [K in NodeKind]: NodeRuntime<K> } = {
  trigger: triggerRuntime,
  filter: filterRuntime,
  split: splitRuntime,
  wait: waitRuntime,
  'inbound-message': inboundMessageRuntime,
  send: sendRuntime,
  assign: assignRuntime,
  end: endRuntime,
};

/** The runtime of a node's kind (typed for any node: each runtime takes nodes of its own kind). */
export function runtimeOf(node: FlowNode): NodeRuntime<NodeKind> {
  return nodeRuntimes[node.type] as NodeRuntime<NodeKind>;
}
