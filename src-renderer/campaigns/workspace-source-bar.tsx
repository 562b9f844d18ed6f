import { directoryErrorText } from '../sync/directory-store';
import { AlertIcon } from '../ui/icons';
import type { WorkspaceView } from './use-workspace';

/** Says where the form's inboxes, senders and labels come from, with Refresh or Retry. */
export function WorkspaceSourceBar({ view }: { view: WorkspaceView }) {
  if (view.mode === 'sample') {
    return (
      <p className="source-bar source-bar--sample" role="note" data-testid="workspace-source" data-source="sample">
        Sample data — connect a Chatwoot account in <a href="#/settings">Settings</a> to use your own inboxes.
      </p>
    );
  }
  if (view.mode === 'unknown') {
    return (
      <p className={`source-bar${view.error ? ' source-bar--error' : ''}`} data-testid="workspace-source" data-source="unknown" role={view.error ? 'alert' : 'status'}>
        {view.error ? `Could not list the saved backends: ${view.error}` : 'Looking for a connected account…'}
      </p>
    );
  }
  const { entry, backend, backends } = view;
  const status = entry?.status ?? 'loading';
  const busy = status === 'loading' || (entry?.status === 'ready' && entry.refreshing);
  return (
    <div className={`source-bar${status === 'error' ? ' source-bar--error' : ''}`} data-testid="workspace-source" data-source="chatwoot" data-status={busy ? 'loading' : status}>
      {status === 'error' && entry?.status === 'error' ? (
        <p role="alert" data-testid="directory-error">
          <AlertIcon size={15} />
          {directoryErrorText(entry.error)}.{entry.previous ? ' Showing what was loaded before.' : ''}
        </p>
      ) : (
        <p role="status">
          {status === 'loading' ? `Loading inboxes, senders and labels from Chatwoot “${backend}”…` : `Inboxes, senders and labels from Chatwoot “${backend}”${entry?.status === 'ready' ? `, loaded at ${new Date(entry.fetchedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : ''}.`}
        </p>
      )}
      {backends.length > 1 && (
        <select className="input input--small" aria-label="Chatwoot account" value={backend} onChange={(e) => view.choose(e.target.value)}>
          {backends.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="button button--small" onClick={view.refresh} disabled={busy} data-testid="refresh-directory">
        {status === 'error' ? 'Retry' : busy ? 'Loading…' : 'Refresh'}
      </button>
    </div>
  );
}
