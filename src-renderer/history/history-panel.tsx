import { useState } from 'react';
import { flowRepository } from '../db/flow-repository';
import { useVersions } from '../db/use-flows';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { formatRelativeTime, plural } from '../ui/format';
import { TrashIcon } from '../ui/icons';
import { useNow } from '../ui/use-now';

const selectFlowId = (s: EditorState) => s.doc.campaign.id;

/** Named versions and automatic ones; restoring one is an undoable edit like any other. */
export function HistoryPanel() {
  const api = useEditorApi();
  const flowId = useEditor(selectFlowId);
  const versions = useVersions(flowId);
  const [name, setName] = useState('');
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
              <button type="button" className="button button--small" onClick={() => api.getState().restore(v.document, v.name)}>
                Restore
              </button>
              <button type="button" className="icon-button icon-button--small" aria-label={`Delete version ${v.name}`} title="Delete version" onClick={() => v.id !== undefined && void flowRepository.removeVersion(v.id)}>
                <TrashIcon size={14} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
