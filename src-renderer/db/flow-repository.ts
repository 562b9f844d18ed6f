import { createEmptyFlow, newId, type FlowDocument } from '../../src-shared/flow/index';
import { db } from './db';
import { FLOW_SUMMARY_INDEX, flowRange, type FlowRecord, type FlowSummary, type StudioDatabase, type VersionRecord, type VersionSummary } from './schema';
import { planAutoVersion } from './version-policy';

/** The event a new flow's trigger waits for until the marketer names their own. */
export const NEW_FLOW_EVENT = 'user.signed_up';

/** Builds the row stored for a document: listing fields are copied from the campaign. */
export function toFlowRecord(document: FlowDocument, updatedAt: number, createdAt = updatedAt): FlowRecord {
  const { id, name, kind } = document.campaign;
  return { id, name, kind, updatedAt, createdAt, nodeCount: document.nodes.length, document };
}

/** A deleted flow with its history, kept by the caller so "Undo" can put it back. */
export interface DeletedFlow {
  flow: FlowRecord;
  versions: VersionRecord[];
}

function versionOf(document: FlowDocument, name: string, auto: boolean, createdAt: number): VersionRecord {
  return { flowId: document.campaign.id, createdAt, name, auto, nodeCount: document.nodes.length, ...(auto ? { autoAt: createdAt } : {}), document };
}

/**
 * The only writer of the database, so listing copies (`name`, `kind`, `updatedAt`…) can never
 * drift from the documents they describe. Every method is one transaction: a flow is never
 * half-written, and a version is kept only together with the save it belongs to.
 */
export function createFlowRepository(database: StudioDatabase, clock: () => number = Date.now) {
  /** The row this window's last autosave of each flow wrote: the editor watching it need not read it back. */
  const saved = new Map<string, FlowRecord>();
  /**
   * A flow's times from an index (no document read), or null when there is no such flow. A row
   * the index lacks (times that are not numbers) is read, so it is never taken for a missing one.
   */
  const timesOf = async (id: string): Promise<{ updatedAt: number; createdAt: number } | null> => {
    const [key] = (await database.flows.where(FLOW_SUMMARY_INDEX).between(...flowRange(id)).keys()) as unknown as SummaryKey[];
    if (key) return { updatedAt: key[1], createdAt: key[2] };
    const row = await database.flows.get(id);
    return row ? { updatedAt: row.updatedAt, createdAt: row.createdAt } : null;
  };
  /** A flow's automatic versions' ids and times, from their index (no document read). */
  const autoVersions = async (flowId: string): Promise<{ id: number; createdAt: number; auto: true }[]> => {
    const stamps: { id: number; createdAt: number; auto: true }[] = [];
    await database.versions
      .where('[flowId+autoAt]')
      .between(...flowRange(flowId))
      .eachKey((key, cursor) => void stamps.push({ id: cursor.primaryKey as number, createdAt: (key as unknown as [string, number])[1], auto: true }));
    return stamps;
  };
  return {
    /**
     * One flow as stored: the row this window's autosave last wrote when it is still the stored
     * one (known from an index, without reading the document back), else read.
     */
    async get(id: string): Promise<FlowRecord | null> {
      const times = await timesOf(id);
      if (!times) return null;
      const mine = saved.get(id);
      if (mine?.updatedAt === times.updatedAt) return mine;
      return (await database.flows.get(id)) ?? null;
    },

    /**
     * Creates an empty flow (one trigger) and returns its id. The trigger starts on a named
     * event so the new flow is valid and previews in one click; the marketer renames it.
     */
    async create(name: string): Promise<string> {
      const empty = createEmptyFlow({ name, kind: 'workflow', now: new Date(clock()) });
      const document: FlowDocument = { ...empty, campaign: { ...empty.campaign, trigger: { type: 'event', event: NEW_FLOW_EVENT, properties: [] } } };
      await database.flows.add(toFlowRecord(document, clock()));
      return document.campaign.id;
    },

    /** The saved flows among these ids (id and name), to ask before an import replaces them. */
    async existing(ids: readonly string[]): Promise<{ id: string; name: string }[]> {
      const rows = await database.flows.bulkGet([...ids]);
      return rows.filter((r): r is FlowRecord => r !== undefined).map((r) => ({ id: r.id, name: r.name }));
    },

    /** Stores imported documents; a flow with the same id is replaced, its old state kept as a version. */
    async saveImported(documents: readonly FlowDocument[]): Promise<string[]> {
      return database.transaction('rw', database.flows, database.versions, async () => {
        const now = clock();
        for (const document of documents) {
          const old = await database.flows.get(document.campaign.id);
          if (old) await database.versions.add(versionOf(old.document, 'Before import', true, now));
          await database.flows.put(toFlowRecord(document, now, old?.createdAt ?? now));
        }
        return documents.map((d) => d.campaign.id);
      });
    },

    /**
     * The editor's autosave: writes the document and, now and then, an automatic version of it.
     * `updatedAt` is chosen by the caller so it can recognise its own write when it comes back.
     */
    async save(document: FlowDocument, updatedAt = clock()): Promise<number> {
      const id = document.campaign.id;
      let record: FlowRecord | undefined;
      await database.transaction('rw', database.flows, database.versions, async () => {
        // From indexes only: each row holds a whole document (megabytes for a big flow).
        const times = await timesOf(id);
        const plan = planAutoVersion(await autoVersions(id), updatedAt);
        record = toFlowRecord(document, updatedAt, times?.createdAt ?? updatedAt);
        await database.flows.put(record);
        if (plan.add) await database.versions.add(versionOf(document, 'Autosave', true, updatedAt));
        if (plan.drop.length) await database.versions.bulkDelete(plan.drop);
      });
      // Committed: this is the stored row (the editor's documents are never changed in place).
      saved.set(id, record!);
      return updatedAt;
    },

    /** A copy under a new id and name ("… copy"); returns the new id. */
    async duplicate(id: string): Promise<string | null> {
      const source = await database.flows.get(id);
      if (!source) return null;
      const now = clock();
      const copyId = newId('flow');
      const document: FlowDocument = {
        ...source.document,
        campaign: { ...source.document.campaign, id: copyId, name: `${source.document.campaign.name} copy`.slice(0, 200), status: 'draft' },
        meta: { ...source.document.meta, createdAt: new Date(now).toISOString(), updatedAt: new Date(now).toISOString() },
      };
      await database.flows.add(toFlowRecord(document, now));
      return copyId;
    },

    /** Deletes a flow and its versions; returns them so the deletion can be undone. */
    async remove(id: string): Promise<DeletedFlow | null> {
      return database.transaction('rw', database.flows, database.versions, async () => {
        const flow = await database.flows.get(id);
        if (!flow) return null;
        const versions = await database.versions.where('flowId').equals(id).toArray();
        await database.versions.where('flowId').equals(id).delete();
        await database.flows.delete(id);
        return { flow, versions };
      });
    },

    /** Puts a deleted flow back, history included. */
    async restoreDeleted(deleted: DeletedFlow): Promise<void> {
      await database.transaction('rw', database.flows, database.versions, async () => {
        await database.flows.put(deleted.flow);
        await database.versions.bulkPut(deleted.versions);
      });
    },

    /**
     * Records a crash recovery in the flow's history: the work the recovery brought back, so it
     * stays available after "Undo" or later edits.
     */
    async recordRecovery(recovered: FlowDocument): Promise<void> {
      await database.versions.add(versionOf(recovered, 'Recovered after a crash', true, clock()));
    },

    /** Keeps a named version of the document as it is now (`auto`: kept by the app, e.g. before a restore). */
    async saveVersion(document: FlowDocument, name: string, auto = false): Promise<void> {
      await database.versions.add(versionOf(document, name.trim() || 'Untitled version', auto, clock()));
    },

    /** A flow's versions, newest first, from indexes only (no document is read). */
    async listVersions(flowId: string): Promise<VersionSummary[]> {
      return database.transaction('r', database.versions, async () => {
        const autos = new Set((await autoVersions(flowId)).map((v) => v.id));
        const out: VersionSummary[] = [];
        await database.versions
          .where('[flowId+createdAt+nodeCount+name]')
          .between(...flowRange(flowId))
          .eachKey((key, cursor) => {
            const [, createdAt, nodeCount, name] = key as unknown as [string, number, number, string];
            const id = cursor.primaryKey as number;
            out.push({ id, flowId, createdAt, nodeCount, name, auto: autos.has(id) });
          });
        return out.reverse();
      });
    },

    /** One version with its document. */
    async version(id: number): Promise<VersionRecord | undefined> {
      return database.versions.get(id);
    },

    async removeVersion(id: number): Promise<void> {
      await database.versions.delete(id);
    },

    async all(): Promise<FlowRecord[]> {
      return database.flows.orderBy('updatedAt').reverse().toArray();
    },

    /**
     * Every flow as the list shows it, most recently updated first, from an index (no document
     * is read). A row the index cannot hold (a field that is not a valid key) is read instead, so
     * no flow is ever left out.
     */
    async summaries(): Promise<FlowSummary[]> {
      return database.transaction('r', database.flows, async () => {
        const out = ((await database.flows.orderBy(FLOW_SUMMARY_INDEX).keys()) as unknown as SummaryKey[]).map(summaryOf);
        if (out.length !== (await database.flows.count())) {
          const listed = new Set(out.map((f) => f.id));
          const missing = ((await database.flows.toCollection().primaryKeys()) as string[]).filter((id) => !listed.has(id));
          for (const row of await database.flows.bulkGet(missing)) if (row) out.push(withoutDocument(row));
        }
        return out.sort((a, b) => b.updatedAt - a.updatedAt);
      });
    },

    /** The stored flows of these kinds, with their documents (the campaigns screen's forms read them). */
    async ofKinds(kinds: readonly FlowRecord['kind'][]): Promise<FlowRecord[]> {
      const ids = (await this.summaries()).filter((f) => kinds.includes(f.kind)).map((f) => f.id);
      return (await database.flows.bulkGet(ids)).filter((r): r is FlowRecord => r !== undefined);
    },
  };
}

/** A key of the flows' summary index. */
type SummaryKey = [id: string, updatedAt: number, createdAt: number, nodeCount: number, kind: FlowRecord['kind'], name: string];

function summaryOf([id, updatedAt, createdAt, nodeCount, kind, name]: SummaryKey): FlowSummary {
  return { id, name, kind, updatedAt, createdAt, nodeCount };
}

function withoutDocument({ document: _document, ...summary }: FlowRecord): FlowSummary {
  return summary;
}

export type FlowRepository = ReturnType<typeof createFlowRepository>;

export const flowRepository = createFlowRepository(db);
