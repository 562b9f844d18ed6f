import { useMemo, useState } from 'react';
import { exportFlowJson, validateFlow, type FlowDocument, type Problem } from '../../src-shared/flow/index';
import { useFlow } from '../db/use-flows';
import { ProblemList } from '../import/problem-list';
import { exportFileName, kindLabels, plural } from '../ui/format';
import { AlertIcon, ArrowLeftIcon, CheckIcon, CloseIcon, DownloadIcon } from '../ui/icons';
import { navigate } from '../ui/use-route';
import { downloadText } from './download';
import { FlowCanvas } from './flow-canvas';

/** "2 errors · 1 warning": only the severities present. */
function describeCounts(problems: readonly Problem[]): string {
  const count = (severity: Problem['severity']) => problems.filter((problem) => problem.severity === severity).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'note')];
  return parts.filter((part) => !part.startsWith('0 ')).join(' · ');
}

function ProblemsButton({ count, errors, open, onToggle }: { count: number; errors: number; open: boolean; onToggle: () => void }) {
  if (count === 0) {
    return (
      <span className="status-pill status-pill--ok" data-testid="problem-count">
        <CheckIcon size={14} />
        No problems
      </span>
    );
  }
  return (
    <button type="button" className={`status-pill ${errors > 0 ? 'status-pill--error' : 'status-pill--warning'}`} aria-expanded={open} onClick={onToggle} data-testid="problem-count">
      <AlertIcon size={14} />
      {plural(count, 'problem')}
    </button>
  );
}

function FlowView({ document }: { document: FlowDocument }) {
  // Validated once per document version; "now" is when the flow was opened.
  const problems = useMemo(() => validateFlow(document, { now: new Date() }), [document]);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const [showProblems, setShowProblems] = useState(false);
  const { campaign } = document;

  return (
    <div className="screen">
      <header className="topbar topbar--flow">
        <button type="button" className="icon-button" onClick={() => navigate({ screen: 'flows' })} aria-label="Back to flows" title="Back to flows">
          <ArrowLeftIcon size={18} />
        </button>
        <div className="flow-title">
          <h1 className="flow-title__name" data-testid="flow-name">
            {campaign.name || 'Untitled flow'}
          </h1>
          <span className={`tag tag--${campaign.kind}`}>{kindLabels[campaign.kind]}</span>
          <span className="muted">{plural(document.nodes.length, 'node')}</span>
        </div>
        <div className="topbar__actions">
          <ProblemsButton count={problems.length} errors={errors} open={showProblems} onToggle={() => setShowProblems((value) => !value)} />
          <button type="button" className="button" onClick={() => downloadText(exportFileName(campaign.name), exportFlowJson(document))}>
            <DownloadIcon />
            Export JSON
          </button>
        </div>
      </header>
      <div className="flow-body">
        <FlowCanvas document={document} problems={problems} />
        {showProblems && problems.length > 0 && (
          <aside className="panel problems-drawer" aria-label="Problems">
            <header className="panel__header">
              <div className="panel__titles">
                <h2 className="panel__title">Problems</h2>
                <p className="panel__subtitle">{describeCounts(problems)}</p>
              </div>
              <button type="button" className="icon-button" onClick={() => setShowProblems(false)} aria-label="Close problems">
                <CloseIcon />
              </button>
            </header>
            <div className="panel__content">
              <ProblemList problems={problems} />
            </div>
          </aside>
        )}
      </div>
    </div>
  );
}

/** One flow, opened from the list. */
export function FlowScreen({ id }: { id: string }) {
  const flow = useFlow(id);
  if (flow === undefined) return <div className="screen" />;
  if (flow === null) {
    return (
      <div className="screen screen--center">
        <div className="missing">
          <h1 className="page-title">This flow no longer exists</h1>
          <p className="muted">It may have been deleted in another window.</p>
          <button type="button" className="button button--primary" onClick={() => navigate({ screen: 'flows' })}>
            Back to flows
          </button>
        </div>
      </div>
    );
  }
  return <FlowView key={flow.updatedAt} document={flow.document} />;
}
