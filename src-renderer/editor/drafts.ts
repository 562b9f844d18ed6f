import { FlowDocument } from '../../src-shared/flow/index';

/** What the editor keeps between autosaves so a crash or a closed window loses nothing. */
export interface Draft {
  flowId: string;
  /** When the draft was written (ms since the epoch). */
  savedAt: number;
  document: FlowDocument;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (flowId: string) => `campaign-studio:draft:${flowId}`;

/**
 * Drafts in synchronous storage (localStorage): written within a moment of every edit, read
 * back when the flow opens. A draft that cannot be written (storage full) is skipped quietly;
 * the autosave still runs.
 */
export function createDraftStore(storage: DraftStorage | undefined) {
  return {
    write(draft: Draft): boolean {
      try {
        storage?.setItem(keyOf(draft.flowId), JSON.stringify(draft));
        return true;
      } catch {
        return false;
      }
    },
    read(flowId: string): Draft | null {
      try {
        const text = storage?.getItem(keyOf(flowId));
        if (!text) return null;
        const raw = JSON.parse(text) as Partial<Draft>;
        const parsed = FlowDocument.safeParse(raw.document);
        if (!parsed.success || typeof raw.savedAt !== 'number' || raw.flowId !== flowId) return null;
        return { flowId, savedAt: raw.savedAt, document: parsed.data };
      } catch {
        return null;
      }
    },
    clear(flowId: string): void {
      try {
        storage?.removeItem(keyOf(flowId));
      } catch {
        // nothing to do: a stale draft is ignored when it is older than the saved flow
      }
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;

/**
 * Whether a draft holds work the database does not: written after the last save, and different
 * from what was saved.
 */
export function isRecoverable(draft: Draft | null, saved: { updatedAt: number; document: FlowDocument }): draft is Draft {
  return draft !== null && draft.savedAt > saved.updatedAt && JSON.stringify(draft.document) !== JSON.stringify(saved.document);
}
