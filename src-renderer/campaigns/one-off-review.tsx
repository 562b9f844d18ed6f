import { countSms, type AudiencePreview, type OneOffCampaign, type ScheduleCheck } from '../../src-shared/campaigns/index';
import type { WhatsappTemplateChoice } from '../../src-shared/sync/index';
import { AlertIcon } from '../ui/icons';
import { AudienceSummary } from './audience-picker';
import { PhonePreview } from './phone-preview';
import { CHANNEL_NAMES, formatLocal } from './workspace';

/** The last step before scheduling: everything that will happen, said plainly. */
export function OneOffReview({ form, audience, schedule, inboxName, estimated, template }: { form: OneOffCampaign; audience: AudiencePreview; schedule: ScheduleCheck | null; inboxName: string; estimated: boolean; template?: WhatsappTemplateChoice | undefined }) {
  const sms = countSms(form.message);
  const parts = audience.recipients.map((r) => r.segments);
  const low = parts.length ? Math.min(...parts) : sms.segments;
  const high = parts.length ? Math.max(...parts) : sms.segments;
  return (
    <div className="review" data-testid="one-off-review">
      <div className="review__irreversible" role="note">
        <AlertIcon size={20} />
        <div>
          <p className="review__irreversible-title">Once sent, this campaign cannot be unsent.</p>
          <p>
            At {formatLocal(form.scheduledAt)} ({form.timezone}) it goes {estimated ? `to ${audience.recipients.length} ${audience.recipients.length === 1 ? 'person' : 'people'}` : 'to every contact with any of these labels'} by {CHANNEL_NAMES[form.channel]}. Until then you can edit or delete it. Chatwoot sends
            scheduled one-off campaigns even when they are disabled: to stop one, delete it before its time.
          </p>
        </div>
      </div>
      <div className="review__grid">
        <dl className="review__facts">
          <div>
            <dt>Campaign</dt>
            <dd>{form.title}</dd>
          </div>
          <div>
            <dt>Sent through</dt>
            <dd>
              {inboxName} ({CHANNEL_NAMES[form.channel]})
            </dd>
          </div>
          {template && (
            <div>
              <dt>Template</dt>
              <dd data-testid="review-template">
                {template.name} ({template.language})
                {template.params && <span className="muted"> · {Object.entries(template.params).map(([k, v]) => `{{${k}}} = ${v}`).join(', ')}</span>}
              </dd>
            </div>
          )}
          <div>
            <dt>When</dt>
            <dd>
              {formatLocal(form.scheduledAt)} <span className="muted">{form.timezone}</span>
              {schedule?.ok && schedule.note && <span className="warning-text review__note">{schedule.note}</span>}
            </dd>
          </div>
          <div>
            <dt>Length</dt>
            <dd>
              {form.channel === 'sms' ? (
                <>
                  {sms.encoding}, {low === high ? low : `${low}–${high}`} SMS per recipient {estimated && <span className="muted">· {audience.totalSegments} segments in total</span>}
                </>
              ) : (
                `${sms.characters} characters`
              )}
            </dd>
          </div>
          <div>
            <dt>Audience</dt>
            <dd className="review__labels">
              {form.labels.map((l) => (
                <span key={l} className="label-chip label-chip--static">
                  {l}
                </span>
              ))}
            </dd>
          </div>
        </dl>
        <PhonePreview form={form} audience={audience} inboxName={inboxName} />
      </div>
      <AudienceSummary preview={audience} estimated={estimated} />
    </div>
  );
}
