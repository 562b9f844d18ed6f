import { useState } from 'react';
import { selectBackends, selectBackendsError, selectRefreshBackends, type BackendItem } from '../sync/backends-store';
import { useBackends, useSyncHost } from '../sync/sync-context';
import { selectNotify, useAppStore } from '../state/app-store';
import { AppHeader } from '../ui/app-nav';
import { AppVersion } from '../ui/app-version';
import { PlusIcon, TrashIcon } from '../ui/icons';
import { BackendFormView } from './backend-form';

/** Settings: the backends flows are published to. */
export function SettingsScreen() {
  const backends = useBackends(selectBackends);
  const loadError = useBackends(selectBackendsError);
  const [editing, setEditing] = useState<BackendItem | 'new' | null>(null);
  const notify = useAppStore(selectNotify);
  const taken = (backends ?? []).map((b) => b.name);

  return (
    <div className="screen">
      <AppHeader current="settings" />
      <main className="settings">
        <section className="settings__content" aria-labelledby="settings-backends-title">
          <div className="settings__heading">
            <div>
              <h1 id="settings-backends-title" className="page-title">
                Backends
              </h1>
              <p className="muted">Where flows are published: a Chatwoot account, or a Campaign Studio delivery API. Tokens stay in the app’s host process and are never shown again.</p>
            </div>
            {editing === null && backends && backends.length > 0 && (
              <button type="button" className="button button--primary" onClick={() => setEditing('new')} data-testid="add-backend">
                <PlusIcon />
                Add backend
              </button>
            )}
          </div>
          {loadError && (
            <p className="settings__error" role="alert">
              Could not read the saved backends: {loadError}
            </p>
          )}
          {editing !== null ? (
            <BackendFormView
              editing={editing === 'new' ? null : editing}
              taken={taken}
              onDone={(saved) => {
                setEditing(null);
                if (saved) notify(`Saved backend “${saved}”`);
              }}
            />
          ) : backends === undefined ? null : backends.length === 0 ? (
            <div className="settings__empty" data-testid="settings-empty">
              <h2 className="settings__empty-title">No backend connected yet</h2>
              <p className="muted">Connect Chatwoot to publish live-chat and one-off campaigns, or a delivery API to run multi-step workflows.</p>
              <button type="button" className="button button--primary" onClick={() => setEditing('new')} data-testid="add-backend">
                <PlusIcon />
                Connect a backend
              </button>
            </div>
          ) : (
            <ul className="settings__list" data-testid="backend-list">
              {backends.map((b) => (
                <BackendCard key={b.name} backend={b} onEdit={() => setEditing(b)} />
              ))}
            </ul>
          )}
        </section>
      </main>
      <footer className="statusbar">
        <AppVersion />
      </footer>
    </div>
  );
}

function BackendCard({ backend, onEdit }: { backend: BackendItem; onEdit: () => void }) {
  const host = useSyncHost();
  const refresh = useBackends(selectRefreshBackends);
  const notify = useAppStore(selectNotify);
  const [confirming, setConfirming] = useState(false);
  const c = backend.connection;
  const remove = async () => {
    await host.backends.delete({ name: backend.name });
    await refresh();
    notify(`Removed backend “${backend.name}” and its token`);
  };
  return (
    <li className="settings-backend" data-testid="backend-card" data-name={backend.name}>
      <div className="settings-backend__main">
        <p className="settings-backend__name">
          {backend.name}
          <span className={`settings-backend__type settings-backend__type--${c.type}`}>{c.type === 'chatwoot' ? 'Chatwoot' : 'Delivery API'}</span>
        </p>
        <p className="settings-backend__detail">
          <code>{c.baseUrl}</code>
          {c.type === 'chatwoot' && <span>Account {c.accountId}</span>}
          <span className={backend.hasToken ? 'settings-backend__token' : 'settings-backend__token settings-backend__token--missing'}>{backend.hasToken ? 'Token stored' : 'No token'}</span>
        </p>
      </div>
      <div className="settings-backend__actions">
        {confirming ? (
          <>
            <span className="settings-backend__confirm">Remove this backend and its token?</span>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="button button--small button--danger" onClick={() => void remove()}>
              Remove
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--small" onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="icon-button" onClick={() => setConfirming(true)} aria-label={`Remove ${backend.name}`} title="Remove">
              <TrashIcon />
            </button>
          </>
        )}
      </div>
    </li>
  );
}
