import { useMemo } from 'react';
import { useStore } from 'zustand';
import { flowLabels } from '../preview/flow-labels';
import { JourneyTimeline } from '../preview/journey/journey-timeline';
import { usePreview } from '../preview/preview-context';
import { describeOutcome, OUTCOME_TONE } from '../preview/preview-format';
import { shownJourney, type PreviewState } from '../preview/preview-store';
import { ArrowLeftIcon } from '../ui/icons';
import type { LiveState, LiveStore } from './live-store';

const selectJourney = (s: LiveState) => s.journey;
const selectShown = (s: PreviewState) => shownJourney(s);
const selectFrame = (s: PreviewState) => s.frame;

/** One contact's real journey: the preview's timeline (same keys and explanations) over the runner's trace; sends Chatwoot refused say why. */
export function LiveJourneyView({ store }: { store: LiveStore }) {
  const journey = useStore(store, selectJourney);
  const shown = usePreview(selectShown);
  const frame = usePreview(selectFrame);
  const labels = useMemo(() => (shown ? flowLabels(shown.doc) : null), [shown]);
  if (!journey) return null;
  const back = (
    <button type="button" className="icon-button" aria-label="Back to the list" title="Back to the list" onClick={() => store.getState().closeJourney()}>
      <ArrowLeftIcon size={16} />
    </button>
  );
  if (journey.status !== 'ready' || !journey.detail || !shown || shown.source !== 'live' || !labels) {
    return (
      <section className="preview-section">
        <div className="preview-results__head">{back}</div>
        {journey.status === 'error' ? (
          <div className="preview-error" role="alert">
            Could not load the journey: {journey.error}
          </div>
        ) : (
          <div className="preview-loading" role="status">
            <span className="preview-spinner" aria-hidden="true" />
            Loading the journey…
          </div>
        )}
      </section>
    );
  }
  const d = journey.detail;
  const failedSends = d.sends.filter((s) => s.status === 'failed');
  const outcome = d.status === 'failed' ? `Failed: ${d.error ?? 'unknown reason'}` : frame?.finished ? describeOutcome(frame.finished.status, frame.finished.reason, labels.node, labels.exit) : frame?.waiting.length ? `At this step: waiting at ${frame.waiting.map((n) => `“${labels.node(n)}”`).join(', ')}` : frame?.current ? `At this step: at “${labels.node(frame.current)}”` : 'In the journey';
  return (
    <div className="preview-results live-journey" data-testid="live-journey" data-journey={d.id}>
      <div className="preview-results__head">
        {back}
        <div className="preview-results__title">
          <h2>{shown.title}</h2>
          <span className="muted">
            A real journey on {d.revision} · {d.trace.length} steps
          </span>
        </div>
      </div>
      <div className="preview-outcome" data-tone={OUTCOME_TONE[d.status === 'failed' ? 'exited' : d.status]} data-testid="live-journey-outcome">
        {outcome}
      </div>
      {failedSends.length > 0 && (
        <div className="preview-error" role="alert" data-testid="live-failed-sends">
          {failedSends.map((s) => (
            <div key={s.nodeId}>
              “{labels.node(s.nodeId)}” failed: {s.reason ?? 'refused'}
            </div>
          ))}
        </div>
      )}
      <JourneyTimeline view={shown.view} labels={labels} />
    </div>
  );
}
