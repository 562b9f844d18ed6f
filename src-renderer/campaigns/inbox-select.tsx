import type { WorkspaceView } from './use-workspace';
import { inboxesOfType, resolveInbox, type InboxChoice } from './workspace-choices';

const TYPE_NAMES: Record<InboxChoice['type'], string> = { website: 'website', sms: 'SMS', whatsapp: 'WhatsApp', api: 'API' };

/**
 * The inboxes of one type to choose from. A stored inbox the account does not offer stays
 * selected and is marked, so opening a form never changes a campaign silently.
 */
export function InboxSelect({ id, view, type, value, onChange }: { id: string; view: WorkspaceView; type: InboxChoice['type']; value: string; onChange: (id: string) => void }) {
  const choices = view.choices;
  if (!choices) {
    const loading = view.mode === 'unknown' || (view.mode === 'chatwoot' && view.entry?.status !== 'error');
    return (
      <select id={id} className="input" value={value} disabled data-testid="inbox-select">
        <option value={value}>{loading ? 'Loading inboxes…' : value ? `${value} (inboxes could not be loaded)` : 'Inboxes could not be loaded'}</option>
      </select>
    );
  }
  const offered = inboxesOfType(choices, type);
  const resolved = resolveInbox(choices, value);
  const selected = resolved && resolved.type === type ? resolved.id : value;
  const stray = value !== '' && selected === value && !offered.some((i) => i.id === value);
  const where = choices.source === 'chatwoot' ? 'in this account' : 'in the sample workspace';
  return (
    <select id={id} className="input" value={selected} onChange={(e) => onChange(e.target.value)} data-testid="inbox-select">
      <option value="">{offered.length ? `Choose ${TYPE_NAMES[type] === 'API' ? 'an' : 'a'} ${TYPE_NAMES[type]} inbox…` : `No ${TYPE_NAMES[type]} inbox ${where}`}</option>
      {stray && <option value={value}>{resolved ? `${resolved.name} (not ${article(type)} inbox)` : `${value} (not ${where})`}</option>}
      {offered.map((i) => (
        <option key={i.id} value={i.id}>
          {i.name} ({i.detail})
        </option>
      ))}
    </select>
  );
}

function article(type: InboxChoice['type']): string {
  return type === 'api' ? 'an API' : `a ${TYPE_NAMES[type]}`;
}
