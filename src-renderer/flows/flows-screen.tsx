import { useDeferredValue, useMemo, useState } from 'react';
import { flowRepository } from '../db/flow-repository';
import { useFlows } from '../db/use-flows';
import { ImportButton } from '../import/import-button';
import { useFlowImport } from '../import/use-flow-import';
import { AppVersion } from '../ui/app-version';
import { plural } from '../ui/format';
import { FlowIcon, PlusIcon, SearchIcon } from '../ui/icons';
import { useNow } from '../ui/use-now';
import { navigate } from '../ui/use-route';
import { EmptyState } from './empty-state';
import { ExamplesMenu } from './examples-menu';
import { filterFlows } from './filter-flows';
import { FlowRow } from './flow-row';
import { useExamples } from './use-examples';

export function FlowsScreen() {
  const flows = useFlows();
  const examples = useExamples();
  const { importFile, importExample } = useFlowImport();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const visible = useMemo(() => filterFlows(flows ?? [], deferredQuery), [flows, deferredQuery]);
  const now = useNow();

  const createFlow = async () => navigate({ screen: 'flow', id: await flowRepository.create('Untitled flow') });
  const openFlow = (id: string) => navigate({ screen: 'flow', id });
  const onImportFile = (file: File) => void importFile(file);
  const onOpenExample = (file: string) => void importExample(file);

  return (
    <div className="screen">
      <header className="topbar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            <FlowIcon size={18} />
          </span>
          <span className="brand__name">Campaign Studio</span>
        </div>
        {flows && flows.length > 0 && (
          <div className="topbar__actions">
            <ExamplesMenu state={examples} onOpen={onOpenExample} />
            <ImportButton onFile={onImportFile} />
            <button type="button" className="button button--primary" onClick={() => void createFlow()}>
              <PlusIcon />
              New flow
            </button>
          </div>
        )}
      </header>
      <main className="flows">
        {flows === undefined ? null : flows.length === 0 ? (
          <EmptyState onNew={() => void createFlow()} onImportFile={onImportFile} onOpenExample={onOpenExample} examples={examples} />
        ) : (
          <section className="flows__content" aria-labelledby="flows-title">
            <div className="flows__heading">
              <div>
                <h1 id="flows-title" className="page-title">
                  Flows
                </h1>
                <p className="muted">{plural(flows.length, 'flow')} on this device</p>
              </div>
              <label className="search">
                <SearchIcon />
                <input type="search" placeholder="Search flows" value={query} onChange={(event) => setQuery(event.target.value)} aria-label="Search flows" />
              </label>
            </div>
            {visible.length === 0 ? (
              <p className="flows__none muted">No flow matches “{query}”.</p>
            ) : (
              <ul className="flow-list" data-testid="flow-list">
                {visible.map((flow) => (
                  <FlowRow key={flow.id} flow={flow} now={now} onOpen={openFlow} onDelete={(id) => void flowRepository.remove(id)} />
                ))}
              </ul>
            )}
          </section>
        )}
      </main>
      <footer className="statusbar">
        <AppVersion />
      </footer>
    </div>
  );
}
