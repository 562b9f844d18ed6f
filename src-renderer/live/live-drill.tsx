import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useEditor } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { flowLabels } from '../preview/flow-labels';
import { ArrowLeftIcon } from '../ui/icons';
import { LIVE_PAGE, type LiveDrill, type LiveState, type LiveStore } from './live-store';

const selectDoc = (s: EditorState) => s.doc;
const selectDrill = (s: LiveState) => s.drill;
const STATES: { id: LiveDrill['state']; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'running', label: 'Waiting' },
  { id: 'ended', label: 'Completed' },
  { id: 'exited', label: 'Exited' },
  { id: 'failed', label: 'Failed' },
];
const STATUS_TEXT = { running: 'In the flow', ended: 'Completed', exited: 'Exited', failed: 'Failed' } as const;
const STATUS_TONE = { running: 'info', ended: 'success', exited: 'neutral', failed: 'danger' } as const;

/** The contacts at one node in one state, a page at a time; each opens its real journey. */
export function LiveDrillList({ store }: { store: LiveStore }) {
  const drill = useStore(store, selectDrill);
  const doc = useEditor(selectDoc);
  const labels = useMemo(() => flowLabels(doc), [doc]);
  if (!drill) return null;
  const page = drill.back.length;
  return (
    <section className="preview-section live-drill" data-testid="live-drill" data-node={drill.nodeId} data-state={drill.status}>
      <div className="preview-results__head">
        <button type="button" className="icon-button" aria-label="Back to the figures" title="Back to the figures" onClick={() => store.getState().closeDrill()}>
          <ArrowLeftIcon size={16} />
        </button>
        <div className="preview-results__title">
          <h2>{labels.node(drill.nodeId)}</h2>
          <span className="muted">{drill.scope === 'reached' ? 'Contacts who reached this step' : 'Contacts waiting here or whose last step was here'}</span>
        </div>
      </div>
      <div className="live-drill__states" role="radiogroup" aria-label="Journey state">
        {STATES.map((s) => (
          <button key={s.id} type="button" role="radio" aria-checked={drill.state === s.id} className={`live-drill__state${drill.state === s.id ? ' is-active' : ''}`} onClick={() => store.getState().setDrillState(s.id)}>
            {s.label}
          </button>
        ))}
      </div>
      {drill.status === 'error' ? (
        <div className="preview-error" role="alert">
          Could not list the contacts: {drill.error}
        </div>
      ) : drill.rows.length === 0 && drill.status === 'ready' ? (
        <p className="muted" data-testid="live-drill-empty">
          No contacts here in that state.
        </p>
      ) : (
        <ul className="live-drill__rows" aria-busy={drill.status === 'loading'}>
          {drill.rows.map((j) => (
            <li key={j.id}>
              <button type="button" className="live-drill__row" onClick={() => void store.getState().openJourney(j.id)} data-testid="live-contact" data-journey={j.id} data-contact={j.contactId}>
                <strong>
                  {j.contactId}
                  {j.test && (
                    <span className="preview-pill live-test-pill" data-tone="warning" title="Sent with “Send a test”: not counted in the figures">
                      Test
                    </span>
                  )}
                </strong>
                <span className="preview-pill" data-tone={STATUS_TONE[j.status]}>{STATUS_TEXT[j.status]}</span>
                <span className="muted">
                  {j.waitingAt.length ? `waiting at ${j.waitingAt.map(labels.node).join(', ')}` : j.lastNode ? `last at ${labels.node(j.lastNode)}` : ''}
                  {j.error ? ` · ${j.error}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="live-drill__pager">
        <button type="button" className="button button--small" disabled={page === 0 || drill.status === 'loading'} onClick={() => store.getState().drillPage('back')}>
          Previous
        </button>
        <span className="muted">
          Page {page + 1} · {LIVE_PAGE} a page
        </span>
        <button type="button" className="button button--small" disabled={!drill.nextCursor || drill.status === 'loading'} onClick={() => store.getState().drillPage('next')} data-testid="live-drill-next">
          Next
        </button>
      </div>
    </section>
  );
}
