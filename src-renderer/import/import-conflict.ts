import { createStore } from 'zustand/vanilla';
import { newId, type FlowDocument } from '../../src-shared/flow/index';

export type ConflictChoice = 'replace' | 'keep-both' | 'cancel';

/** An import waiting for the marketer: these flows already exist here under the same campaign id. */
export interface PendingConflict {
  fileName: string;
  /** The names the saved flows have now, and the names in the file. */
  flows: { id: string; savedName: string; importedName: string }[];
  /** Whether the file has flows that do not clash too (they are imported whatever is chosen, unless cancelled). */
  others: number;
  answer: (choice: ConflictChoice) => void;
}

/** The one question open at a time; the dialog reads it, the import awaits the answer. */
export const conflictStore = createStore<{ pending: PendingConflict | null }>()(() => ({ pending: null }));

/** Asks whether to replace the saved flows, keep both or cancel; resolves when answered. */
export function askConflict(question: Omit<PendingConflict, 'answer'>): Promise<ConflictChoice> {
  return new Promise((resolve) => {
    conflictStore.setState({
      pending: {
        ...question,
        answer: (choice) => {
          conflictStore.setState({ pending: null });
          resolve(choice);
        },
      },
    });
  });
}

/**
 * "Keep both": each clashing document becomes a new flow (new campaign id, "(imported)" after its
 * name); the saved flows stay as they are.
 */
export function asCopies(documents: readonly FlowDocument[], clashing: ReadonlySet<string>, makeId: () => string = () => newId('flow')): FlowDocument[] {
  return documents.map((d) => (clashing.has(d.campaign.id) ? { ...d, campaign: { ...d.campaign, id: makeId(), name: `${d.campaign.name} (imported)`.slice(0, 200), status: 'draft' as const } } : d));
}
