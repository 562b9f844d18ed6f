import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';
import { nodeIcons } from './node-icons';

/** Holds users for a duration or until a time. */
export function WaitNode(props: NodeProps<CanvasNode>) {
  return <NodeCard {...props} icon={nodeIcons['wait']} />;
}
