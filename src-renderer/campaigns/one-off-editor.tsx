import { useMemo, useState } from 'react';
import { checkSchedule, newOneOffCampaign, oneOffFormErrors, oneOffToFlow, type OneOffCampaign, type OneOffChannel } from '../../src-shared/campaigns/index';
import { newId, validateFlow, type FlowDocument } from '../../src-shared/flow/index';
import { flowRepository } from '../db/flow-repository';
import { selectNotify, useAppStore } from '../state/app-store';
import { useNow } from '../ui/use-now';
import { AudiencePicker, useAudience } from './audience-picker';
import { CodeIcon, PhoneIcon, WhatsAppIcon } from './campaign-icons';
import { EditorFrame } from './editor-frame';
import { Field, FormSection } from './form-controls';
import { OneOffReview } from './one-off-review';
import { PhonePreview } from './phone-preview';
import { ONE_OFF_FIELDS, problemsByField } from './problem-fields';
import { useSyncFieldProblems } from '../sync/use-sync-field-errors';
import { SmsCounter } from './sms-counter';
import { allTimezones, INBOXES, localTimezone } from './workspace';

const CHANNEL_CARDS: { channel: OneOffChannel; title: string; text: string; Icon: typeof PhoneIcon }[] = [
  { channel: 'sms', title: 'SMS', text: 'Text message, billed per segment', Icon: PhoneIcon },
  { channel: 'whatsapp', title: 'WhatsApp', text: 'Needs an approved template outside 24 h', Icon: WhatsAppIcon },
  { channel: 'api', title: 'API', text: 'Handed to your own backend', Icon: CodeIcon },
];

/** Create or edit a one-off broadcast in two steps: compose, then review before scheduling. */
export function OneOffEditor({ base, initial, notes, onClose }: { base?: FlowDocument; initial?: OneOffCampaign; notes?: readonly string[]; onClose: () => void }) {
  const [form, setForm] = useState<OneOffCampaign>(() => initial ?? { ...newOneOffCampaign(newId('one-off'), localTimezone()), inboxId: 'twilio-sms' });
  const [step, setStep] = useState<'compose' | 'review'>('compose');
  const [tried, setTried] = useState(false);
  const notify = useAppStore(selectNotify);
  const nowMs = useNow(15_000);
  const set = (patch: Partial<OneOffCampaign>) => setForm((f) => ({ ...f, ...patch }));
  const audience = useAudience(form);
  const schedule = form.scheduledAt ? checkSchedule(form.scheduledAt, form.timezone, new Date(nowMs)) : null;

  const problems = useMemo(() => validateFlow(oneOffToFlow(form, { ...(base ? { base } : {}), now: new Date(nowMs) }), { now: new Date(nowMs) }), [form, base, nowMs]);
  const { byField, general } = problemsByField(problems, ONE_OFF_FIELDS);
  const errors: Partial<Record<keyof OneOffCampaign, string>> = { ...byField, ...oneOffFormErrors(form) };
  if (schedule && !schedule.ok) errors.scheduledAt = schedule.reason;
  // What the backend refused at the last publish stays next to its field until the next one.
  const refused = problemsByField(useSyncFieldProblems(base?.campaign.id), ONE_OFF_FIELDS);
  const shown = (field: keyof OneOffCampaign) => (tried ? errors[field] : undefined) ?? refused.byField[field as keyof typeof refused.byField];
  const blocking = Object.keys(errors).length + general.length;

  const review = () => {
    setTried(true);
    if (blocking === 0) setStep('review');
  };
  const save = async () => {
    if (blocking > 0) return setStep('compose');
    await flowRepository.save(oneOffToFlow(form, { ...(base ? { base } : {}), now: new Date() }));
    notify(base ? `Saved “${form.title.trim()}”` : `Scheduled “${form.title.trim()}”`);
    onClose();
  };
  const chooseChannel = (channel: OneOffChannel) => set({ channel, inboxId: INBOXES.find((i) => i.type === channel)?.id ?? '' });

  if (step === 'review') {
    return (
      <EditorFrame
        title="Review and schedule"
        subtitle={form.title}
        onClose={() => setStep('compose')}
        cancelLabel="Back to editing"
        errors={0}
        general={[]}
        actions={
          <button type="button" className="button button--primary" onClick={() => void save()} data-testid="schedule-campaign">
            {base ? 'Save changes' : 'Schedule campaign'}
          </button>
        }
      >
        <OneOffReview form={form} audience={audience} schedule={schedule} />
      </EditorFrame>
    );
  }

  return (
    <EditorFrame
      title={base ? 'Edit one-off campaign' : 'New one-off campaign'}
      subtitle="One message, sent once at a set time to every contact with the chosen labels."
      onClose={onClose}
      notes={[...(notes ?? []), ...refused.general.map((p) => `${p.path}: ${p.message}`)]}
      errors={tried ? blocking : 0}
      general={tried ? general : []}
      preview={<PhonePreview form={form} audience={audience} />}
      actions={
        <button type="button" className="button button--primary" onClick={review} data-testid="review-campaign">
          Review
        </button>
      }
    >
      <FormSection title="Message">
        <Field label="Title" hint="Only your team sees it." error={shown('title')}>
          {(id, invalid) => <input id={id} className="input" aria-invalid={invalid} value={form.title} placeholder="Maintenance window notice" onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Field label="Send through" error={shown('inboxId')}>
          {() => (
            <div className="channel-cards" role="radiogroup" aria-label="Send through">
              {CHANNEL_CARDS.map(({ channel, title, text, Icon }) => {
                const inbox = INBOXES.find((i) => i.type === channel);
                return (
                  <button key={channel} type="button" role="radio" aria-checked={form.channel === channel} className={`channel-card${form.channel === channel ? ' channel-card--on' : ''}`} onClick={() => chooseChannel(channel)}>
                    <span className="channel-card__icon">
                      <Icon size={18} />
                    </span>
                    <span className="channel-card__title">{title}</span>
                    <span className="channel-card__text">{inbox ? `${inbox.name} · ${inbox.detail}` : text}</span>
                  </button>
                );
              })}
            </div>
          )}
        </Field>
        <Field label="Message" error={shown('message')} hint={<SmsCounter text={form.message} channel={form.channel} />}>
          {(id, invalid) => <textarea id={id} className="input textarea" rows={5} aria-invalid={invalid} value={form.message} placeholder="Hi {{ contact.first_name }}, …" onChange={(e) => set({ message: e.target.value })} data-testid="one-off-message" />}
        </Field>
      </FormSection>

      <FormSection title="Audience" description="Contacts with any of these labels receive it.">
        <Field label="Labels" error={shown('labels')}>
          {() => <AudiencePicker labels={form.labels} onChange={(labels) => set({ labels })} preview={audience} />}
        </Field>
      </FormSection>

      <FormSection title="Schedule" description="Chatwoot checks for due campaigns every 5 minutes, so it goes out within 5 minutes of this time.">
        <div className="field-grid">
          <Field label="Send at" error={shown('scheduledAt')} hint={schedule?.ok && schedule.note ? <span className="warning-text">{schedule.note}</span> : undefined}>
            {(id, invalid) => <input id={id} className="input" type="datetime-local" aria-invalid={invalid} value={form.scheduledAt} onChange={(e) => set({ scheduledAt: e.target.value.slice(0, 16) })} data-testid="scheduled-at" />}
          </Field>
          <Field label="Timezone">
            {(id) => (
              <select id={id} className="input" value={form.timezone} onChange={(e) => set({ timezone: e.target.value })} data-testid="schedule-timezone">
                {allTimezones().map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {schedule?.ok && (
          <p className="schedule-echo" data-testid="schedule-echo">
            That is {new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(schedule.at)} on this computer’s clock ({localTimezone()}).
          </p>
        )}
      </FormSection>
    </EditorFrame>
  );
}
