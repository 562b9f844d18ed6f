import { useEditorApi } from '../../editor/editor-context';
import { JourneyResults } from './journey-results';
import { usePreview, usePreviewApi } from '../preview-context';
import type { PreviewState } from '../preview-store';
import { ScenarioForm } from './scenario-form';

const selectJourney = (s: PreviewState) => s.journey;

/** One user: the scenario form, then the journey it produced. */
export function JourneyTab() {
  const journey = usePreview(selectJourney);
  const api = usePreviewApi();
  const editor = useEditorApi();
  if (journey.status === 'running') {
    return (
      <div className="preview-loading" role="status" data-testid="preview-loading">
        <span className="preview-spinner" aria-hidden="true" />
        Running the journey…
      </div>
    );
  }
  if (journey.status === 'ready') return <JourneyResults shown={journey.shown} />;
  return (
    <>
      {journey.status === 'error' && (
        <div className="preview-error" role="alert">
          <strong>The preview could not run.</strong> {journey.message}
          <button type="button" className="button button--small" onClick={() => void api.getState().runPreview(editor.getState().doc)}>
            Try again
          </button>
        </div>
      )}
      <ScenarioForm />
    </>
  );
}
