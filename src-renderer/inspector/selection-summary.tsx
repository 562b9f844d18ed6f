import { editorUiOf } from '../editor/actions/editor-ui';
import { findAction, runAction } from '../editor/actions/registry';
import { useEditorApi } from '../editor/editor-context';
import { plural } from '../ui/format';
import { TrashIcon } from '../ui/icons';

const SHORTCUTS: readonly [string, string][] = [
  ['Click a block in the palette', 'add it after the selected step'],
  ['Drag a block onto a connection', 'insert it between two steps'],
  ['Drag from a step’s bottom dot', 'connect it to another step'],
  ['Space + drag', 'pan the canvas'],
];

/** Several things selected, or nothing: what can be done from here. */
export function SelectionSummary({ nodes, edges }: { nodes: number; edges: number }) {
  const api = useEditorApi();
  if (nodes === 0 && edges === 0) {
    return (
      <div className="inspector__scroll inspector__empty" data-testid="selection-empty">
        <h2 className="inspector__empty-title">Nothing selected</h2>
        <p className="muted">Select a step to edit it, or open the campaign settings.</p>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="shortcuts__row">
              <dt>{keys}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        {/* The keys themselves are listed from the action registry, in one place. */}
        <button type="button" className="button button--quiet inspector__all-shortcuts" onClick={() => runAction(findAction('editor.shortcuts'), { store: api, ui: editorUiOf(api) })}>
          All keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>
    );
  }
  const parts = [nodes ? plural(nodes, 'step') : '', edges ? plural(edges, 'connection') : ''].filter(Boolean).join(' and ');
  return (
    <div className="inspector__scroll inspector__empty" data-testid="selection-summary">
      <h2 className="inspector__empty-title">{parts} selected</h2>
      <div className="inspector__actions">
        {nodes > 0 && (
          <button type="button" className="button" onClick={() => api.getState().duplicateSelection()}>
            Duplicate
          </button>
        )}
        <button type="button" className="button button--danger" onClick={() => api.getState().deleteSelection()}>
          <TrashIcon />
          Delete
        </button>
      </div>
    </div>
  );
}
