import type { NodeTypes } from '@xyflow/react';
import type { NodeKind } from '../../../src-shared/flow/index';
import { AssignNode } from './assign-node';
import { EndNode } from './end-node';
import { FilterNode } from './filter-node';
import { InboundMessageNode } from './inbound-message-node';
import { SendNode } from './send-node';
import { TriggerNode } from './trigger-node';
import { WaitNode } from './wait-node';

/** One component per kind; a new kind without a component is a type error here. */
export const nodeTypes = {
  trigger: TriggerNode,
  filter: FilterNode,
  wait: WaitNode,
  'inbound-message': InboundMessageNode,
  send: SendNode,
  assign: AssignNode,
  end: EndNode,
} satisfies Record<NodeKind, NodeTypes[string]> satisfies NodeTypes;
