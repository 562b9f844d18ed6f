import { useMemo, useState } from 'react';
import { FlowDocument, newId } from '../../src-shared/flow/index';
import type { Conflict, ConflictChoice } from '../../src-shared/sync/index';
import { selectNotify, useAppStore } from '../state/app-store';
import { Dialog } from '../ui/dialog';
import { CloseIcon } from '../ui/icons';
import { conflictRows } from './conflict-rows';
import { useSyncLoop } from './sync-context';

const DONE: Record<ConflictChoice, string> = {
  'keep-local': 'Publishing your version over the published one.',
  'take-remote': 'Took the published version; yours is kept in the history.',
  'keep-copy': 'Took the published version; yours is kept as a new flow “(my version)”.',
};

/**
 * Both sides of a conflict, side by side with the differing fields marked, and the three ways
 * out. Nothing is overwritten until the user picks one.
 */
export function ConflictDialog({ flow, backend, conflict, onClose }: { flow: FlowDocument; backend: string; conflict: Conflict; onClose: () => void }) {
  const loop = useSyncLoop();
  const notify = useAppStore(selectNotify);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remote = useMemo(() => {
    const parsed = FlowDocument.safeParse(conflict.remote.document);
    return parsed.success ? parsed.data : null;
  }, [conflict]);
  const rows = useMemo(() => conflictRows(flow, conflict.remote.deleted ? null : remote), [flow, remote, conflict]);
  const deleted = conflict.remote.deleted;

  const choose = async (choice: ConflictChoice) => {
    setBusy(true);
    const result = await loop.resolve(flow.campaign.id, backend, choice, newId('flow'));
    setBusy(false);
    if (!result.ok) return setError(result.reason);
    notify(deleted ? (choice === 'keep-local' ? 'Publishing it again.' : 'Unlinked; the flow stays here.') : DONE[choice]);
    onClose();
  };

  return (
    <Dialog onClose={onClose} className="sync-conflict" aria-labelledby="sync-conflict-title" data-testid="conflict-dialog">
      <header className="dialog__header">
        <div>
          <h2 id="sync-conflict-title" className="dialog__title">
            {deleted ? 'The published campaign was deleted' : 'Changed in two places'}
          </h2>
          <p className="muted">{conflict.remote.summary || `“${flow.campaign.name}” was changed here and on ${backend} since it was last published.`}</p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      <table className="sync-conflict__table" data-testid="conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">On this computer (mine)</th>
            <th scope="col">On {backend} (theirs)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className={row.differs ? 'sync-conflict__row--differs' : undefined} data-differs={row.differs || undefined}>
              <th scope="row">
                {row.label}
                {row.differs && <span className="sync-conflict__changed">changed</span>}
              </th>
              <td className="sync-conflict__value">{row.local}</td>
              <td className="sync-conflict__value">{row.remote}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="sync-conflict__error" role="alert">
          {error}
        </p>
      )}
      <footer className="dialog__footer">
        {deleted ? (
          <>
            <ChoiceButton busy={busy} onClick={() => void choose('take-remote')} title="Unlink" hint="Keep the flow here, unpublished." />
            <ChoiceButton busy={busy} primary onClick={() => void choose('keep-local')} title="Publish again" hint={`Create it anew on ${backend}.`} />
          </>
        ) : (
          <>
            <ChoiceButton busy={busy} onClick={() => void choose('take-remote')} title="Take theirs" hint="Replace this flow with the published version. Yours stays in the history." />
            <ChoiceButton busy={busy} onClick={() => void choose('keep-copy')} title="Keep a copy" hint="Take theirs here, and keep yours as a new unpublished flow." />
            <ChoiceButton busy={busy} primary onClick={() => void choose('keep-local')} title="Keep mine" hint={`Publish this version over the one on ${backend}.`} />
          </>
        )}
      </footer>
    </Dialog>
  );
}

function ChoiceButton({ title, hint, onClick, busy, primary = false }: { title: string; hint: string; onClick: () => void; busy: boolean; primary?: boolean }) {
  return (
    <button type="button" className={`sync-choice-button${primary ? ' sync-choice-button--primary' : ''}`} onClick={onClick} disabled={busy}>
      <span className="sync-choice-button__title">{title}</span>
      <span className="sync-choice-button__hint">{hint}</span>
    </button>
  );
}
