import { useEffect, useState } from 'react';
import type { FlowDocument } from '../../src-shared/flow/index';
import type { FlowStats, SyncError } from '../../src-shared/sync/index';
import { useSyncHost } from './sync-context';
import { liveStatsEmpty, liveStatsErrorText, liveStatsRows } from './live-stats-model';

type StatsState =
  | { status: 'loading'; previous?: FlowStats }
  | { status: 'ready'; stats: FlowStats; at: number }
  | { status: 'error'; error: Pick<SyncError, 'kind' | 'message' | 'status'>; previous?: FlowStats };

/**
 * Per-step statistics of a published flow's live journeys (`sync.stats`): how many entered
 * each step, wait there now, and completed there; fetched when shown and on Refresh. A
 * Chatwoot backend says it reports none.
 */
export function LiveStats({ backend, remoteId, doc }: { backend: string; remoteId: string; doc: FlowDocument }) {
  const host = useSyncHost();
  const [state, setState] = useState<StatsState>({ status: 'loading' });

  // Bumped by Refresh: the effect fetches again.
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    const settle = (next: (s: StatsState) => StatsState) => current && setState(next);
    host.sync.stats({ backend, remoteId }).then(
      (answer) => settle((s) => (answer.ok ? { status: 'ready', stats: answer.stats, at: Date.now() } : { status: 'error', error: answer.error, ...(s.status === 'loading' && s.previous ? { previous: s.previous } : {}) })),
      (error: unknown) => settle((s) => ({ status: 'error', error: { kind: 'network', message: error instanceof Error ? error.message : String(error) }, ...(s.status === 'loading' && s.previous ? { previous: s.previous } : {}) })),
    );
    return () => {
      current = false;
    };
  }, [host, backend, remoteId, round]);

  // Not `disabled` while loading: a focused button that is disabled loses the focus, and the
  // Publish panel closes when the focus leaves it.
  const refresh = () => {
    if (state.status === 'loading') return;
    setState((s) => ({ status: 'loading', ...(s.status === 'ready' ? { previous: s.stats } : s.previous ? { previous: s.previous } : {}) }));
    setRound((r) => r + 1);
  };

  const unsupported = state.status === 'error' && state.error.kind === 'unsupported';
  const stats = state.status === 'ready' ? state.stats : state.previous;
  return (
    <section className="live-stats" data-testid="live-stats" data-state={state.status} aria-label={`Live statistics on ${backend}`} aria-busy={state.status === 'loading'}>
      <header className="live-stats__head">
        <span className="live-stats__title">Live journeys</span>
        <span className="live-stats__when muted">{state.status === 'loading' ? 'Loading…' : state.status === 'ready' ? `at ${new Date(state.at).toLocaleTimeString()}` : ''}</span>
        {!unsupported && (
          <button type="button" className="button button--small" onClick={refresh} aria-disabled={state.status === 'loading'} data-testid="live-stats-refresh">
            Refresh
          </button>
        )}
      </header>
      {state.status === 'error' && (
        <p className={unsupported ? 'live-stats__note' : 'live-stats__error'} role={unsupported ? undefined : 'alert'} data-testid="live-stats-error">
          {liveStatsErrorText(state.error)}
        </p>
      )}
      {stats && !unsupported && <StatsList doc={doc} stats={stats} />}
    </section>
  );
}

function StatsList({ doc, stats }: { doc: FlowDocument; stats: FlowStats }) {
  if (liveStatsEmpty(stats)) {
    return (
      <p className="live-stats__note" data-testid="live-stats-empty">
        No journeys yet: nobody has entered this flow since it was published.
      </p>
    );
  }
  const rows = liveStatsRows(doc, stats);
  const failures = rows.some((r) => r.failed > 0);
  return (
    <table className="live-stats__table" data-testid="live-stats-table">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Entered</th>
          <th scope="col">Waiting</th>
          <th scope="col">Completed</th>
          {failures && <th scope="col">Failed</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.nodeId} data-node-id={r.nodeId} className={r.notHere ? 'live-stats__gone' : undefined}>
            <th scope="row" title={r.notHere ? 'The published version has this step; the flow here no longer does.' : r.nodeId}>
              {r.step}
              {r.notHere && <span className="muted"> (not in this version)</span>}
            </th>
            <td data-col="entered">{r.entered}</td>
            <td data-col="waiting">{r.waiting}</td>
            <td data-col="completed">{r.completed}</td>
            {failures && <td data-col="failed">{r.failed}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
