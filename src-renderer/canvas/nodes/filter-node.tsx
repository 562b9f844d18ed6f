import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';
import { nodeIcons } from './node-icons';

/** Splits users by a condition into match and else. */
export function FilterNode(props: NodeProps<CanvasNode>) {
  return <NodeCard {...props} icon={nodeIcons['filter']} />;
}
