import { useEffect, useMemo, useRef } from 'react';
import { ArrowLeftIcon, SearchIcon } from '../../ui/icons';
import { Segmented } from '../../ui/segmented';
import type { DrillOutcome } from '../worker/engine-protocol';
import { flowLabels } from '../flow-labels';
import { usePreview, usePreviewApi } from '../preview-context';
import { populationInstant } from './population-instant';
import { formatCount, formatWhen, OUTCOME_TONE } from '../preview-format';
import { DRILL_PAGE, type PreviewState } from '../preview-store';

const selectDrill = (s: PreviewState) => s.drill;
const selectPopulation = (s: PreviewState) => s.population;
const selectBucket = (s: PreviewState) => s.bucket;
const OUTCOMES: readonly (readonly [DrillOutcome, string])[] = [
  ['all', 'All'],
  ['ended', 'Completed'],
  ['exited', 'Exited'],
  ['running', 'Still in'],
];
const OUTCOME_TEXT = { ended: 'Completed', exited: 'Exited', running: 'Moved on' } as const;

/** The users who reached one node: search, filter by outcome, open one in the rewind view. */
export function DrillDown() {
  const drill = usePreview(selectDrill);
  const population = usePreview(selectPopulation);
  const bucket = usePreview(selectBucket);
  const api = usePreviewApi();
  const labels = useMemo(() => (population.status === 'ready' ? flowLabels(population.doc) : null), [population]);
  const countRef = useRef<HTMLParagraphElement>(null);
  const offset = drill?.page?.offset ?? 0;
  const shownOffset = useRef(offset);
  // Another page starts at the top of the list.
  useEffect(() => {
    if (offset !== shownOffset.current) countRef.current?.scrollIntoView({ block: 'nearest' });
    shownOffset.current = offset;
  }, [offset]);
  if (!drill || !labels || population.status !== 'ready') return null;
  const page = drill.page;
  const instant = populationInstant(population.view, bucket);
  const when = instant.final ? 'by the end of the period' : `by ${formatWhen(instant.at, 'UTC')} UTC`;
  return (
    <div className="sim-drill" data-testid="drill-down">
      <div className="preview-results__head">
        <button type="button" className="icon-button" aria-label="Back to the summary" title="Back to the summary" onClick={() => api.getState().closeDrill()}>
          <ArrowLeftIcon size={16} />
        </button>
        <div className="preview-results__title">
          <h2>{labels.node(drill.nodeId)}</h2>
          <span className="muted">{page ? `${formatCount(page.reached)} users had reached this step ${when}` : `Users who had reached this step ${when}`}</span>
        </div>
      </div>
      <label className="sim-search">
        <SearchIcon size={15} />
        <input className="form-input form-input--compact" type="search" placeholder="Search by name, plan, timezone, id…" value={drill.search} aria-label="Search users" onChange={(e) => api.getState().setDrillFilter({ search: e.target.value })} />
      </label>
      <Segmented small label="Outcome" value={drill.outcome} options={OUTCOMES} onChange={(outcome) => api.getState().setDrillFilter({ outcome })} />
      {drill.status === 'preparing' && (
        <div className="sim-progress" role="status">
          <div className="sim-progress__bar">
            <div className="sim-progress__fill" style={{ width: `${drill.progress * 100}%` }} />
          </div>
          <span className="muted">Rebuilding this saved run’s users (same seed, same result)…</span>
        </div>
      )}
      {drill.status === 'error' && (
        <div className="preview-error" role="alert">
          Could not list the users: {drill.message}
        </div>
      )}
      {drill.status === 'loading' && !page && (
        <ul className="sim-users" aria-hidden="true">
          {[0, 1, 2, 3, 4].map((i) => (
            <li key={i} className="sim-user preview-skeleton" />
          ))}
        </ul>
      )}
      {page && (
        <>
          <p className="field__hint" data-testid="drill-count" ref={countRef}>
            {page.rows.length === 0 ? `No users of ${formatCount(page.reached)}` : `Showing ${page.rows.length === page.total ? formatCount(page.total) : `${formatCount(page.offset + 1)}–${formatCount(page.offset + page.rows.length)}`} of ${formatCount(page.total)}`}
            {page.total === page.reached ? '' : ` matching (${formatCount(page.reached)} reached this step)`}
          </p>
          {page.rows.length === 0 ? (
            <p className="preview-empty-line">No user matches. Try another search or outcome.</p>
          ) : (
            <ul className={`sim-users${drill.status === 'loading' ? ' is-loading' : ''}`}>
              {page.rows.map((r) => (
                <li key={r.userIndex}>
                  <button type="button" className="sim-user" onClick={() => void api.getState().openUser(r.userIndex, `${r.name} (${r.userId})`)} data-testid="drill-user">
                    <span className="sim-user__avatar" aria-hidden="true">
                      {r.name.slice(0, 1)}
                    </span>
                    <span className="sim-user__main">
                      <strong>
                        {r.name} <span className="muted">{r.userId}</span>
                      </strong>
                      <span className="muted">
                        {r.details} · {r.timezone}
                      </span>
                    </span>
                    <span className="sim-user__side">
                      <span className="preview-pill" data-tone={OUTCOME_TONE[r.outcome]} data-testid="drill-state">
                        {r.here ? 'Waiting here' : OUTCOME_TEXT[r.outcome]}
                      </span>
                      <span className="muted">{formatWhen(r.reachedAt, r.timezone)}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {page.total > DRILL_PAGE && (
            <nav className="sim-pager" aria-label="Pages of users">
              <button type="button" className="button button--small" disabled={page.offset === 0} onClick={() => api.getState().setDrillPage(page.offset - DRILL_PAGE)} data-testid="drill-prev">
                Previous {DRILL_PAGE}
              </button>
              <span className="muted">
                Page {formatCount(page.offset / DRILL_PAGE + 1)} of {formatCount(Math.ceil(page.total / DRILL_PAGE))}
              </span>
              <button type="button" className="button button--small" disabled={page.offset + DRILL_PAGE >= page.total} onClick={() => api.getState().setDrillPage(page.offset + DRILL_PAGE)} data-testid="drill-next">
                Next {DRILL_PAGE}
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
