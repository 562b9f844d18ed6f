import { useEffect, useState } from 'react';
import { createDraftStore, type Draft } from '../editor/drafts';
import { draftRepository } from './draft-repository';

/** Drafts an earlier version of the app left in localStorage (read once, then cleared with the rest). */
export const legacyDrafts = createDraftStore(typeof localStorage === 'undefined' ? undefined : localStorage);

/**
 * The newest recovery draft of a flow, from IndexedDB (or a legacy localStorage one):
 * `undefined` while reading, `null` when there is none.
 */
export function useRecoveryDraft(flowId: string): Draft | null | undefined {
  const [draft, setDraft] = useState<{ flowId: string; draft: Draft | null } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    draftRepository
      .read(flowId)
      .catch(() => null)
      .then((stored) => {
        const legacy = legacyDrafts.read(flowId);
        const newest = [stored, legacy].filter((d): d is Draft => d !== null).sort((a, b) => b.savedAt - a.savedAt)[0] ?? null;
        if (live) setDraft({ flowId, draft: newest });
      });
    return () => {
      live = false;
    };
  }, [flowId]);
  return draft?.flowId === flowId ? draft.draft : undefined;
}
