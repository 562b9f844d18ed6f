import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';

/** Holds users for a duration or until a time. */
export function WaitNode(props: NodeProps<CanvasNode>) {
  return (
    <NodeCard
      {...props}
      icon={
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" />
        </svg>
      }
    />
  );
}
