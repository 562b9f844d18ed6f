import { useEffect, useMemo } from 'react';
import { useEditor, useEditorApi } from '../../editor/editor-context';
import type { EditorState } from '../../editor/editor-store';
import { DrillDown } from './drill-down';
import { flowFingerprint } from '../flow-fingerprint';
import { flowLabels } from '../flow-labels';
import { MessagesChart } from './messages-chart';
import { bucketTime } from '../overlay-model';
import { populationInstant } from './population-instant';
import { usePreview, usePreviewApi } from '../preview-context';
import { formatCount, formatWhen, percent } from '../preview-format';
import type { PreviewState } from '../preview-store';
import { AudiencePanel, useAudienceSize } from './audience-panel';
import { BranchFigures, ConversionFigures, rangeText, RunsNote } from './forecast-figures';
import { MAX_RUNS, outcomeRangeAt } from './forecast-runs';
import { warmFlowJson } from '../worker/flow-wire';

const selectPopulation = (s: PreviewState) => s.population;
const selectSettings = (s: PreviewState) => s.settings;
const selectDrill = (s: PreviewState) => s.drill !== null;
const selectBucket = (s: PreviewState) => s.bucket;
const selectDoc = (s: EditorState) => s.doc;
const selectRuns = (s: PreviewState) => s.runs;

/** What a run is: how many users (the audience's size), over how many days, from which seed, how many times. Replies, events and exits come from the audience. */
const FIELDS: { key: 'users' | 'days' | 'seed' | 'runs'; label: string; min: number; max: number; hint?: string }[] = [
  { key: 'users', label: 'Users', min: 1, max: 1_000_000 },
  { key: 'days', label: 'Days', min: 1, max: 365 },
  { key: 'seed', label: 'Seed', min: 0, max: 2 ** 31 },
  { key: 'runs', label: 'Runs', min: 1, max: MAX_RUNS, hint: 'Seeds run one after another; several give medians with ranges.' },
];

/** Population simulation: settings, progress with cancel, then the summary (or a node's users). */
export function PopulationTab() {
  const population = usePreview(selectPopulation);
  const drillOpen = usePreview(selectDrill);
  const doc = useEditor(selectDoc);
  // A run sends the flow to the workers as text: made now while the page is idle, not in the Run click's task.
  useEffect(() => warmFlowJson(doc), [doc]);
  if (drillOpen && population.status === 'ready') return <DrillDown />;
  return (
    <div className="sim-tab">
      <Settings running={population.status === 'running'} />
      <AudiencePanel running={population.status === 'running'} />
      {population.status === 'running' && <Progress done={population.done} total={population.total} />}
      {population.status === 'idle' && (
        <div className="preview-empty" data-testid="sim-empty">
          <svg className="preview-empty__art" viewBox="0 0 96 56" aria-hidden="true">
            <rect x="4" y="18" width="22" height="20" rx="5" />
            <rect x="37" y="6" width="22" height="20" rx="5" />
            <rect x="37" y="32" width="22" height="20" rx="5" />
            <rect x="70" y="18" width="22" height="20" rx="5" />
            <path d="M26 28h5l6-12M31 28l6 14M59 16l6 12h5M59 42l6-14" />
          </svg>
          <strong>See how thousands of people move through this flow</strong>
          <p>Each simulated user signs up at a random time, replies now and then and may meet an exit. You get counts on every step, a replay over time and every user’s journey.</p>
        </div>
      )}
      {population.status === 'cancelled' && (
        <div className="preview-note" role="status" data-testid="sim-cancelled">
          Cancelled after {formatCount(population.done)} of {formatCount(population.total)} users{population.run ? ` (run ${population.run.index} of ${population.run.of})` : ''}. Nothing was kept.
        </div>
      )}
      {population.status === 'error' && (
        <div className="preview-error" role="alert">
          <strong>The simulation failed.</strong> {population.message}
        </div>
      )}
      {population.status === 'ready' && <Summary />}
    </div>
  );
}

function Settings({ running }: { running: boolean }) {
  const settings = usePreview(selectSettings);
  const runs = usePreview(selectRuns);
  const api = usePreviewApi();
  const editor = useEditorApi();
  const setUsers = useAudienceSize();
  const values = { ...settings, runs };
  const change = (key: (typeof FIELDS)[number]['key'], v: number) => {
    if (key === 'users') setUsers(v);
    else if (key === 'runs') api.getState().setRuns(v);
    else api.getState().setSettings({ [key]: v });
  };
  return (
    <form
      className="preview-section sim-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void api.getState().runPopulation(editor.getState().doc);
      }}
    >
      <div className="sim-settings__grid sim-settings__grid--four">
        {FIELDS.map((f) => (
          <label key={f.key} className="field" title={f.hint}>
            <span className="field__label">{f.label}</span>
            <input
              className="form-input form-input--compact"
              type="number"
              min={f.min}
              max={f.max}
              value={values[f.key]}
              aria-label={f.label}
              disabled={running}
              onChange={(e) => change(f.key, Math.max(f.min, Math.min(f.max, Math.floor(Number(e.target.value)) || 0)))}
            />
          </label>
        ))}
      </div>
      <div className="preview-run">
        {/* Distinct keys: React must not turn the clicked Cancel into the submit button while its click is still being handled (that would start a new run). */}
        {running ? (
          <button key="cancel" type="button" className="button" onClick={() => api.getState().cancelPopulation()} data-testid="cancel-simulation">
            Cancel
          </button>
        ) : (
          <button key="run" type="submit" className="button button--primary" data-testid="run-simulation">
            Run simulation
          </button>
        )}
      </div>
    </form>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  return (
    <div className="sim-progress" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label="Simulation progress" data-testid="sim-progress">
      <div className="sim-progress__bar">
        <div className="sim-progress__fill" style={{ width: `${(done / Math.max(1, total)) * 100}%` }} />
      </div>
      <span className="muted">
        {formatCount(done)} of {formatCount(total)} users · the canvas stays usable
      </span>
    </div>
  );
}

function Summary() {
  const population = usePreview(selectPopulation);
  const bucket = usePreview(selectBucket);
  const doc = useEditor(selectDoc);
  const api = usePreviewApi();
  const editor = useEditorApi();
  const fingerprint = useMemo(() => flowFingerprint(doc), [doc]);
  if (population.status !== 'ready') return null;
  const { view } = population;
  const labels = flowLabels(population.doc);
  // Every number here is of the slider's instant, like the canvas; totals say they are totals.
  const now = populationInstant(view, bucket);
  const { entered, ended: completed, exited } = now;
  const spread = population.forecast;
  const range = (column: 0 | 1 | 2) => (spread ? rangeText(outcomeRangeAt(view, spread, column, now.bucket)) : '');
  const when = now.final ? `at the end of ${view.spec.days} days` : `by ${formatWhen(now.at, 'UTC')} UTC`;
  return (
    <div className="sim-summary" data-testid="sim-summary">
      {population.fingerprint !== fingerprint && (
        <div className="preview-stale" role="status">
          The flow changed since this run.
          <button type="button" className="button button--small" onClick={() => void api.getState().runPopulation(editor.getState().doc)}>
            Re-run
          </button>
        </div>
      )}
      {population.saveError && (
        <div className="preview-error" role="alert" data-testid="sim-save-error">
          <strong>This run was not saved.</strong> {population.saveError} It stays here until you run again or leave the flow.
        </div>
      )}
      <p className="sim-when" data-testid="sim-when">{now.timed ? `Journeys ${when}` : `Totals over the whole period (this run was saved before the slider could show earlier instants)`}</p>
      <div className="sim-cards">
        <Card label="Entered" value={entered} hint={`of ${formatCount(view.users)} users`} range={range(0)} />
        <Card label="Completed" value={completed} hint={percent(completed, entered)} tone="success" range={range(1)} />
        <Card label="Exited early" value={exited} hint={percent(exited, entered)} tone="warning" range={range(2)} />
        <Card label="Still in journey" value={now.running} hint={percent(now.running, entered)} />
      </div>
      <RunsNote spread={spread} seed={view.spec.seed} />
      <BranchFigures doc={population.doc} view={view} now={now} spread={spread} />
      <ConversionFigures doc={population.doc} view={view} spread={spread} />
      {Object.keys(view.exits).length > 0 && (
        <section className="preview-section">
          <div className="preview-section__head">
            <h2 className="preview-section__title">Exits</h2>
            <span className="field__hint">whole period</span>
          </div>
          <ul className="sim-bars">
            {Object.entries(view.exits)
              .sort((a, b) => b[1] - a[1])
              .map(([id, n]) => (
                <li key={id} className="sim-bars__row">
                  <span>{labels.exit(id)}</span>
                  <span className="sim-bars__track">
                    <span className="sim-bars__fill" style={{ width: percent(n, view.journeys) }} />
                  </span>
                  <span className="sim-bars__value">
                    {formatCount(n)}
                    {spread?.exits[id] && <span className="forecast-range">{rangeText([Math.floor(spread.exits[id].p5), Math.ceil(spread.exits[id].p95)])}</span>}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      )}
      <section className="preview-section">
        <h2 className="preview-section__title">Messages per day</h2>
        <MessagesChart byDay={view.messagesByDay} marker={(bucketTime(view, now.bucket) - view.timeline.start) / 86_400_000} />
      </section>
      <p className="field__hint">
        {formatCount(view.users)} users{spread ? ` × ${spread.runs} runs` : ''} simulated in {(view.elapsedMs / 1000).toFixed(1)} s. Click a count on the canvas to see who reached that step.
      </p>
    </div>
  );
}

function Card({ label, value, hint, tone, range }: { label: string; value: number; hint: string; tone?: 'success' | 'warning'; range?: string }) {
  return (
    <div className={`sim-card${tone ? ` sim-card--${tone}` : ''}`}>
      <span className="sim-card__label">{label}</span>
      <span className="sim-card__value" data-testid={`sim-${label.toLowerCase().replace(/\s+/g, '-')}`}>
        {formatCount(value)}
      </span>
      <span className="sim-card__hint">{hint}</span>
      {range && (
        <span className="sim-card__hint forecast-range" data-testid={`sim-${label.toLowerCase().replace(/\s+/g, '-')}-range`}>
          {range}
        </span>
      )}
    </div>
  );
}
