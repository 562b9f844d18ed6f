import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';

/** Assigns the conversation to an agent or team, or sets an attribute. */
export function AssignNode(props: NodeProps<CanvasNode>) {
  return (
    <NodeCard
      {...props}
      icon={
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <circle cx="9" cy="8" r="4" /><path d="M2 21a7 7 0 0 1 14 0" /><path d="M19 8v6M16 11h6" />
        </svg>
      }
    />
  );
}
