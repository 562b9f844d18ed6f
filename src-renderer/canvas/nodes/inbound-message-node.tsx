import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';

/** Waits for the user to reply, with a timeout branch. */
export function InboundMessageNode(props: NodeProps<CanvasNode>) {
  return (
    <NodeCard
      {...props}
      icon={
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z" /><path d="M9 12h6" />
        </svg>
      }
    />
  );
}
