import { useReactFlow, useStoreApi } from '@xyflow/react';
import { fitsReadably } from '../canvas/use-readable-fit';
import { useEffect, useMemo } from 'react';
import { flowLabels } from './flow-labels';
import { FirstIcon, LastIcon, NextIcon, PrevIcon } from '../ui/icons';
import { useTimelineKeys } from './journey/journey-timeline';
import { bucketTime } from './overlay-model';
import { usePreview, usePreviewApi } from './preview-context';
import { formatWhen, OUTCOME_LABELS, OUTCOME_TONE } from './preview-format';
import { shownJourney, type PreviewState } from './preview-store';

const selectMode = (s: PreviewState) => s.mode;
const selectTab = (s: PreviewState) => s.tab;
const selectJourney = (s: PreviewState) => s.journey;
const selectFork = (s: PreviewState) => s.fork;
/** A population's dock is there from the run's start: the canvas then keeps its size when the result comes (re-measuring it then cost that frame ~15 ms on 5,000 steps). */
const selectDocked = (s: PreviewState) => (s.tab === 'population' ? s.population.status === 'ready' || s.population.status === 'running' : s.journey.status === 'ready') && s.mode !== 'edit';
const selectCursor = (s: PreviewState) => s.cursor;
const selectPopulation = (s: PreviewState) => s.population;
const selectBucket = (s: PreviewState) => s.bucket;

/** Under the canvas in preview mode: the journey's transport and scrubber, a fork's two paths, or the population's time slider. */
export function PreviewDock() {
  const mode = usePreview(selectMode);
  const tab = usePreview(selectTab);
  const { fitView, getNodes } = useReactFlow();
  const store = useStoreApi();
  // Whether a dock (transport or time slider) is shown: it takes room from the canvas.
  const docked = usePreview(selectDocked);
  // Preview is about the whole path: show every step once the panels, and the dock when it
  // appears after a run, have taken their room (else the last steps sit below the fold); a flow
  // too big to read whole keeps the view the user has.
  useEffect(() => {
    if (mode === 'edit') return;
    const frame = requestAnimationFrame(() => {
      const { width, height } = store.getState();
      if (fitsReadably(getNodes(), width, height)) void fitView({ padding: 0.08, duration: 200, maxZoom: 1 });
    });
    return () => cancelAnimationFrame(frame);
  }, [mode, docked, fitView, getNodes, store]);
  if (mode === 'live') return <JourneyDock live />;
  if (mode !== 'preview') return null;
  if (tab === 'journey') return <JourneyDock />;
  if (tab === 'population') return <PopulationDock />;
  return null;
}

function JourneyDock({ live = false }: { live?: boolean }) {
  const journey = usePreview(selectJourney);
  const fork = usePreview(selectFork);
  const cursor = usePreview(selectCursor);
  const api = usePreviewApi();
  const shown = useMemo(() => shownJourney({ journey, fork }), [journey, fork]);
  const onKeyDown = useTimelineKeys(shown?.view.steps.length ?? 0);
  const labels = useMemo(() => (shown ? flowLabels(shown.doc) : null), [shown]);
  if (!shown || !labels || shown.view.steps.length === 0 || live !== (shown.source === 'live')) return null;
  const { steps } = shown.view;
  const step = steps[cursor]!;
  const tz = shown.view.profile.timezone;
  const seek = (i: number) => api.getState().seek(i);
  return (
    <div className="preview-dock" data-testid="journey-dock">
      {fork.status === 'ready' && <ForkCompare />}
      <div className="preview-transport" role="group" aria-label="Journey playback" onKeyDown={onKeyDown}>
        <button type="button" className="icon-button" aria-label="First step" title="First step (Home)" onClick={() => seek(0)} disabled={cursor === 0}>
          <FirstIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Previous step" title="Previous step (←)" onClick={() => seek(cursor - 1)} disabled={cursor === 0} data-testid="step-back">
          <PrevIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Next step" title="Next step (→)" onClick={() => seek(cursor + 1)} disabled={cursor >= steps.length - 1} data-testid="step-forward">
          <NextIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Last step" title="Last step (End)" onClick={() => seek(steps.length - 1)} disabled={cursor >= steps.length - 1}>
          <LastIcon />
        </button>
        <input className="preview-scrubber" type="range" min={0} max={steps.length - 1} value={cursor} onChange={(e) => seek(Number(e.target.value))} aria-label="Scrub the journey" aria-valuetext={`Step ${cursor + 1}: ${labels.node(step.node)}`} data-testid="scrubber" />
        <div className="preview-transport__now" data-testid="transport-now">
          <strong>
            Step {cursor + 1} of {steps.length}
          </strong>
          <span>
            {labels.node(step.node)} · {OUTCOME_LABELS[step.outcome] ?? step.outcome}
          </span>
          <span className="muted">{formatWhen(step.t, tz)}</span>
        </div>
      </div>
    </div>
  );
}

function ForkCompare() {
  const fork = usePreview(selectFork);
  const journey = usePreview(selectJourney);
  const api = usePreviewApi();
  const labels = useMemo(() => (journey.status === 'ready' ? flowLabels(journey.shown.doc) : null), [journey]);
  if (fork.status !== 'ready' || !labels) return null;
  const { view, side } = fork;
  const change = view.change;
  const changeText = change.type === 'message' ? `replied “${change.text}”` : change.type === 'event' ? `did ${change.name}` : change.type === 'attribute' ? `set ${change.name} = ${String(change.value)}` : change.type === 'tag' ? `got tag ${change.tag}` : 'changed';
  const columns = [
    { id: 'original' as const, title: 'As scripted', v: view.original },
    { id: 'fork' as const, title: `What if the user ${changeText}`, v: view.fork },
  ];
  return (
    <div className="preview-compare" data-testid="fork-compare">
      {columns.map((c) => {
        const last = c.v.journeys.at(-1);
        return (
          <div key={c.id} className={`preview-compare__col${side === c.id ? ' is-shown' : ''}`} data-testid={`fork-${c.id}`}>
            <button type="button" className="preview-compare__head" onClick={() => api.getState().showForkSide(c.id)} aria-pressed={side === c.id}>
              <strong>{c.title}</strong>
              <span className="preview-pill" data-tone={OUTCOME_TONE[last?.status ?? 'running']} data-testid="fork-outcome">
                {last?.reason?.startsWith('end:') ? `Ended at ${labels.node(last.reason.slice(4))}` : last?.status === 'exited' ? `Exited (${labels.exit(last.reason ?? '')})` : last?.status === 'running' ? 'Still waiting' : 'Completed'}
              </span>
            </button>
            <ol className="preview-compare__steps">
              {c.v.steps.map((s, i) => (
                <li key={i} className={view.divergesAt !== null && i >= view.divergesAt ? 'is-diverged' : ''}>
                  <span className="muted">{formatWhen(s.t, c.v.profile.timezone)}</span> {labels.node(s.node)} · {OUTCOME_LABELS[s.outcome] ?? s.outcome}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}

function PopulationDock() {
  const population = usePreview(selectPopulation);
  const bucket = usePreview(selectBucket);
  const api = usePreviewApi();
  if (population.status === 'running') return <PendingDock />;
  if (population.status !== 'ready') return null;
  const { view } = population;
  const t = bucketTime(view, bucket);
  const day = Math.floor((t - view.timeline.start) / 86_400_000) + 1;
  return (
    <div className="preview-dock" data-testid="population-dock">
      <div className="preview-transport">
        <span className="sim-slider__label">Replay</span>
        <input
          className="preview-scrubber"
          type="range"
          min={0}
          max={view.timeline.buckets - 1}
          value={bucket}
          onChange={(e) => api.getState().setBucket(Number(e.target.value))}
          aria-label="Time in the simulated period"
          aria-valuetext={formatWhen(t, 'UTC')}
          data-testid="time-slider"
        />
        <div className="preview-transport__now" data-testid="slider-now">
          <strong>
            Day {Math.min(day, view.spec.days)} of {view.spec.days}
          </strong>
          <span className="muted">{formatWhen(t, 'UTC')} UTC</span>
        </div>
      </div>
    </div>
  );
}

/** The population dock while a run goes on: the slider's place, kept so the canvas does not change size when the result comes. */
function PendingDock() {
  return (
    <div className="preview-dock" data-testid="population-dock-pending">
      <div className="preview-transport">
        <span className="sim-slider__label">Replay</span>
        <input className="preview-scrubber" type="range" min={0} max={1} value={0} disabled aria-label="Time in the simulated period (once the run is done)" readOnly />
        <div className="preview-transport__now">
          <strong>Simulating…</strong>
          <span className="muted">the replay follows</span>
        </div>
      </div>
    </div>
  );
}
