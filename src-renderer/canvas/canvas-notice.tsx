import { useEffect } from 'react';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { AlertIcon, CheckIcon, CloseIcon } from '../ui/icons';

const selectNotice = (s: EditorState) => s.notice;

/** Why something was refused (a connection, deleting the trigger), or what just happened; fades by itself. */
export function CanvasNotice() {
  const notice = useEditor(selectNotice);
  const api = useEditorApi();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => api.getState().dismissNotice(), notice.tone === 'refusal' ? 6000 : 4500);
    return () => clearTimeout(timer);
  }, [notice, api]);
  if (!notice) return null;
  return (
    <div key={notice.id} className="canvas-notice" data-tone={notice.tone === 'refusal' ? 'danger' : 'success'} role={notice.tone === 'refusal' ? 'alert' : 'status'} data-testid="canvas-notice">
      {notice.tone === 'refusal' ? <AlertIcon size={16} /> : <CheckIcon size={16} />}
      <span>{notice.message}</span>
      <button type="button" className="icon-button icon-button--small" aria-label="Dismiss" onClick={() => api.getState().dismissNotice()}>
        <CloseIcon size={14} />
      </button>
    </div>
  );
}
