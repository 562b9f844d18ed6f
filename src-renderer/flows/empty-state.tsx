import { ImportButton } from '../import/import-button';
import { FlowIcon, PlusIcon } from '../ui/icons';
import { ExampleList } from './example-list';
import type { ExamplesState } from './use-examples';

interface EmptyStateProps {
  onNew: () => void;
  onImportFile: (file: File) => void;
  onOpenExample: (file: string) => void;
  examples: ExamplesState;
}

/** The first thing a new user sees: three ways to get a flow on screen. */
export function EmptyState({ onNew, onImportFile, onOpenExample, examples }: EmptyStateProps) {
  return (
    <section className="empty-state" data-testid="empty-state">
      <div className="empty-state__art" aria-hidden="true">
        <FlowIcon size={40} />
      </div>
      <h1 className="empty-state__title">Design your first campaign flow</h1>
      <p className="empty-state__lead">
        Flows describe who enters a campaign, what they receive and when. Start from scratch, import a flow file, or
        explore one of the examples. You can also drop a <code>.json</code> file anywhere in this window.
      </p>
      <div className="empty-state__actions">
        <button type="button" className="button button--primary" onClick={onNew}>
          <PlusIcon />
          New flow
        </button>
        <ImportButton onFile={onImportFile} />
      </div>
      <div className="empty-state__examples">
        <h2 className="section-title">Open an example</h2>
        <ExampleList state={examples} onOpen={onOpenExample} />
      </div>
    </section>
  );
}
