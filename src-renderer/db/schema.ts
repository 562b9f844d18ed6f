import Dexie, { type EntityTable } from 'dexie';
import type { FlowDocument } from '../../src-shared/flow/index';

/** One saved flow. `name`, `kind`, `nodeCount` and the times are copies for listing without reading documents. */
export interface FlowRecord {
  id: string;
  name: string;
  kind: FlowDocument['campaign']['kind'];
  /** Milliseconds since the epoch. */
  updatedAt: number;
  /** Milliseconds since the epoch (version 2; version-1 rows get it from `meta.createdAt`). */
  createdAt: number;
  nodeCount: number;
  document: FlowDocument;
}

/** A snapshot of a flow in its history: named by the marketer, or taken automatically. */
export interface VersionRecord {
  id?: number;
  flowId: string;
  createdAt: number;
  name: string;
  auto: boolean;
  nodeCount: number;
  document: FlowDocument;
}

/**
 * The renderer's local database. To change it, add a `this.version(n + 1)` step (never edit an
 * old one) with an `upgrade` that brings existing rows along.
 */
export class StudioDatabase extends Dexie {
  flows!: EntityTable<FlowRecord, 'id'>;
  versions!: EntityTable<VersionRecord, 'id'>;

  constructor(name = 'campaign-studio') {
    super(name);
    this.version(1).stores({ flows: 'id, updatedAt, name' });
    this.version(2)
      .stores({ flows: 'id, updatedAt, name', versions: '++id, flowId, [flowId+createdAt]' })
      .upgrade((tx) =>
        tx
          .table<FlowRecord, string>('flows')
          .toCollection()
          .modify((flow) => upgradeFlowRecordV2(flow)),
      );
  }
}

/** Version 2 adds `createdAt` and `nodeCount` to every flow row; exported for its test. */
export function upgradeFlowRecordV2(flow: Partial<FlowRecord> & Pick<FlowRecord, 'updatedAt' | 'document'>): void {
  flow.nodeCount = flow.document.nodes.length;
  const created = Date.parse(flow.document.meta?.createdAt ?? '');
  flow.createdAt = Number.isFinite(created) ? created : flow.updatedAt;
}
