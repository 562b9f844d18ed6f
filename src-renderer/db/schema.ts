import Dexie, { type EntityTable } from 'dexie';
import type { FlowDocument } from '../../src-shared/flow/index';

/** One saved flow. `name`, `kind` and `updatedAt` are copies for listing without parsing documents. */
export interface FlowRecord {
  id: string;
  name: string;
  kind: FlowDocument['campaign']['kind'];
  /** Milliseconds since the epoch. */
  updatedAt: number;
  document: FlowDocument;
}

/** The renderer's local database. Bump the version and add a `.stores()` step to change indexes. */
export class StudioDatabase extends Dexie {
  flows!: EntityTable<FlowRecord, 'id'>;

  constructor(name = 'campaign-studio') {
    super(name);
    this.version(1).stores({ flows: 'id, updatedAt, name' });
  }
}
