import type { FlowDocument } from '../flow/document';
import type { OutboxEntry } from './outbox';
import type { SyncRecord } from './sync-record';

/**
 * Where the engine keeps sync records and the outbox. The app backs it with Dexie (one table
 * each); tests use {@link createMemorySyncStore}. Writes must be durable when they resolve.
 */
export interface SyncStore {
  getRecord(flowId: string, backend: string): Promise<SyncRecord | undefined>;
  putRecord(record: SyncRecord): Promise<void>;
  /**
   * Reads a record and writes what `update` makes of it as one atomic step (one transaction in
   * Dexie), so a write made meanwhile by someone else (the WhatsApp template) is not lost.
   */
  updateRecord(flowId: string, backend: string, update: (current: SyncRecord | undefined) => SyncRecord): Promise<void>;
  listOutbox(): Promise<OutboxEntry[]>;
  putOutbox(entry: OutboxEntry): Promise<void>;
  deleteOutbox(id: string): Promise<void>;
}

/** The local flows, as the engine needs them: it reads the latest version and writes only on the user's conflict choice. */
export interface LocalFlows {
  get(flowId: string): Promise<FlowDocument | undefined>;
  /** Replaces a flow (user took the remote version). */
  save(doc: FlowDocument): Promise<void>;
  /** Adds a new flow (user kept a copy of their version). */
  create(doc: FlowDocument): Promise<void>;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** An in-memory SyncStore; values are copied in and out, like a real database. */
export function createMemorySyncStore(init: { records?: SyncRecord[]; outbox?: OutboxEntry[] } = {}): SyncStore & { records(): SyncRecord[]; outbox(): OutboxEntry[] } {
  const records = new Map<string, SyncRecord>((init.records ?? []).map((r) => [`${r.backend}\u0000${r.flowId}`, copy(r)]));
  const outbox = new Map<string, OutboxEntry>((init.outbox ?? []).map((e) => [e.id, copy(e)]));
  return {
    async getRecord(flowId, backend) {
      const r = records.get(`${backend}\u0000${flowId}`);
      return r && copy(r);
    },
    async putRecord(record) {
      records.set(`${record.backend}\u0000${record.flowId}`, copy(record));
    },
    async updateRecord(flowId, backend, update) {
      const key = `${backend}\u0000${flowId}`;
      const current = records.get(key);
      const next = update(current && copy(current));
      records.set(`${next.backend}\u0000${next.flowId}`, copy(next));
    },
    async listOutbox() {
      return [...outbox.values()].map(copy);
    },
    async putOutbox(entry) {
      outbox.set(entry.id, copy(entry));
    },
    async deleteOutbox(id) {
      outbox.delete(id);
    },
    records: () => [...records.values()].map(copy),
    outbox: () => [...outbox.values()].map(copy),
  };
}

/** In-memory local flows for tests, keyed by campaign id. */
export function createMemoryFlows(docs: FlowDocument[] = []): LocalFlows & { all(): FlowDocument[] } {
  const flows = new Map(docs.map((d) => [d.campaign.id, copy(d)]));
  return {
    async get(id) {
      const d = flows.get(id);
      return d && copy(d);
    },
    async save(doc) {
      flows.set(doc.campaign.id, copy(doc));
    },
    async create(doc) {
      if (flows.has(doc.campaign.id)) throw new Error(`a flow ${doc.campaign.id} already exists`);
      flows.set(doc.campaign.id, copy(doc));
    },
    all: () => [...flows.values()].map(copy),
  };
}
