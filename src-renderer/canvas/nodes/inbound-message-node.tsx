import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';
import { nodeIcons } from './node-icons';

/** Waits for the user to reply, with a timeout branch. */
export function InboundMessageNode(props: NodeProps<CanvasNode>) {
  return <NodeCard {...props} icon={nodeIcons['inbound-message']} />;
}
