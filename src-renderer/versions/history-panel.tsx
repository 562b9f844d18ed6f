import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { VersionSummary } from '../db/schema';
import { flowRepository } from '../db/flow-repository';
import { useVersions } from '../db/use-flows';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { formatRelativeTime, plural } from '../ui/format';
import { TrashIcon } from '../ui/icons';
import { useNow } from '../ui/use-now';
import { versionChanges } from './version-diff';
import '../styles/versions.css';

const selectFlowId = (s: EditorState) => s.doc.campaign.id;
const selectDoc = (s: EditorState) => s.doc;

/** Named versions and automatic ones; restoring one is an undoable edit like any other. */
export function HistoryPanel() {
  const api = useEditorApi();
  const flowId = useEditor(selectFlowId);
  const versions = useVersions(flowId);
  const [name, setName] = useState('');
  const [previewing, setPreviewing] = useState<number | null>(null);
  const now = useNow(30_000);
  const save = async () => {
    await flowRepository.saveVersion(api.getState().doc, name);
    api.getState().notify(`Saved version “${name.trim() || 'Untitled version'}”`);
    setName('');
  };
  return (
    <div className="inspector__scroll" data-testid="history-panel">
      <form
        className="version-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field__label" htmlFor="version-name">
          Save this state as a version
        </label>
        <div className="version-form__row">
          <input id="version-name" className="form-input" placeholder="Ready for review" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button button--primary">
            Save version
          </button>
        </div>
      </form>
      {versions === undefined ? null : versions.length === 0 ? (
        <p className="form-note">No versions yet. Autosave keeps one every few minutes while you edit.</p>
      ) : (
        <ol className="version-list">
          {versions.map((v) => (
            <li key={v.id} className={`version${v.auto ? ' version--auto' : ''}`} data-testid="version">
              <div className="version__text">
                <span className="version__name">{v.name}</span>
                <span className="version__meta">
                  <time dateTime={new Date(v.createdAt).toISOString()} title={new Date(v.createdAt).toLocaleString()}>
                    {formatRelativeTime(v.createdAt, now)}
                  </time>
                  {' · '}
                  {plural(v.nodeCount, 'step')}
                  {v.auto ? ' · automatic' : ''}
                </span>
              </div>
              <button type="button" className="button button--small" aria-expanded={previewing === v.id} onClick={() => setPreviewing(previewing === v.id ? null : (v.id ?? null))}>
                {previewing === v.id ? 'Close' : 'Restore…'}
              </button>
              <button type="button" className="icon-button icon-button--small" aria-label={`Delete version ${v.name}`} title="Delete version" onClick={() => v.id !== undefined && void flowRepository.removeVersion(v.id)}>
                <TrashIcon size={14} />
              </button>
              {previewing === v.id && <RestorePreview version={v} onDone={() => setPreviewing(null)} />}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * What restoring a version would change, before it happens. Restoring first keeps the flow as
 * it is now as a "Before restore" version, so nothing is lost even after the undo history is.
 */
function RestorePreview({ version, onDone }: { version: VersionSummary; onDone: () => void }) {
  const api = useEditorApi();
  const doc = useEditor(selectDoc);
  // The list holds no documents (each is megabytes on a big flow): this one is read now.
  const stored = useLiveQuery(() => flowRepository.version(version.id).then((v) => v?.document ?? null), [version.id]);
  const changes = useMemo(() => (stored ? versionChanges(doc, stored) : []), [doc, stored]);
  const [busy, setBusy] = useState(false);
  if (stored === undefined) return <p className="form-note version-preview" aria-busy="true">Reading this version…</p>;
  if (stored === null) return <p className="form-note version-preview">This version was deleted.</p>;
  const restore = async () => {
    setBusy(true);
    try {
      await flowRepository.saveVersion(api.getState().doc, `Before restore of “${version.name}”`, true);
      api.getState().restore(stored, version.name);
      onDone();
    } catch (e) {
      api.getState().notify(`Could not keep a copy before restoring, so nothing was restored: ${e instanceof Error ? e.message : String(e)}`, 'refusal');
      setBusy(false);
    }
  };
  return (
    <div className="version-preview" data-testid="version-preview">
      {changes.length === 0 ? (
        <p className="form-note">This version is the same as the flow now (apart from positions).</p>
      ) : (
        <ul className="version-preview__changes" aria-label={`What restoring “${version.name}” changes`}>
          {changes.map((c, i) => (
            <li key={i} className={`version-change version-change--${c.kind}`}>
              {c.text}
            </li>
          ))}
        </ul>
      )}
      <p className="form-note">The flow as it is now is kept as a version first.</p>
      <div className="version-preview__actions">
        <button type="button" className="button button--small" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => void restore()} data-testid="confirm-restore">
          Restore this version
        </button>
      </div>
    </div>
  );
}
