import { FlowDocument } from '../../src-shared/flow/index';
import { applyPatch, diffDocument, patchBase, rebaseLimit, type PatchBase } from '../editor/draft-patch';
import type { Draft } from '../editor/drafts';
import { db } from './db';
import type { DraftRecord, StudioDatabase } from './schema';

/**
 * Where the Web Locks API is missing, a base no draft refers to is deleted when its flow next
 * opens once it is this old (a tab may still be writing against a younger one).
 */
export const STALE_BASE_MS = 24 * 3_600_000;

/** What the repository uses of the Web Locks API: each session holds a lock while its page lives. */
export type SessionLocks = Pick<LockManager, 'request' | 'query'>;

const lockName = (session: string) => `campaign-studio:draft-session:${session}`;
const webLocks = (): SessionLocks | undefined => (typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined);

/** The time a session started, from its key (`draftSession`). */
const sessionStart = (session: string) => parseInt(session.split('-')[0] ?? '', 36);

/** A key for one editing session (a page): its start time in base 36, then a random part. */
export function draftSession(now = Date.now()): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Crash-recovery drafts in IndexedDB. `write` is called on every edit and issues its
 * transaction before returning (no timer, no await): the edit is on its way to disk while the
 * keystroke is still being handled, and IndexedDB commits in order, so the newest write wins.
 * Killing the browser 0-200 ms after typing was measured to lose localStorage writes (committed
 * seconds later) but not these.
 *
 * A draft is written as its differences from a base document (draft-patch.ts) that this session
 * put once, in the same transaction as the first draft against it: IndexedDB clones what is put
 * synchronously, and a whole 5,000-step flow took ~60 ms of every keystroke. When a draft would
 * carry too much (`rebaseLimit`), the session puts a new base with it.
 */
export function createDraftRepository(database: StudioDatabase, onError: (e: unknown) => void = () => undefined, session = draftSession(), locks: SessionLocks | undefined = webLocks()) {
  /** This session's base of each flow it has written a draft of. */
  const bases = new Map<string, { stamp: number; base: PatchBase }>();
  let lastStamp = 0;
  /** Held from this session's first base until its page is gone: other pages then know its bases are in use. */
  let alive = false;
  const holdSessionLock = () => {
    if (alive || !locks) return;
    alive = true;
    locks.request(lockName(session), () => new Promise<void>(() => undefined)).catch(onError);
  };
  /** Whether a session's page is still open (its lock held); by age where there are no locks. */
  const inUse = async (now: number): Promise<(s: string) => boolean> => {
    if (!locks) return (s) => now - sessionStart(s) < STALE_BASE_MS;
    const held = new Set(((await locks.query()).held ?? []).map((l) => l.name));
    return (s) => held.has(lockName(s));
  };

  /** Puts or deletes through the raw IndexedDB connection when open (Dexie would start its transaction a microtask later). */
  const issue = (stores: ('drafts' | 'draftBases')[], op: (tx: IDBTransaction) => void, fallback: () => Promise<unknown>, failed: () => void = () => undefined) => {
    let reported = false;
    const fail = (e: unknown) => {
      if (reported) return;
      reported = true;
      failed();
      onError(e);
    };
    try {
      const idb = database.isOpen() ? database.backendDB() : null;
      if (idb) {
        const tx = idb.transaction(stores, 'readwrite');
        op(tx);
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => tx.error && fail(tx.error);
        // Ask the browser to commit now rather than when the task ends.
        tx.commit?.();
        return;
      }
    } catch (e) {
      fail(e);
      return;
    }
    fallback().catch(fail);
  };

  /**
   * Makes `document` this session's base of the flow. With `savedAt` of a draft, the draft of that
   * same document goes with it, in one transaction.
   */
  const rebase = (flowId: string, document: FlowDocument, stampAt: number, draftAt?: number) => {
    holdSessionLock();
    const stamp = (lastStamp = Math.max(lastStamp + 1, stampAt));
    const next = { stamp, base: patchBase(document) };
    bases.set(flowId, next);
    const baseRecord = { flowId, session, stamp, document };
    const record: DraftRecord | undefined = draftAt === undefined ? undefined : { flowId, savedAt: draftAt, patch: { session, base: stamp, ...diffDocument(next.base, document, Infinity)! } };
    issue(
      record ? ['drafts', 'draftBases'] : ['draftBases'],
      (tx) => {
        tx.objectStore('draftBases').put(baseRecord);
        if (record) tx.objectStore('drafts').put(record);
      },
      () => database.transaction('rw', database.drafts, database.draftBases, () => Promise.all([database.draftBases.put(baseRecord), record && database.drafts.put(record)])),
      // Not stored: the next draft puts a base again.
      () => bases.get(flowId) === next && bases.delete(flowId),
    );
  };

  return {
    /**
     * Puts the flow as this session's base before its first edit (when the page is idle after a
     * big flow opens), so that no keystroke pays for cloning the whole flow. Does nothing when
     * the session has a base of it already.
     */
    prepare(flowId: string, document: FlowDocument, now = Date.now()): void {
      if (!bases.has(flowId)) rebase(flowId, document, now);
    },
    write(draft: Draft): boolean {
      const { flowId, savedAt, document } = draft;
      const current = bases.get(flowId);
      const diff = current && diffDocument(current.base, document, rebaseLimit(document));
      if (current && diff) {
        const record: DraftRecord = { flowId, savedAt, patch: { session, base: current.stamp, ...diff } };
        issue(
          ['drafts'],
          (tx) => tx.objectStore('drafts').put(record),
          () => database.drafts.put(record),
        );
        return true;
      }
      // A new base, put with the first draft against it, in one transaction.
      rebase(flowId, document, savedAt, savedAt);
      return true;
    },
    clear(flowId: string): void {
      issue(
        ['drafts'],
        (tx) => tx.objectStore('drafts').delete(flowId),
        () => database.drafts.delete(flowId),
      );
    },
    /** Deletes this session's base of the flow (the editor closes with nothing left unsaved). */
    release(flowId: string): void {
      bases.delete(flowId);
      issue(
        ['draftBases'],
        (tx) => tx.objectStore('draftBases').delete([flowId, session]),
        () => database.draftBases.delete([flowId, session]),
      );
    },
    /**
     * The flow's draft, or null when there is none or it no longer reads as a flow. Deletes the
     * flow's stale bases as it goes: no draft refers to them and their page is gone (a page
     * that reloaded or crashed does not release its base).
     */
    async read(flowId: string, now = Date.now()): Promise<Draft | null> {
      const { raw, base, others } = await database.transaction('r', database.drafts, database.draftBases, async () => {
        const raw = await database.drafts.get(flowId);
        const base = raw?.patch ? await database.draftBases.get([flowId, raw.patch.session]) : undefined;
        const keys = (await database.draftBases.where('flowId').equals(flowId).primaryKeys()) as [string, string][];
        return { raw, base, others: keys.filter(([, s]) => s !== raw?.patch?.session && s !== session) };
      });
      if (others.length) {
        inUse(now)
          .then((used) => {
            const stale = others.filter(([, s]) => !used(s));
            return stale.length ? database.draftBases.bulkDelete(stale) : undefined;
          })
          .catch(onError);
      }
      if (!raw) return null;
      let document: unknown = raw.document;
      if (raw.patch) document = base && base.stamp === raw.patch.base ? applyPatch(base.document, raw.patch) : null;
      const parsed = FlowDocument.safeParse(document);
      return parsed.success && typeof raw.savedAt === 'number' ? { flowId, savedAt: raw.savedAt, document: parsed.data } : null;
    },
  };
}

export type DraftRepository = ReturnType<typeof createDraftRepository>;

export const draftRepository = createDraftRepository(db, (e) => console.warn('Could not write the recovery draft', e));
