import { useState } from 'react';
import type { ConnectionReport } from '../../src-shared/sync/index';
import type { BackendItem } from '../sync/backends-store';
import { selectRefreshBackends } from '../sync/backends-store';
import { useBackends, useSyncHost } from '../sync/sync-context';
import { backendFormResult, emptyBackendForm, formFromConnection, type BackendForm } from './backend-form-model';
import { ConnectionReportView } from './connection-report';
import { Field } from '../ui/field';
import { onRadioGroupKeyDown } from '../ui/radio-group';

/**
 * Add or edit one backend connection. A typed token goes to the host with the connection
 * (`backends.save` stores it as a secret; `backends.test` uses it once) and is never read back:
 * editing shows only whether one is stored. A stored token only ever goes to the address it
 * was saved with, so changing the address asks for the token again.
 */
export function BackendFormView({ editing, taken, onDone }: { editing: BackendItem | null; taken: readonly string[]; onDone: (saved: string | null) => void }) {
  const host = useSyncHost();
  const refresh = useBackends(selectRefreshBackends);
  const [form, setForm] = useState<BackendForm>(() => (editing ? formFromConnection(editing.name, editing.connection) : emptyBackendForm('chatwoot', taken)));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const isNew = editing === null;
  const result = backendFormResult(form, { isNew, taken, hasToken: editing?.hasToken ?? false, ...(editing ? { savedBaseUrl: editing.connection.baseUrl } : {}) });
  const errors = !result.ok && tried ? result.errors : {};
  const set = (patch: Partial<BackendForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setReport(null);
  };

  const typed = () => (form.token.trim() ? { token: form.token.trim() } : {});
  const run = async (what: 'test' | 'save', work: () => Promise<void>) => {
    setTried(true);
    if (!result.ok) return;
    setBusy(what);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };
  const test = () =>
    run('test', async () => {
      if (!result.ok) return;
      setReport(null);
      setReport(await host.backends.test({ name: form.name.trim(), connection: result.connection, ...typed() }));
    });
  const save = () =>
    run('save', async () => {
      if (!result.ok) return;
      await host.backends.save({ name: form.name.trim(), connection: result.connection, ...typed() });
      await refresh();
      onDone(form.name.trim());
    });
  const cancel = () => onDone(null);

  return (
    <form className="settings-form" aria-label={isNew ? 'New backend' : `Edit ${editing.name}`} data-testid="backend-form" onSubmit={(e) => (e.preventDefault(), void save())}>
      <h2 className="settings-form__title">{isNew ? 'Connect a backend' : `Edit “${editing.name}”`}</h2>
      {isNew && (
        <div className="settings-form__types" role="radiogroup" onKeyDown={onRadioGroupKeyDown} aria-label="Backend type">
          {(
            [
              ['chatwoot', 'Chatwoot account', 'Live-chat and one-off campaigns'],
              ['delivery', 'Delivery API', 'Every kind of flow, workflows included'],
            ] as const
          ).map(([type, title, hint]) => (
            <button key={type} type="button" role="radio" aria-checked={form.type === type} className={`settings-type${form.type === type ? ' settings-type--on' : ''}`} onClick={() => set({ ...emptyBackendForm(type, taken), baseUrl: form.baseUrl, token: form.token })}>
              <span className="settings-type__title">{title}</span>
              <span className="settings-type__hint">{hint}</span>
            </button>
          ))}
        </div>
      )}
      <Field label="Name" hint="How flows refer to this backend." error={errors.name}>
        {(id, invalid, describedBy) => <input id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy} className="input" value={form.name} disabled={!isNew} onChange={(e) => set({ name: e.target.value })} autoComplete="off" />}
      </Field>
      <Field label="Base URL" hint={form.type === 'chatwoot' ? 'Your Chatwoot’s address, e.g. https://app.chatwoot.com' : 'The delivery API’s address'} error={errors.baseUrl}>
        {(id, invalid, describedBy) => <input id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy} className="input input--mono" value={form.baseUrl} placeholder="https://" onChange={(e) => set({ baseUrl: e.target.value })} autoComplete="off" spellCheck={false} />}
      </Field>
      {form.type === 'chatwoot' && (
        <Field label="Account ID" hint="The number after /app/accounts/ in Chatwoot’s address bar." error={errors.accountId}>
          {(id, invalid, describedBy) => <input id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy} className="input settings-form__short" inputMode="numeric" value={form.accountId} onChange={(e) => set({ accountId: e.target.value })} />}
        </Field>
      )}
      <Field
        label={form.type === 'chatwoot' ? 'User API token' : 'API token'}
        hint={editing?.hasToken && sameUrl(form.baseUrl, editing.connection.baseUrl) ? 'A token is stored. Leave this empty to keep it.' : editing?.hasToken ? 'The address changed: type the token again (a stored token is only sent to the address it was saved with).' : form.type === 'chatwoot' ? 'Profile settings → Access token. The user must be an administrator of the account.' : 'Kept by the app’s host process, never shown again.'}
        error={errors.token}
      >
        {(id, invalid, describedBy) => <input id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy} className="input input--mono" type="password" value={form.token} placeholder={editing?.hasToken ? '•••••••• (stored)' : ''} onChange={(e) => set({ token: e.target.value })} autoComplete="off" />}
      </Field>
      {report && <ConnectionReportView report={report} />}
      {failure && (
        <p className="settings-form__failure" role="alert">
          {failure}
        </p>
      )}
      <div className="settings-form__actions">
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => void test()} disabled={busy !== null} data-testid="test-connection">
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="save-backend">
          {busy === 'save' ? 'Saving…' : isNew ? 'Save backend' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}

const sameUrl = (a: string, b: string) => a.trim().replace(/\/+$/, '').toLowerCase() === b.toLowerCase();
