import { useMemo, useState } from 'react';
import { useEditor, useEditorApi } from '../../editor/editor-context';
import type { EditorState } from '../../editor/editor-store';
import { ArrowLeftIcon, CheckIcon } from '../../ui/icons';
import { flowFingerprint } from '../flow-fingerprint';
import { flowLabels } from '../flow-labels';
import { ForkForm } from './fork-form';
import { JourneyTimeline } from './journey-timeline';
import { usePreview, usePreviewApi } from '../preview-context';
import { describeOutcome, OUTCOME_TONE } from '../preview-format';
import { shownJourney, type PreviewState, type ShownJourney } from '../preview-store';
import { RegressionReport } from '../saved/regression-report';
import { UserState } from './user-state';

const selectDoc = (s: EditorState) => s.doc;
const selectFork = (s: PreviewState) => s.fork;
const selectRegression = (s: PreviewState) => s.regression;
const selectJourneyAndFork = (s: PreviewState) => s.journey;
const selectFrame = (s: PreviewState) => s.frame;

/** A journey on screen: its outcome, the user's state at the cursor, fork and the step timeline. */
export function JourneyResults({ shown: base }: { shown: ShownJourney }) {
  const api = usePreviewApi();
  const editor = useEditorApi();
  const doc = useEditor(selectDoc);
  const fork = usePreview(selectFork);
  const regression = usePreview(selectRegression);
  const journey = usePreview(selectJourneyAndFork);
  const frame = usePreview(selectFrame);
  const shown = useMemo(() => shownJourney({ journey, fork }) ?? base, [journey, fork, base]);
  const stale = useMemo(() => flowFingerprint(doc) !== base.fingerprint, [doc, base.fingerprint]);
  const labels = useMemo(() => flowLabels(shown.doc), [shown.doc]);
  const [saved, setSaved] = useState(false);
  const view = shown.view;
  // The banner is of the selected step, like the canvas: "Ended at …" only once the journey has ended.
  const atEnd = frame !== null && frame.cursor >= view.steps.length - 1;
  const status = frame?.finished?.status ?? 'running';
  const outcome = frame?.finished
    ? describeOutcome(frame.finished.status, frame.finished.reason, labels.node, labels.exit)
    : atEnd
      ? describeOutcome('running', null, labels.node, labels.exit)
      : frame?.waiting.length
        ? `In the journey: waiting at ${frame.waiting.map((n) => `“${labels.node(n)}”`).join(', ')}`
        : frame?.current
          ? `In the journey: at “${labels.node(frame.current)}”`
          : 'In the journey';

  return (
    <div className="preview-results" data-testid="journey-results">
      <div className="preview-results__head">
        <button type="button" className="icon-button" aria-label="Back to the scenario" title="Back to the scenario" onClick={() => api.getState().editScenario()}>
          <ArrowLeftIcon size={16} />
        </button>
        <div className="preview-results__title">
          <h2>{base.title}</h2>
          <span className="muted">{base.source === 'population' ? 'A user from the simulation, replayed' : base.source === 'saved' ? 'Saved preview, re-run' : `${view.steps.length} steps`}</span>
        </div>
        {base.source === 'scenario' && (
          <button
            type="button"
            className="button button--small"
            disabled={saved}
            onClick={() => void api.getState().savePreview('').then(() => setSaved(true))}
            data-testid="save-preview"
          >
            {saved ? <CheckIcon size={14} /> : null}
            {saved ? 'Saved' : 'Save preview'}
          </button>
        )}
      </div>
      {stale && (
        <div className="preview-stale" role="status">
          The flow changed since this run.
          <button type="button" className="button button--small" onClick={() => void api.getState().runPreview(editor.getState().doc)}>
            Re-run
          </button>
        </div>
      )}
      {regression && <RegressionReport />}
      {view.steps.length === 0 ? (
        <div className="preview-empty" data-testid="journey-empty">
          <strong>This user never entered the journey.</strong>
          <p>{view.refused[0] ? `Entry refused: ${view.refused[0].why}.` : 'Nothing in the script fires the trigger. Add the trigger’s event (or page visit) to the script.'}</p>
        </div>
      ) : (
        <>
          <div className="preview-outcome" data-tone={OUTCOME_TONE[status]} data-testid="journey-outcome">
            {view.journeys.length > 1 && <span className="preview-outcome__count">Journey {(frame?.journey ?? 0) + 1} of {view.journeys.length} · </span>}
            {outcome}
          </div>
          <UserState timezone={view.profile.timezone} labels={labels} />
          <ForkForm />
          {fork.status === 'error' && (
            <div className="preview-error" role="alert">
              The fork could not run: {fork.message}
            </div>
          )}
          <JourneyTimeline view={view} labels={labels} />
        </>
      )}
    </div>
  );
}
