import { useEffect, useMemo, useState } from 'react';
import type { InFlightForecast, InFlightGroup } from '../../src-shared/engine/in-flight-forecast';
import type { FlowDocument } from '../../src-shared/flow/index';
import { createEngineClient } from '../preview/worker/engine-client';
import { openEngineWorker } from '../preview/worker/engine-worker-port';
import { figure, forecastRows, type ForecastRow } from './impact-model';

/** Days the forecast looks ahead. */
export const FORECAST_DAYS = 14;

type Forecast = { status: 'running' } | { status: 'error'; message: string } | { status: 'ready'; stay: InFlightForecast; moved: InFlightForecast; movable: string[]; elapsedMs: number };

/**
 * The journeys in flight simulated forward on the live version and on the edited one, side by
 * side per step. It runs in the preview's engine worker (its own, started here and stopped when
 * the panel closes), so thousands of journeys never hold up the page.
 */
export function ImpactForecast({ live, next, revision, stayOn, groups, label }: { live: FlowDocument; next: FlowDocument; revision: string; stayOn: string; groups: InFlightGroup[]; label: (id: string) => string }) {
  const [forecast, setForecast] = useState<Forecast>({ status: 'running' });
  const key = JSON.stringify(groups);
  useEffect(() => {
    const client = createEngineClient(openEngineWorker);
    let current = true;
    client.call('forecast.inFlight', { live, next, groups: JSON.parse(key) as InFlightGroup[], days: FORECAST_DAYS }).then(
      (r) => current && setForecast({ status: 'ready', ...r }),
      (e: unknown) => current && setForecast({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
      client.dispose();
    };
  }, [live, next, key]);
  const rows = useMemo(() => (forecast.status === 'ready' ? forecastRows(forecast.stay, forecast.moved, { live, next }, label) : []), [forecast, live, next, label]);

  return (
    <section className="live-forecast" data-testid="impact-forecast" data-state={forecast.status} aria-label="Forecast of the journeys in flight">
      <h3 className="live-forecast__title">Forecast for the next {FORECAST_DAYS} days</h3>
      <p className="muted live-forecast__method">
        Simulated with the preview’s journey engine: each waiting contact is a synthetic contact of the population preview (same attributes, reply chances and delays) who arrives now at the step it waits at; a timer starts over, since the time already waited is not counted. Left: everyone stays on the version they entered with ({stayOn}), simulated with the steps of the live version, {revision}. Right: contacts at steps the new version also has (a Wait or a reply step of the same kind) move to it; the others stay.
      </p>
      {forecast.status === 'running' && <p className="muted">Simulating {groups.reduce((a, g) => a + g.count, 0)} journeys…</p>}
      {forecast.status === 'error' && <p className="live-line live-line--error">The forecast could not run: {forecast.message}</p>}
      {forecast.status === 'ready' && <ForecastTable rows={rows} stay={forecast.stay} moved={forecast.moved} revision={stayOn} />}
    </section>
  );
}

function ForecastTable({ rows, stay, moved, revision }: { rows: ForecastRow[]; stay: InFlightForecast; moved: InFlightForecast; revision: string }) {
  const sampled = stay.simulated < stay.journeys || moved.simulated < moved.journeys;
  const cells = (f: { sent: number; exited: number; completed: number }, side: string) => (
    <>
      <td data-col={`${side}-sent`}>{figure(f.sent, sampled)}</td>
      <td data-col={`${side}-exited`}>{figure(f.exited, sampled)}</td>
      <td data-col={`${side}-completed`} className="live-forecast__edge">
        {figure(f.completed, sampled)}
      </td>
    </>
  );
  return (
    <>
      <table className="live-impact__table live-forecast__table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Step
            </th>
            <th scope="colgroup" colSpan={3} className="live-forecast__edge">
              Stay on {revision}
            </th>
            <th scope="colgroup" colSpan={3}>
              Moved to the new version
            </th>
          </tr>
          <tr>
            {['stay', 'moved'].map((side) => (
              <FigureHeads key={side} edge={side === 'stay'} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.nodeId} data-node-id={r.nodeId} data-differs={r.differs || undefined}>
              <th scope="row">{r.label}</th>
              {cells(r.stay, 'stay')}
              {cells(r.moved, 'moved')}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-node-id="total">
            <th scope="row">All steps</th>
            {cells(stay.totals, 'stay')}
            {cells(moved.totals, 'moved')}
          </tr>
        </tfoot>
      </table>
      <p className="muted">
        Still waiting after {FORECAST_DAYS} days: {figure(stay.totals.waiting, sampled)} staying, {figure(moved.totals.waiting, sampled)} moved.
        {sampled && ` Estimated from ${stay.simulated} simulated contacts and scaled.`}
      </p>
    </>
  );
}

function FigureHeads({ edge }: { edge: boolean }) {
  return (
    <>
      <th scope="col" title="Messages that will be sent">
        Sent
      </th>
      <th scope="col" title="Journeys that leave the flow here (an exit or the goal)">
        Exits
      </th>
      <th scope="col" title="Journeys that finish here" className={edge ? 'live-forecast__edge' : undefined}>
        Completed
      </th>
    </>
  );
}
