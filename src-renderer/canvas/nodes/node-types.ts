import type { NodeTypes } from '@xyflow/react';
import { NODE_KINDS, type NodeKind } from '../../../src-shared/flow/index';
import { NodeCard } from './node-card';

/** React Flow's node types: one card component registered for every kind. */
export const nodeTypes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, NodeCard])) as Record<NodeKind, typeof NodeCard> satisfies NodeTypes;
