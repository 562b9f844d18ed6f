import { useCallback, useEffect, useMemo, useState } from 'react';
import { importFlowValue, type FlowDocument } from '../../src-shared/flow/index';
import type { LiveFlow, LiveStats } from '../../src-shared/host/live-contract';
import { db } from '../db/db';
import { saveSyncOptions } from '../db/sync-repository';
import { flowLabels } from '../preview/flow-labels';
import { useSyncHost } from '../sync/sync-context';
import { useSyncOptions } from '../sync/use-sync-options';
import { ImpactForecast } from './impact-forecast';
import { chosenMoves, forecastGroups, impactRows, moveOption, type ImpactRow } from './impact-model';
import '../styles/live.css';

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; flow: LiveFlow; live: FlowDocument | null; byRevision: LiveStats[] };
/** Revisions looked at, newest first: pausing and resuming write revisions, so journeys may sit a few back. */
const LOOK_BACK = 10;

async function loadInFlight(host: ReturnType<typeof useSyncHost>, backend: string, flowId: string): Promise<Loaded> {
  const flow = await host.live.flow({ backend, flowId, withDocument: true });
  if (!flow.ok) return { status: 'error', message: flow.error.message };
  const newest = Number(flow.flow.revision.slice(1));
  const revisions = Array.from({ length: Math.min(LOOK_BACK, newest) }, (_, i) => `r${newest - i}`);
  const answers = await Promise.all(revisions.map((revision) => host.live.stats({ backend, flowId, revision })));
  const failed = answers.find((a) => !a.ok && a.error.kind !== 'not-found');
  if (failed && !failed.ok) return { status: 'error', message: failed.error.message };
  const imported = flow.document ? importFlowValue(flow.document, { skipValidation: true }) : null;
  return { status: 'ready', flow: flow.flow, live: imported?.ok ? imported.document : null, byRevision: answers.flatMap((a) => (a.ok ? [a.stats] : [])) };
}

/**
 * Before publishing an edit over a live flow: per step, how many journeys are in flight and
 * what happens to them. They finish on the version they entered with (the runner pins each
 * journey to its revision) unless the user moves those waiting at a step the new version also
 * has; the choice goes with the next publish (a sync option). Below, the forecast of both.
 */
export function InFlightImpact({ backend, flowId, doc }: { backend: string; flowId: string; doc: FlowDocument }) {
  const host = useSyncHost();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    loadInFlight(host, backend, flowId).then(
      (r) => current && setLoaded(r),
      (e: unknown) => current && setLoaded({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [host, backend, flowId, round]);
  const live = loaded.status === 'ready' ? loaded.live : null;
  const label = useMemo(() => {
    const next = flowLabels(doc);
    const old = live ? flowLabels(live) : null;
    return (id: string) => (doc.nodes.some((n) => n.id === id) || !old ? next.node(id) : old.node(id));
  }, [doc, live]);
  const rows = useMemo(() => (loaded.status === 'ready' ? impactRows(loaded.live, doc, loaded.byRevision, label) : []), [loaded, doc, label]);
  const groups = useMemo(() => forecastGroups(rows), [rows]);

  if (loaded.status === 'loading') return <p className="muted live-impact" data-testid="in-flight" data-state="loading">Checking journeys in flight…</p>;
  if (loaded.status === 'error')
    return (
      <p className="muted live-impact" data-testid="in-flight" data-state="error">
        Could not check journeys in flight: {loaded.message}{' '}
        <button type="button" className="button button--small" onClick={() => (setLoaded({ status: 'loading' }), setRound((n) => n + 1))}>
          Try again
        </button>
      </p>
    );
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
        Each finishes on the version it entered with, unless you move those waiting at a step the new version also has; contacts who enter after publishing get the new version.
      </p>
      <MoveTable rows={rows} flowId={doc.campaign.id} backend={backend} flow={loaded.flow} />
      {loaded.live ? <ImpactForecast key={JSON.stringify(groups)} live={loaded.live} next={doc} revision={loaded.flow.revision} stayOn={[...new Set(rows.map((r) => r.revision))].join(', ')} groups={groups} label={label} /> : <p className="muted">The live version could not be read, so there is no forecast.</p>}
    </div>
  );
}

/** The in-flight table with, per step that allows it, "move to the new version" (off by default). */
function MoveTable({ rows, flowId, backend, flow }: { rows: ImpactRow[]; flowId: string; backend: string; flow: LiveFlow }) {
  const options = useSyncOptions(flowId);
  // Shown at once on a click; the stored option (read back through Dexie) follows.
  const [clicked, setClicked] = useState<ReadonlySet<string> | null>(null);
  const chosen = clicked ?? chosenMoves(options?.[backend], flow.revision);
  const running = flow.status === 'published';
  const toggle = useCallback(
    (nodeId: string, on: boolean) => {
      const next = new Set(chosen);
      if (on) next.add(nodeId);
      else next.delete(nodeId);
      setClicked(next);
      void saveSyncOptions(db, flowId, backend, moveOption(flow.revision, next));
    },
    [chosen, flowId, backend, flow.revision],
  );
  return (
    <>
      <table className="live-impact__table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">In flight</th>
            <th scope="col">After publishing</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const moving = r.move.ok && running && chosen.has(r.nodeId);
            return (
              <tr key={`${r.revision}-${r.nodeId}`} data-node-id={r.nodeId} data-revision={r.revision}>
                <th scope="row">{r.label}</th>
                <td data-col="in-flight">{r.inFlight}</td>
                <td data-col="after">
                  {r.move.ok ? (
                    <label className="live-impact__move" title={running ? undefined : 'The flow is paused: waiting journeys move only into a running flow.'}>
                      <input type="checkbox" checked={moving} disabled={!running || options === undefined} onChange={(e) => toggle(r.nodeId, e.currentTarget.checked)} data-testid="move-waiting" />
                      {moving ? 'Move to the same step of the new version' : `Stay on ${r.revision}`}
                    </label>
                  ) : (
                    <span className="muted">
                      Stay on {r.revision}: {r.move.why}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!running && rows.some((r) => r.move.ok) && <p className="muted">The flow is paused on the runner: waiting journeys can be moved only into a running flow.</p>}
    </>
  );
}
