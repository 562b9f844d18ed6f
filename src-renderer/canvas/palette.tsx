import { useReactFlow } from '@xyflow/react';
import { nodeDefinitions, type NodeKind } from '../../src-shared/flow/index';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { nodeIcons } from './nodes/node-icons';

/** The drag data type of a palette block; its value is the node kind. */
export const PALETTE_MIME = 'application/x-campaign-studio-kind';

const selectHasTrigger = (s: EditorState) => s.doc.nodes.some((n) => n.type === 'trigger');
const selectAfter = (s: EditorState) => (s.selection.nodes.length === 1 ? (s.doc.nodes.find((n) => n.id === s.selection.nodes[0])?.data.label ?? null) : null);

const GROUPS: readonly { title: string; kinds: readonly NodeKind[] }[] = [
  { title: 'Messages', kinds: ['send'] },
  { title: 'Logic', kinds: ['filter', 'split', 'wait', 'inbound-message'] },
  { title: 'Actions', kinds: ['assign', 'end'] },
  { title: 'Start', kinds: ['trigger'] },
];

/**
 * The blocks a flow is made of. Drag one onto the canvas (or onto a connection to insert it);
 * click one to add it after the selected step.
 */
export function Palette() {
  const api = useEditorApi();
  const hasTrigger = useEditor(selectHasTrigger);
  const afterLabel = useEditor(selectAfter);
  const { screenToFlowPosition } = useReactFlow();
  const add = (kind: NodeKind) => {
    const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const centre = canvas ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }) : { x: 0, y: 0 };
    api.getState().addAfterSelection(kind, { x: Math.round((centre.x - 106) / 20) * 20, y: Math.round(centre.y / 20) * 20 });
  };
  return (
    <aside className="palette" aria-label="Blocks">
      <header className="palette__header">
        <h2 className="palette__title">Blocks</h2>
        <p className="palette__hint">{afterLabel !== null ? `Click adds after “${afterLabel || 'selected step'}”` : 'Drag onto the canvas or a connection'}</p>
      </header>
      {GROUPS.map((group) => (
        <div key={group.title} className="palette__group">
          <h3 className="palette__group-title">{group.title}</h3>
          <ul className="palette__list">
            {group.kinds.map((kind) => {
              const definition = nodeDefinitions[kind];
              const disabled = kind === 'trigger' && hasTrigger;
              return (
                <li key={kind}>
                  <button
                    type="button"
                    className={`palette__item node-accent--${kind}`}
                    draggable={!disabled}
                    disabled={disabled}
                    data-testid={`palette-${kind}`}
                    title={disabled ? 'A flow has one entry trigger.' : definition.description}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(PALETTE_MIME, kind);
                      event.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => add(kind)}
                  >
                    <span className="palette__icon" aria-hidden="true">
                      {nodeIcons[kind]}
                    </span>
                    <span className="palette__text">
                      <span className="palette__name">{definition.title}</span>
                      <span className="palette__description">{definition.description}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </aside>
  );
}
