import { useMemo } from 'react';
import type { Problem } from '../../src-shared/flow/index';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { describeCounts } from '../editor/problems';
import { useProblems, useProblemsChecked } from '../editor/use-problems';
import { AlertIcon, CloseIcon } from '../ui/icons';
import { severityTone } from '../ui/tone';

const selectOpen = (s: EditorState) => s.problemsOpen;
const selectNodes = (s: EditorState) => s.doc.nodes;

const SEVERITY: Record<Problem['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** Every validation problem; choosing one selects and centres its step, or opens the settings it is about. */
export function ProblemsPanel() {
  return useEditor(selectOpen) ? <OpenProblemsPanel /> : null;
}

/**
 * The panel while it is open. Its own component, so that a closed panel (the usual case) reads
 * neither the flow's steps nor its problems: on a 5,000-step flow the step-name map alone was
 * 5,000 entries (and their garbage) on every open of the editor and every edit.
 */
function OpenProblemsPanel() {
  const nodes = useEditor(selectNodes);
  const api = useEditorApi();
  const problems = useProblems();
  const checked = useProblemsChecked();
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, n.data.label || n.type])), [nodes]);
  const go = (p: Problem) => {
    const state = api.getState();
    if (p.nodeId && labels.has(p.nodeId)) state.focusNode(p.nodeId);
    else if (p.edgeId) state.select({ nodes: [], edges: [p.edgeId] });
    else if (p.path.startsWith('$.campaign')) state.setPanel('campaign');
  };
  return (
    <section className="problems-panel" aria-label="Problems" data-testid="problems-panel">
      <header className="problems-panel__header">
        <AlertIcon size={15} />
        <h2 className="problems-panel__title">Problems</h2>
        <span className="muted">{problems.length ? describeCounts(problems) : checked ? 'None: this flow is ready.' : 'Checking…'}</span>
        <button type="button" className="icon-button icon-button--small problems-panel__close" aria-label="Close problems" onClick={() => api.getState().setProblemsOpen(false)}>
          <CloseIcon size={14} />
        </button>
      </header>
      <ul className="problems-panel__list">
        {problems.map((p, i) => (
          <li key={`${p.path}-${p.code}-${i}`}>
            <button type="button" className="problem-row" onClick={() => go(p)} data-testid="problem" data-node-id={p.nodeId ?? ''} data-code={p.code}>
              <span className="problem-row__severity" data-tone={severityTone[p.severity]}>{SEVERITY[p.severity]}</span>
              <span className="problem-row__message">{p.message}</span>
              <span className="problem-row__where">{p.nodeId ? (labels.get(p.nodeId) ?? p.nodeId) : p.path.startsWith('$.campaign') ? 'Campaign settings' : p.path}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
