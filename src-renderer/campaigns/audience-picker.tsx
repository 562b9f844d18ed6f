import { useMemo } from 'react';
import { previewAudience, type AudiencePreview, type OneOffCampaign } from '../../src-shared/campaigns/index';
import { plural } from '../ui/format';
import { CheckIcon } from '../ui/icons';
import { sampleContacts } from './workspace';
import { labelChips, type WorkspaceChoices } from './workspace-choices';

/** The audience preview of a one-off form, against the sample workspace's contacts. */
export function useAudience(form: OneOffCampaign, inboxName: string): AudiencePreview {
  return useMemo(
    () => previewAudience({ labels: form.labels, message: form.message, channel: form.channel, campaignName: form.title, inboxName }, sampleContacts()),
    [form.labels, form.message, form.channel, form.title, inboxName],
  );
}

/**
 * Label chips (with contact counts in the sample workspace) and who would receive the
 * campaign. A chosen label the account lacks stays shown, marked: publishing would fail on it.
 */
export function AudiencePicker({ labels, onChange, preview, choices }: { labels: string[]; onChange: (labels: string[]) => void; preview: AudiencePreview; choices: WorkspaceChoices | null }) {
  const chips = choices ? labelChips(choices, labels) : labels.map((title) => ({ title, on: true, missing: false, count: undefined }));
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  return (
    <div className="audience">
      <div className="label-chips" role="group" aria-label="Labels" data-testid="label-chips">
        {chips.map(({ title, on, missing, count }) => (
          <button
            key={title}
            type="button"
            className={`label-chip${on ? ' label-chip--on' : ''}${missing ? ' label-chip--missing' : ''}`}
            aria-pressed={on}
            title={missing ? `The account has no label “${title}”: publishing would fail. Click to remove it.` : undefined}
            onClick={() => onChange(on ? labels.filter((l) => !same(l, title)) : [...labels, title])}
          >
            {on && <CheckIcon size={13} />}
            {title}
            {missing ? <span className="label-chip__count">not in account</span> : count !== undefined && <span className="label-chip__count">{count}</span>}
          </button>
        ))}
        {choices && chips.length === 0 && <span className="muted">This account has no labels yet: create them in Chatwoot, then Refresh.</span>}
      </div>
      {labels.length > 0 && <AudienceSummary preview={preview} estimated={choices?.source === 'sample'} />}
    </div>
  );
}

export function AudienceSummary({ preview, compact, estimated = true }: { preview: AudiencePreview; compact?: boolean; estimated?: boolean }) {
  if (!estimated) {
    return (
      <p className="muted audience-summary__note" data-testid="audience-summary">
        Chatwoot sends it to every contact of the account with any of these labels who has a phone number. Recipient counts are estimated only for the sample workspace.
      </p>
    );
  }
  const noPhone = preview.skipped.filter((s) => s.reason === 'no-phone');
  const invalid = preview.skipped.filter((s) => s.reason === 'invalid-phone');
  const duplicate = preview.skipped.filter((s) => s.reason === 'duplicate-phone');
  return (
    <div className="audience-summary" data-testid="audience-summary">
      <div className="audience-summary__stats">
        <div className="stat">
          <span className="stat__value" data-testid="recipient-count">
            {preview.recipients.length}
          </span>
          <span className="stat__label">recipients</span>
        </div>
        <div className="stat">
          <span className="stat__value">{preview.matched}</span>
          <span className="stat__label">contacts with these labels</span>
        </div>
        <div className={`stat${preview.skipped.length ? ' stat--warn' : ''}`}>
          <span className="stat__value">{preview.skipped.length}</span>
          <span className="stat__label">skipped</span>
        </div>
        {preview.totalSegments > 0 && (
          <div className="stat">
            <span className="stat__value" data-testid="total-segments">
              {preview.totalSegments}
            </span>
            <span className="stat__label">SMS segments in total</span>
          </div>
        )}
      </div>
      {!compact && preview.skipped.length > 0 && (
        <details className="skipped" open={invalid.length > 0}>
          <summary>
            Who is skipped: {[noPhone.length && plural(noPhone.length, 'without a phone number', 'without a phone number'), invalid.length && plural(invalid.length, 'invalid number'), duplicate.length && plural(duplicate.length, 'shared number')].filter(Boolean).join(', ')}
          </summary>
          <ul className="skipped__list" data-testid="invalid-numbers">
            {[...invalid, ...duplicate, ...noPhone].map((s) => (
              <li key={s.contact.id}>
                <span className="skipped__name">{s.contact.name}</span>
                <span className={`skipped__why skipped__why--${s.reason}`}>{s.detail}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted audience-summary__note">Estimated from the {sampleContacts().length} contacts of the sample workspace. Chatwoot sends to every contact with any of the labels who has a phone number.</p>
    </div>
  );
}
