import { editorActions, keyCaps } from './actions/registry';
import type { ActionGroup } from './actions/types';
import { isMac } from './actions/use-editor-actions';
import { Dialog } from '../ui/dialog';
import { CloseIcon } from '../ui/icons';

const groups: readonly ActionGroup[] = ['Edit', 'Canvas', 'Flow', 'Help'];

/** Every editor action with its keys, read from the action registry (opened with `?`). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog onClose={onClose} className="shortcut-sheet" aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog">
      <header className="dialog__header">
        <h2 id="shortcuts-title" className="dialog__title">
          Keyboard shortcuts
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      <div className="shortcut-sheet__groups">
        {groups.map((group) => (
          <section key={group} className="shortcut-sheet__group">
            <h3 className="shortcut-sheet__group-title">{group}</h3>
            <dl className="shortcut-sheet__list">
              {editorActions
                .filter((action) => action.group === group && action.accelerators.length > 0)
                .map((action) => (
                  <div key={action.id} className="shortcut-sheet__row" data-action={action.id}>
                    <dt>{action.label}</dt>
                    <dd>
                      {action.accelerators.map((accelerator, i) => (
                        <span key={accelerator} className="shortcut-sheet__keys">
                          {i > 0 && <span className="shortcut-sheet__or">or</span>}
                          {keyCaps(accelerator, isMac).map((cap, j) => (
                            <kbd key={j}>{cap}</kbd>
                          ))}
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="dialog__footnote muted">Space-drag pans the canvas. In preview, ← and → step the timeline; Home and End jump to its ends.</p>
    </Dialog>
  );
}
