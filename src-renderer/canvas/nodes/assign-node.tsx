import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';
import { nodeIcons } from './node-icons';

/** Assigns the conversation to an agent or team, or sets an attribute. */
export function AssignNode(props: NodeProps<CanvasNode>) {
  return <NodeCard {...props} icon={nodeIcons['assign']} />;
}
