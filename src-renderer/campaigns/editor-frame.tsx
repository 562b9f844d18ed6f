import type { ReactNode } from 'react';
import type { Problem } from '../../src-shared/flow/index';
import { plural } from '../ui/format';
import { AlertIcon, ArrowLeftIcon } from '../ui/icons';

interface EditorFrameProps {
  title: string;
  subtitle: string;
  onClose: () => void;
  /** Blocking problems left, once the user has tried to save. */
  errors: number;
  general: readonly Problem[];
  actions: ReactNode;
  preview?: ReactNode;
  /** The secondary action: "Cancel", or "Back" on a later step. */
  cancelLabel?: string;
  /** What the form could not show of the stored flow (kept as it is). */
  notes?: readonly string[] | undefined;
  children: ReactNode;
}

/** The layout shared by both campaign forms: heading, form column, preview column, action bar. */
export function EditorFrame({ title, subtitle, onClose, errors, general, actions, preview, cancelLabel = 'Cancel', notes, children }: EditorFrameProps) {
  return (
    <div className="editor" data-testid="campaign-editor">
      <header className="editor__header">
        <button type="button" className="icon-button" onClick={onClose} aria-label={cancelLabel === 'Cancel' ? 'Back to campaigns' : cancelLabel} title={cancelLabel === 'Cancel' ? 'Back to campaigns' : cancelLabel}>
          <ArrowLeftIcon size={18} />
        </button>
        <div>
          <h1 className="page-title">{title}</h1>
          <p className="muted">{subtitle}</p>
        </div>
      </header>
      <div className={`editor__body${preview ? '' : ' editor__body--single'}`}>
        <div className="editor__form">
          {notes && notes.length > 0 && (
            <ul className="editor__notes" role="note" data-testid="editor-notes">
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          {children}
        </div>
        {preview && <aside className="editor__preview">{preview}</aside>}
      </div>
      <footer className="editor__footer">
        {errors > 0 && (
          <p className="editor__errors" role="alert" data-testid="form-errors">
            <AlertIcon size={16} />
            {plural(errors, 'thing')} to fix before saving
            {general.length > 0 && `: ${general.map((p) => p.message).join(' ')}`}
          </p>
        )}
        <div className="editor__actions">
          <button type="button" className="button" onClick={onClose}>
            {cancelLabel}
          </button>
          {actions}
        </div>
      </footer>
    </div>
  );
}
