import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';

/** Sends a message on a channel. */
export function SendNode(props: NodeProps<CanvasNode>) {
  return (
    <NodeCard
      {...props}
      icon={
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M22 2 11 13" /><path d="M22 2 15 22l-4-9-9-4 20-7Z" />
        </svg>
      }
    />
  );
}
