import { useMemo } from 'react';
import { previewAudience, SAMPLE_LABELS, type AudiencePreview, type OneOffCampaign } from '../../src-shared/campaigns/index';
import { plural } from '../ui/format';
import { CheckIcon } from '../ui/icons';
import { inboxName, sampleContacts } from './workspace';

/** The audience preview of a one-off form, against the sample workspace's contacts. */
export function useAudience(form: OneOffCampaign): AudiencePreview {
  return useMemo(
    () => previewAudience({ labels: form.labels, message: form.message, channel: form.channel, campaignName: form.title, inboxName: inboxName(form.inboxId) }, sampleContacts()),
    [form.labels, form.message, form.channel, form.title, form.inboxId],
  );
}

/** Label chips with their contact counts, and who would receive the campaign. */
export function AudiencePicker({ labels, onChange, preview }: { labels: string[]; onChange: (labels: string[]) => void; preview: AudiencePreview }) {
  const counts = useMemo(() => new Map(SAMPLE_LABELS.map((l) => [l, sampleContacts().filter((c) => c.labels.includes(l)).length])), []);
  return (
    <div className="audience">
      <div className="label-chips" role="group" aria-label="Labels">
        {SAMPLE_LABELS.map((label) => {
          const on = labels.includes(label);
          return (
            <button key={label} type="button" className={`label-chip${on ? ' label-chip--on' : ''}`} aria-pressed={on} onClick={() => onChange(on ? labels.filter((l) => l !== label) : [...labels, label])}>
              {on && <CheckIcon size={13} />}
              {label}
              <span className="label-chip__count">{counts.get(label)}</span>
            </button>
          );
        })}
      </div>
      {labels.length > 0 && <AudienceSummary preview={preview} />}
    </div>
  );
}

export function AudienceSummary({ preview, compact }: { preview: AudiencePreview; compact?: boolean }) {
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
