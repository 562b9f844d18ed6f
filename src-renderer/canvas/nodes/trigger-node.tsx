import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';
import { nodeIcons } from './node-icons';

/** Where users enter the campaign; nothing leads into it. */
export function TriggerNode(props: NodeProps<CanvasNode>) {
  return <NodeCard {...props} hasInput={false} icon={nodeIcons['trigger']} />;
}
