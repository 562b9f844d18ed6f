import { useMemo } from 'react';
import { useEditor, useEditorApi } from '../../editor/editor-context';
import type { EditorState } from '../../editor/editor-store';
import { RUNS_KEPT_PER_FLOW } from '../../db/simulation-policy';
import { simulationRepository } from '../../db/simulation-repository';
import { useSavedPreviews, useSavedRuns } from '../../db/use-simulations';
import { formatRelativeTime } from '../../ui/format';
import { TrashIcon } from '../../ui/icons';
import { useNow } from '../../ui/use-now';
import { flowFingerprint } from '../flow-fingerprint';
import { usePreviewApi } from '../preview-context';

const selectDoc = (s: EditorState) => s.doc;

/** Saved previews (re-run to check for changes) and simulation runs (re-open), stale ones marked. */
export function SavedTab() {
  const doc = useEditor(selectDoc);
  const editor = useEditorApi();
  const api = usePreviewApi();
  const previews = useSavedPreviews(doc.campaign.id);
  const runs = useSavedRuns(doc.campaign.id);
  const now = useNow();
  const fingerprint = useMemo(() => flowFingerprint(doc), [doc]);
  const stale = (f: string) =>
    f !== fingerprint ? (
      <span className="preview-pill" data-tone="warning" title="The flow changed since this ran" data-testid="stale">
        Flow changed
      </span>
    ) : (
      <span className="preview-pill" data-tone="success">Current</span>
    );

  return (
    <div className="preview-saved" data-testid="saved-tab">
      <section className="preview-section">
        <h2 className="preview-section__title">Saved previews</h2>
        {previews === undefined ? (
          <div className="preview-skeleton" aria-hidden="true" />
        ) : previews.length === 0 ? (
          <p className="preview-empty-line">Save a one-user preview to re-run it after edits and see what changed.</p>
        ) : (
          <ul className="preview-saved__list">
            {previews.map((p) => (
              <li key={p.id} className="preview-saved__item" data-testid="saved-preview">
                <div className="preview-saved__main">
                  <strong>{p.name}</strong>
                  <span className="muted">
                    {formatRelativeTime(p.createdAt, now)} · {p.steps.length} steps
                  </span>
                </div>
                {stale(p.fingerprint)}
                <button type="button" className="button button--small" onClick={() => void api.getState().checkSavedPreview(editor.getState().doc, p)}>
                  Re-run &amp; compare
                </button>
                <button type="button" className="icon-button icon-button--small" aria-label={`Delete ${p.name}`} onClick={() => p.id !== undefined && void simulationRepository.removePreview(p.id)}>
                  <TrashIcon size={14} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="preview-section">
        <h2 className="preview-section__title">Simulation runs</h2>
        <p className="field__hint" data-testid="runs-kept">The newest {RUNS_KEPT_PER_FLOW} runs of this flow are kept; older ones are deleted as you run more.</p>
        {runs === undefined ? (
          <div className="preview-skeleton" aria-hidden="true" />
        ) : runs.length === 0 ? (
          <p className="preview-empty-line">Every population simulation you run is kept here with the flow it ran on.</p>
        ) : (
          <ul className="preview-saved__list">
            {runs.map((r) => (
              <li key={r.id} className="preview-saved__item" data-testid="saved-run">
                <div className="preview-saved__main">
                  <strong>{r.name}</strong>
                  <span className="muted">{formatRelativeTime(r.createdAt, now)}</span>
                </div>
                {stale(r.fingerprint)}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    r.id !== undefined &&
                    void simulationRepository.run(r.id).then((full) => {
                      if (full) api.getState().openSavedRun(full);
                    })
                  }
                >
                  Open
                </button>
                <button type="button" className="icon-button icon-button--small" aria-label={`Delete ${r.name}`} onClick={() => r.id !== undefined && void simulationRepository.removeRun(r.id)}>
                  <TrashIcon size={14} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
