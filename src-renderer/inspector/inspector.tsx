import { useShallow } from 'zustand/react/shallow';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState, SidePanel } from '../editor/editor-store';
import { HistoryPanel } from '../versions/history-panel';
import { CampaignPanel } from './campaign-panel';
import { NodeInspector } from './node-inspector';
import { SelectionSummary } from './selection-summary';

const TABS: readonly (readonly [SidePanel, string])[] = [
  ['selection', 'Step'],
  ['campaign', 'Campaign'],
  ['history', 'History'],
];

const selectPanel = (s: EditorState) => s.panel;
const selectSingleNode = (s: EditorState) => (s.selection.nodes.length === 1 && s.selection.edges.length === 0 ? (s.doc.nodes.find((n) => n.id === s.selection.nodes[0]) ?? null) : null);
const selectCounts = (s: EditorState) => [s.selection.nodes.length, s.selection.edges.length] as const;

/** The right-hand panel: the selected step, the campaign settings or the version history. */
export function Inspector() {
  const panel = useEditor(selectPanel);
  const api = useEditorApi();
  const node = useEditor(selectSingleNode);
  const [nodeCount, edgeCount] = useEditor(useShallow(selectCounts));
  return (
    <aside className="inspector" aria-label="Inspector">
      <nav className="inspector-tabs" role="tablist" aria-label="Inspector panels">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={panel === id} className={`inspector-tabs__tab${panel === id ? ' is-active' : ''}`} onClick={() => api.getState().setPanel(id)}>
            {label}
          </button>
        ))}
      </nav>
      {panel === 'campaign' && <CampaignPanel />}
      {panel === 'history' && <HistoryPanel />}
      {panel === 'selection' && (node ? <NodeInspector key={node.id} node={node} /> : <SelectionSummary nodes={nodeCount} edges={edgeCount} />)}
    </aside>
  );
}
