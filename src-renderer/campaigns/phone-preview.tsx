import type { AudiencePreview, OneOffCampaign } from '../../src-shared/campaigns/index';
import { RichMessage } from './rich-message';
import { CHANNEL_NAMES, inboxName } from './workspace';

/** The message on a recipient's phone: the first recipient's own text, variables filled in. */
export function PhonePreview({ form, audience }: { form: OneOffCampaign; audience: AudiencePreview }) {
  const sample = audience.recipients[0];
  const name = inboxName(form.inboxId);
  return (
    <figure className={`phone phone--${form.channel}`} aria-label="Message preview for the first recipient" data-testid="phone-preview">
      <div className="phone__header">
        <span className="phone__avatar">{name.slice(0, 1)}</span>
        <span>
          {name}
          <span className="phone__channel">{CHANNEL_NAMES[form.channel]}</span>
        </span>
      </div>
      <div className="phone__thread">
        {form.message.trim() ? (
          <div className="phone__bubble">{sample ? sample.text : <RichMessage text={form.message} />}</div>
        ) : (
          <p className="phone__empty">Your message appears here.</p>
        )}
        <p className="phone__caption">{sample ? `As ${sample.contact.name} receives it${sample.segments ? ` · ${sample.segments} SMS` : ''}` : 'Choose labels to see it as a recipient receives it.'}</p>
      </div>
    </figure>
  );
}
