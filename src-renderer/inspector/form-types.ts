import type { NodeKind, NodeOfKind } from '../../src-shared/flow/index';

/** What every kind's form receives: its node and a way to change the node's data. */
export interface NodeFormProps<K extends NodeKind> {
  node: NodeOfKind<K>;
  /** `gesture` names a typing gesture (one undo step per field visit); none = a discrete change. */
  update: (data: NodeOfKind<K>['data'], gesture?: string) => void;
}
