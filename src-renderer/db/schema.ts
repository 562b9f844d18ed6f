import Dexie, { type EntityTable, type Table } from 'dexie';
import type { FlowDocument } from '../../src-shared/flow/index';
import type { DraftPatch } from '../editor/draft-patch';
import type { OutboxEntry, SyncRecord } from '../../src-shared/sync/index';
import type { SavedPreviewRecord, SimulationRecord } from './simulation-records';
import type { AudienceModel, InferenceNote } from '../../src-shared/forecast/index';

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

/** A flow as the flows list shows it, read from an index (version 10): everything but its document. */
export type FlowSummary = Omit<FlowRecord, 'document'>;

/** The flows index whose keys hold a whole {@link FlowSummary}: id first, so one flow's entry is `flowRange(id)`. */
export const FLOW_SUMMARY_INDEX = '[id+updatedAt+createdAt+nodeCount+kind+name]';

/** A snapshot of a flow in its history: named by the marketer, or taken automatically. */
export interface VersionRecord {
  id?: number;
  flowId: string;
  createdAt: number;
  name: string;
  auto: boolean;
  nodeCount: number;
  /** `createdAt` of an automatic version, absent on named ones (version 9): indexed, so saves plan without reading documents. */
  autoAt?: number;
  document: FlowDocument;
}

/**
 * Index bounds of one flow's entries in a compound index that starts with its id and a number
 * (`[flowId+createdAt]`, `FLOW_SUMMARY_INDEX`…).
 */
export const flowRange = (flowId: string) => [
  [flowId, -Infinity],
  [flowId, Infinity],
] as const;

/** A version as History lists it, read from indexes (its document is read when it is opened). */
export type VersionSummary = Pick<VersionRecord, 'flowId' | 'createdAt' | 'name' | 'auto' | 'nodeCount'> & { id: number };

/**
 * Unsaved work of one open flow, written on every edit (version 5): IndexedDB commits survive the
 * browser process being killed a moment later, where localStorage's delayed commits do not.
 */
export interface DraftRecord {
  flowId: string;
  /** When the draft was written (ms since the epoch). */
  savedAt: number;
  /** The whole document (drafts written before version 8), or */
  document?: FlowDocument;
  /** its differences from a base in `draftBases` (draft-patch.ts). */
  patch?: DraftPatch;
}

/**
 * The document a session's drafts are written against (version 8): put once, then each draft
 * carries only what differs from it. `session` starts with its start time in base 36, so stale
 * bases can be found from the keys alone.
 */
export interface DraftBaseRecord {
  flowId: string;
  session: string;
  /** Which base of the session this is (a patch names it). */
  stamp: number;
  document: FlowDocument;
}

/** Where an audience model came from, for the panel to say so. */
export type AudienceSource = 'edited' | 'csv' | 'chatwoot' | 'file' | 'named';

/** The audience a flow's forecasts draw (version 6), instead of the one derived from the flow. */
export interface FlowAudienceRecord {
  flowId: string;
  model: AudienceModel;
  source: AudienceSource;
  /** What the source was: a file name, a backend, a named model. */
  origin: string;
  /** What was inferred from each column of a contacts import. */
  notes?: InferenceNote[];
  updatedAt: number;
}

/** An audience model saved under a name, for any flow to use (version 6). */
export interface NamedAudienceRecord {
  id?: number;
  name: string;
  model: AudienceModel;
  updatedAt: number;
}

/**
 * The renderer's local database. To change it, add a `this.version(n + 1)` step (never edit an
 * old one) with an `upgrade` that brings existing rows along.
 */
export class StudioDatabase extends Dexie {
  flows!: EntityTable<FlowRecord, 'id'>;
  versions!: EntityTable<VersionRecord, 'id'>;
  /** What each flow knows about its copy on each backend (version 4; written by sync-repository.ts). */
  syncRecords!: Table<SyncRecord, [string, string]>;
  /** Publishes waiting or retrying, one per flow and backend (version 4; written by sync-repository.ts). */
  syncOutbox!: EntityTable<OutboxEntry, 'id'>;
  /** Saved population runs (version 3; written by simulation-repository.ts). */
  simulations!: EntityTable<SimulationRecord, 'id'>;
  /** Saved single-user previews (version 3; written by simulation-repository.ts). */
  savedPreviews!: EntityTable<SavedPreviewRecord, 'id'>;
  /** Crash-recovery drafts, one per flow (version 5; written by draft-repository.ts). */
  drafts!: EntityTable<DraftRecord, 'flowId'>;
  /** What the drafts are written against, one per flow and editing session (version 8; draft-repository.ts). */
  draftBases!: Table<DraftBaseRecord, [string, string]>;
  /** Each flow's audience model (version 6; written by audience-repository.ts). */
  audiences!: EntityTable<FlowAudienceRecord, 'flowId'>;
  /** Named audience models (version 6; written by audience-repository.ts). */
  namedAudiences!: EntityTable<NamedAudienceRecord, 'id'>;

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
    // Version 3 (simulations) only adds tables; nothing to bring along.
    this.version(3).stores({ simulations: '++id, flowId, [flowId+createdAt]', savedPreviews: '++id, flowId, [flowId+createdAt]' });
    // Version 4 (sync) only adds tables; nothing to bring along.
    this.version(4).stores({ syncRecords: '[flowId+backend], flowId, backend', syncOutbox: 'id, flowId, backend' });
    // Version 5 (crash-recovery drafts) only adds a table; drafts in localStorage are read once more on open.
    this.version(5).stores({ drafts: 'flowId' });
    // Version 6 (audience models for forecasts) only adds tables; flows without one use the derived audience.
    this.version(6).stores({ audiences: 'flowId', namedAudiences: '++id, &name' });
    // Version 7: the runs' list is read from an index (name and fingerprint in its keys), never
    // from the rows, whose slider tables are megabytes each; IndexedDB indexes the rows it has.
    this.version(7).stores({ simulations: '++id, flowId, [flowId+createdAt], [flowId+createdAt+name+fingerprint]' });
    // Version 8: drafts are written as differences from a base document (draft-patch.ts); only
    // adds a table, and whole-document drafts still read.
    this.version(8).stores({ draftBases: '[flowId+session], flowId' });
    // Version 9: an autosave, the editor watching its flow and the History list read what they
    // need from indexes, not from rows that each hold a whole document (a flow's times, its
    // versions' times, names and sizes): with 30 versions of a 5,000-step flow every autosave
    // read ~70 MB. Old automatic versions get their `autoAt`.
    this.version(9)
      .stores({ flows: 'id, updatedAt, name, [id+updatedAt+createdAt]', versions: '++id, flowId, [flowId+createdAt], [flowId+autoAt], [flowId+createdAt+nodeCount+name]' })
      .upgrade((tx) =>
        tx
          .table<VersionRecord, number>('versions')
          .toCollection()
          .modify((version) => {
            if (version.auto) version.autoAt = version.createdAt;
          }),
      );
    // Version 10: the flows list (and the campaigns screen, to find its kinds) reads flows from
    // an index whose keys hold every listed field, not from rows that each hold a whole document:
    // six 5,000-step flows cost 80-185 ms of the page's thread on every return to the list.
    // It replaces version 9's `[id+updatedAt+createdAt]`, whose keys it starts with. IndexedDB
    // fills a new index from the rows it has; nothing to upgrade.
    this.version(10).stores({ flows: `id, updatedAt, name, ${FLOW_SUMMARY_INDEX}` });
  }
}

/** Version 2 adds `createdAt` and `nodeCount` to every flow row; exported for its test. */
export function upgradeFlowRecordV2(flow: Partial<FlowRecord> & Pick<FlowRecord, 'updatedAt' | 'document'>): void {
  flow.nodeCount = flow.document.nodes.length;
  const created = Date.parse(flow.document.meta?.createdAt ?? '');
  flow.createdAt = Number.isFinite(created) ? created : flow.updatedAt;
}
