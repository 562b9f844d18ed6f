import { JourneyTab } from './journey/journey-tab';
import { PopulationTab } from './population/population-tab';
import { usePreview, usePreviewApi } from './preview-context';
import type { PreviewState, PreviewTab } from './preview-store';
import { SavedTab } from './saved/saved-tab';
import '../styles/preview.css';

const selectTab = (s: PreviewState) => s.tab;
const TABS: { id: PreviewTab; label: string }[] = [
  { id: 'journey', label: 'One user' },
  { id: 'population', label: 'Population' },
  { id: 'saved', label: 'Saved' },
];

/** Preview mode's side panel, where the inspector is in edit mode. */
export function PreviewPanel() {
  const tab = usePreview(selectTab);
  const api = usePreviewApi();
  return (
    <aside className="inspector preview-panel" aria-label="Preview" data-testid="preview-panel">
      <div className="inspector-tabs" role="tablist" aria-label="Preview">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={`inspector-tabs__tab${tab === t.id ? ' is-active' : ''}`} onClick={() => api.getState().setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="preview-panel__scroll">
        {tab === 'journey' && <JourneyTab />}
        {tab === 'population' && <PopulationTab />}
        {tab === 'saved' && <SavedTab />}
      </div>
    </aside>
  );
}
