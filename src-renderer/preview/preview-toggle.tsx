import { useProvideEditorUi } from '../editor/actions/editor-ui';
import { useEditorApi } from '../editor/editor-context';
import { useOptionalPreview, usePreviewApi } from './preview-context';
import type { EditorMode, PreviewState } from './preview-store';
import '../styles/preview.css';

const selectMode = (s: PreviewState) => s.mode;

/** Edit | Preview | Live: the editor's modes, in the top bar. */
export function PreviewToggle() {
  const mode = useOptionalPreview(selectMode, null);
  if (mode === null) return null;
  return <Toggle mode={mode} />;
}

const LABELS = { edit: 'Edit', preview: 'Preview', live: 'Live' } as const;

function Toggle({ mode }: { mode: EditorMode }) {
  const api = usePreviewApi();
  useProvideEditorUi(useEditorApi(), { preview: () => api.getState().setMode('preview') });
  return (
    <div className="preview-mode-toggle" role="tablist" aria-label="Editor mode">
      {(['edit', 'preview', 'live'] as const).map((m) => (
        <button key={m} type="button" role="tab" aria-selected={mode === m} className={`preview-mode-toggle__tab${mode === m ? ' is-active' : ''}`} onClick={() => api.getState().setMode(m)} data-testid={`mode-${m}`}>
          {LABELS[m]}
        </button>
      ))}
    </div>
  );
}
