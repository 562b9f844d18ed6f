import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';
import { nodeIcons } from './node-icons';

/** Where a path through the campaign finishes. */
export function EndNode(props: NodeProps<CanvasNode>) {
  return <NodeCard {...props} icon={nodeIcons['end']} />;
}
