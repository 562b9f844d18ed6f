import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';

/** Where users enter the campaign; nothing leads into it. */
export function TriggerNode(props: NodeProps<CanvasNode>) {
  return (
    <NodeCard
      {...props}
      hasInput={false}
      icon={
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M13 2 4 14h7l-1 8 9-12h-7l1-8Z" />
        </svg>
      }
    />
  );
}
