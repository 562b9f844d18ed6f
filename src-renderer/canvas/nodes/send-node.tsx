import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';
import { nodeIcons } from './node-icons';

/** Sends a message on a channel. */
export function SendNode(props: NodeProps<CanvasNode>) {
  return <NodeCard {...props} icon={nodeIcons['send']} />;
}
