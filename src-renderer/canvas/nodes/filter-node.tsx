import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../to-react-flow';
import { NodeCard } from './node-card';

/** Splits users by a condition into match and else. */
export function FilterNode(props: NodeProps<CanvasNode>) {
  return (
    <NodeCard
      {...props}
      icon={
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="M3 5h18l-7 8v6l-4 2v-8L3 5Z" />
        </svg>
      }
    />
  );
}
