import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { db } from '../db/db';
import { flowRepository, type DeletedFlow } from '../db/flow-repository';
import { purgeDeletedFlowSync } from '../db/sync-purge';
import { useFlows } from '../db/use-flows';
import { ImportButton } from '../import/import-button';
import { useFlowImport } from '../import/use-flow-import';
import { AppHeader } from '../ui/app-nav';
import { AppVersion } from '../ui/app-version';
import { plural } from '../ui/format';
import { PlusIcon, SearchIcon } from '../ui/icons';
import { useNow } from '../ui/use-now';
import { navigate } from '../ui/use-route';
import { EmptyState } from './empty-state';
import { ExamplesMenu } from './examples-menu';
import { filterFlows, sortFlows, type FlowSort } from './filter-flows';
import { FlowRow } from './flow-row';
import { useExamples } from './use-examples';

export function FlowsScreen() {
  const flows = useFlows();
  const examples = useExamples();
  const { importFile, importExample } = useFlowImport();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [sort, setSort] = useState<FlowSort>('updated');
  const visible = useMemo(() => sortFlows(filterFlows(flows ?? [], deferredQuery), sort), [flows, deferredQuery, sort]);
  const [deleted, setDeleted] = useState<DeletedFlow | null>(null);
  // Once Undo is no longer offered (timed out, or the screen left), the flow is gone for good:
  // its sync records go too. Until then they stay, so Undo brings back its publish state.
  const undoable = useRef<string | null>(null);
  useEffect(() => {
    if (!deleted) return;
    const id = deleted.flow.id;
    undoable.current = id;
    const timer = setTimeout(() => {
      setDeleted(null);
      undoable.current = null;
      void purgeDeletedFlowSync(db, id);
    }, 10_000);
    return () => clearTimeout(timer);
  }, [deleted]);
  useEffect(
    () => () => {
      if (undoable.current) void purgeDeletedFlowSync(db, undoable.current);
    },
    [],
  );
  const deleteFlow = async (id: string) => {
    // A second deletion replaces the first one's Undo: that flow is now gone for good.
    if (undoable.current) void purgeDeletedFlowSync(db, undoable.current);
    undoable.current = null;
    setDeleted(await flowRepository.remove(id));
  };
  const undoDelete = async () => {
    if (!deleted) return;
    undoable.current = null;
    setDeleted(null);
    await flowRepository.restoreDeleted(deleted);
  };
  const duplicateFlow = async (id: string) => {
    const copy = await flowRepository.duplicate(id);
    if (copy) navigate({ screen: 'flow', id: copy });
  };
  const now = useNow();

  const createFlow = async () => navigate({ screen: 'flow', id: await flowRepository.create('Untitled flow') });
  const openFlow = (id: string) => navigate({ screen: 'flow', id });
  const onImportFile = (file: File) => void importFile(file);
  const onOpenExample = (file: string) => void importExample(file);

  return (
    <div className="screen">
      <AppHeader current="flows">
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
      </AppHeader>
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
              <div className="flows__tools">
              <label className="sort">
                <span className="sort__label">Sort</span>
                <select className="form-select form-select--compact" value={sort} onChange={(event) => setSort(event.target.value as FlowSort)} aria-label="Sort flows">
                  <option value="updated">Last updated</option>
                  <option value="created">Newest</option>
                  <option value="name">Name</option>
                </select>
              </label>
              <label className="search">
                <SearchIcon />
                <input type="search" placeholder="Search flows" value={query} onChange={(event) => setQuery(event.target.value)} aria-label="Search flows" />
              </label>
              </div>
            </div>
            {visible.length === 0 ? (
              <p className="flows__none muted">No flow matches “{query}”.</p>
            ) : (
              <ul className="flow-list" data-testid="flow-list">
                {visible.map((flow) => (
                  <FlowRow key={flow.id} flow={flow} now={now} onOpen={openFlow} onDelete={(id) => void deleteFlow(id)} onDuplicate={(id) => void duplicateFlow(id)} />
                ))}
              </ul>
            )}
          </section>
        )}
      </main>
      {deleted && (
        <div className="undo-toast" role="status" data-testid="undo-delete">
          <span>Deleted “{deleted.flow.name || 'Untitled flow'}”</span>
          <button type="button" className="button button--small" onClick={() => void undoDelete()}>
            Undo
          </button>
        </div>
      )}
      <footer className="statusbar">
        <AppVersion />
      </footer>
    </div>
  );
}
