import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { conflictStore, type PendingConflict } from './import-conflict';

const selectPending = (s: { pending: PendingConflict | null }) => s.pending;

/**
 * Importing a flow that is already here (same campaign id): replace it (its current state is kept
 * as a version), keep both, or cancel. A native modal <dialog>: focus stays inside, Escape cancels.
 */
export function ImportConflictDialog() {
  const pending = useStore(conflictStore, selectPending);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!pending || !dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      pending.answer('cancel');
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, [pending]);
  if (!pending) return null;
  const one = pending.flows.length === 1 ? pending.flows[0]! : null;
  return (
    <dialog ref={ref} className="import-conflict" aria-labelledby="import-conflict-title" data-testid="import-conflict">
      <h2 id="import-conflict-title" className="import-conflict__title">
        {one ? `“${one.savedName}” is already here` : `${pending.flows.length} flows in ${pending.fileName} are already here`}
      </h2>
      <p className="import-conflict__text">
        {one
          ? `${pending.fileName} holds “${one.importedName}” with the same campaign id as your saved flow “${one.savedName}”.`
          : `These flows have the same campaign ids as flows you have: ${pending.flows.map((f) => `“${f.savedName}”`).join(', ')}.`}
        {pending.others > 0 ? ` The other ${pending.others} flow${pending.others === 1 ? '' : 's'} in the file are new and are imported either way.` : ''}
      </p>
      <ul className="import-conflict__choices">
        <li>
          <strong>Replace</strong>: the file’s version takes the place of yours; yours is kept in History as “Before import”.
        </li>
        <li>
          <strong>Keep both</strong>: the file’s version is added as a new flow named “… (imported)”.
        </li>
      </ul>
      <div className="import-conflict__actions">
        <button type="button" className="button" onClick={() => pending.answer('cancel')} data-testid="conflict-cancel">
          Cancel
        </button>
        <button type="button" className="button" onClick={() => pending.answer('keep-both')} data-testid="conflict-keep-both">
          Keep both
        </button>
        <button type="button" className="button button--primary" onClick={() => pending.answer('replace')} data-testid="conflict-replace" autoFocus>
          Replace
        </button>
      </div>
    </dialog>
  );
}
