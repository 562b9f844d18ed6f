import { useEffect, useMemo, useState } from 'react';
import type { FlowDocument } from '../../src-shared/flow/index';
import type { LiveStats } from '../../src-shared/host/live-contract';
import { flowLabels } from '../preview/flow-labels';
import { useSyncHost } from '../sync/sync-context';
import { inFlightRows } from './live-model';
import '../styles/live.css';

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; revision: string; byRevision: LiveStats[] };
/** Revisions looked at, newest first: pausing and resuming write revisions, so journeys may sit a few back. */
const LOOK_BACK = 10;

async function loadInFlight(host: ReturnType<typeof useSyncHost>, backend: string, flowId: string): Promise<Loaded> {
  const flow = await host.live.flow({ backend, flowId });
  if (!flow.ok) return { status: 'error', message: flow.error.message };
  const newest = Number(flow.flow.revision.slice(1));
  const revisions = Array.from({ length: Math.min(LOOK_BACK, newest) }, (_, i) => `r${newest - i}`);
  const answers = await Promise.all(revisions.map((revision) => host.live.stats({ backend, flowId, revision })));
  const failed = answers.find((a) => !a.ok && a.error.kind !== 'not-found');
  if (failed && !failed.ok) return { status: 'error', message: failed.error.message };
  return { status: 'ready', revision: flow.flow.revision, byRevision: answers.flatMap((a) => (a.ok ? [a.stats] : [])) };
}

/**
 * Before publishing an edit over a live flow: per step, how many journeys are in flight on the
 * live revision and what happens to them (they finish on it; the runner pins every journey to
 * the revision it entered with), so nobody publishes blind over contacts mid-journey.
 */
export function InFlightImpact({ backend, flowId, doc }: { backend: string; flowId: string; doc: FlowDocument }) {
  const host = useSyncHost();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    loadInFlight(host, backend, flowId).then(
      (r) => current && setLoaded(r),
      (e: unknown) => current && setLoaded({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [host, backend, flowId]);
  const labels = useMemo(() => flowLabels(doc), [doc]);
  if (loaded.status === 'loading') return <p className="muted live-impact" data-testid="in-flight" data-state="loading">Checking journeys in flight…</p>;
  if (loaded.status === 'error')
    return (
      <p className="muted live-impact" data-testid="in-flight" data-state="error">
        Could not check journeys in flight: {loaded.message}
      </p>
    );
  const rows = loaded.byRevision.flatMap((stats) => inFlightRows(doc, stats, labels.node).map((r) => ({ ...r, revision: stats.revision })));
  const total = rows.reduce((a, r) => a + r.inFlight, 0);
  if (total === 0)
    return (
      <p className="muted live-impact" data-testid="in-flight" data-state="ready">
        No journeys are in flight: the new version applies to everyone who enters from now on.
      </p>
    );
  return (
    <div className="live-impact" data-testid="in-flight" data-state="ready">
      <p>
        <strong>
          {total} journey{total === 1 ? ' is' : 's are'} in flight.
        </strong>{' '}
        Each finishes on the version it entered with; contacts who enter after publishing get the new version.
      </p>
      <table className="live-impact__table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">In flight</th>
            <th scope="col">After publishing</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.revision}-${r.nodeId}`} data-node-id={r.nodeId} data-revision={r.revision}>
              <th scope="row">{r.label}</th>
              <td data-col="in-flight">{r.inFlight}</td>
              <td>{r.inNewVersion ? `Stay on ${r.revision}` : `Stay on ${r.revision}: this step is not in the new version`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
