import type { AudiencePreview, OneOffCampaign } from '../../src-shared/campaigns/index';
import { RichMessage } from './rich-message';
import { CHANNEL_NAMES } from './workspace';

/**
 * The message on a recipient's phone: the first recipient's own text, variables filled in, or
 * the WhatsApp template it is sent as (`templateText`), which is what recipients then read.
 */
export function PhonePreview({ form, audience, inboxName: name, templateText }: { form: OneOffCampaign; audience: AudiencePreview; inboxName: string; templateText?: string | undefined }) {
  const sample = audience.recipients[0];
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
        {templateText !== undefined ? (
          <div className="phone__bubble" data-testid="phone-template">
            {templateText}
          </div>
        ) : form.message.trim() ? (
          <div className="phone__bubble">{sample ? sample.text : <RichMessage text={form.message} />}</div>
        ) : (
          <p className="phone__empty">Your message appears here.</p>
        )}
        <p className="phone__caption">{templateText !== undefined ? 'The approved template, as sent' : sample ? `As ${sample.contact.name} receives it${sample.segments ? ` · ${sample.segments} SMS` : ''}` : 'Choose labels to see it as a recipient receives it.'}</p>
      </div>
    </figure>
  );
}
