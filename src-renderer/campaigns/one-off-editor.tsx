import { useEffect, useMemo, useRef, useState } from 'react';
import { checkSchedule, newOneOffCampaign, oneOffFormErrors, oneOffToFlow, type OneOffCampaign, type OneOffChannel } from '../../src-shared/campaigns/index';
import { newId, validateFlow, type FlowDocument } from '../../src-shared/flow/index';
import { flowRepository } from '../db/flow-repository';
import { selectNotify, useAppStore } from '../state/app-store';
import { useNow } from '../ui/use-now';
import { AudiencePicker, useAudience } from './audience-picker';
import { CodeIcon, PhoneIcon, WhatsAppIcon } from '../ui/icons';
import { EditorFrame } from './editor-frame';
import { Field, FormSection } from './form-controls';
import { OneOffReview } from './one-off-review';
import { PhonePreview } from './phone-preview';
import { ONE_OFF_FIELDS, problemsByField } from './problem-fields';
import { useSyncFieldProblems } from '../sync/use-sync-field-errors';
import { SmsCounter } from './sms-counter';
import { InboxSelect } from './inbox-select';
import { useWorkspace } from './use-workspace';
import { allTimezones, localTimezone } from './workspace';
import { fillTemplate } from '../../src-shared/sync/index';
import { useWhatsappTemplate } from './use-whatsapp-template';
import { WhatsappTemplatePicker } from './whatsapp-template-picker';
import { defaultInboxId, inboxesOfType, inboxLabel, resolveInbox } from './workspace-choices';
import { WorkspaceSourceBar } from './workspace-source-bar';
import { onRadioGroupKeyDown } from '../ui/radio-group';
import { selectBackends } from '../sync/backends-store';
import { useBackends, useSyncLoop } from '../sync/sync-context';
import { publishPlan } from './schedule-plan';

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
  const workspace = useWorkspace();
  const { choices } = workspace;
  // A new campaign starts on the first inbox of its channel, until the user picks one.
  const pickedInbox = useRef(Boolean(initial));
  useEffect(() => {
    if (choices && !pickedInbox.current) setForm((f) => ({ ...f, inboxId: defaultInboxId(choices, f.channel, f.inboxId) }));
  }, [choices]);
  const inboxName = inboxLabel(choices, form.inboxId);
  // A WhatsApp one-off on a Chatwoot account is sent as one of the inbox's approved templates.
  const inbox = choices ? resolveInbox(choices, form.inboxId) : undefined;
  const backend = workspace.mode === 'chatwoot' ? workspace.backend : undefined;
  const template = useWhatsappTemplate(form.id, backend, inbox?.templates ?? []);
  const needsTemplate = form.channel === 'whatsapp' && choices?.source === 'chatwoot' && inbox?.type === 'whatsapp';
  const templateText = needsTemplate && template.template && template.draft ? fillTemplate(template.template.body, template.draft.params) : undefined;
  const audience = useAudience(form, inboxName);
  const schedule = form.scheduledAt ? checkSchedule(form.scheduledAt, form.timezone, new Date(nowMs)) : null;

  const problems = useMemo(() => validateFlow(oneOffToFlow(form, { ...(base ? { base } : {}), now: new Date(nowMs) }), { now: new Date(nowMs) }), [form, base, nowMs]);
  const { byField, general } = problemsByField(problems, ONE_OFF_FIELDS);
  const errors: Partial<Record<keyof OneOffCampaign, string>> = { ...byField, ...oneOffFormErrors(form) };
  if (schedule && !schedule.ok) errors.scheduledAt = schedule.reason;
  // What the backend refused at the last publish stays next to its field until the next one.
  const refused = problemsByField(useSyncFieldProblems(base?.campaign.id), ONE_OFF_FIELDS);
  const shown = (field: keyof OneOffCampaign) => (tried ? errors[field] : undefined) ?? refused.byField[field as keyof typeof refused.byField];
  const templateError = needsTemplate ? template.problem : null;
  const blocking = Object.keys(errors).length + general.length + (templateError ? 1 : 0);

  const loop = useSyncLoop();
  const backendList = useBackends(selectBackends);
  // Where "Schedule campaign" publishes it, or why it cannot (said on the review step, before the click).
  const plan = publishPlan(form, workspace.mode === 'chatwoot' ? workspace.backend : undefined, backendList);

  const review = () => {
    setTried(true);
    if (blocking === 0) setStep('review');
  };
  const save = async () => {
    if (blocking > 0) return setStep('compose');
    await flowRepository.save(oneOffToFlow(form, { ...(base ? { base } : {}), now: new Date() }));
    if (needsTemplate) await template.save();
    const title = form.title.trim();
    // Editing saves here (publish the change from the editor, as for any flow); scheduling a new one publishes it.
    if (base) {
      notify(`Saved “${title}”`);
      onClose();
    } else if (plan.publish) {
      notify(`Scheduled “${title}”: publishing to Chatwoot “${plan.backend}”`);
      onClose();
      await loop.publish(form.id, plan.backend);
    } else {
      notify(`Saved “${title}”, not published: ${plan.why}`);
      onClose();
    }
  };
  const chooseChannel = (channel: OneOffChannel) => {
    pickedInbox.current = true;
    set({ channel, inboxId: choices ? defaultInboxId(choices, channel, form.inboxId) : '' });
  };
  const chooseInbox = (inboxId: string) => {
    pickedInbox.current = true;
    set({ inboxId });
  };

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
          <>
            {!base && (
              <span className={`oneoff-plan${plan.publish ? '' : ' oneoff-plan--local'}`} data-testid="schedule-plan">
                {plan.publish ? `Publishes it to Chatwoot “${plan.backend}”.` : `Not published: ${plan.why}`}
              </span>
            )}
            <button type="button" className="button button--primary" onClick={() => void save()} data-testid="schedule-campaign">
              {base ? 'Save changes' : plan.publish ? 'Schedule campaign' : 'Save without publishing'}
            </button>
          </>
        }
      >
        <OneOffReview form={form} audience={audience} schedule={schedule} inboxName={inboxName} estimated={workspace.mode === 'sample'} template={needsTemplate ? template.choice : undefined} />
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
      preview={<PhonePreview form={form} audience={audience} inboxName={inboxName} templateText={templateText} />}
      actions={
        <button type="button" className="button button--primary" onClick={review} data-testid="review-campaign">
          Review
        </button>
      }
    >
      <WorkspaceSourceBar view={workspace} />
      <FormSection title="Message">
        <Field label="Title" hint="Only your team sees it." error={shown('title')}>
          {(id, invalid) => <input id={id} className="input" aria-invalid={invalid} value={form.title} placeholder="Maintenance window notice" onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Field label="Send through">
          {() => (
            <div className="channel-cards" role="radiogroup" onKeyDown={onRadioGroupKeyDown} aria-label="Send through">
              {CHANNEL_CARDS.map(({ channel, title, text, Icon }) => {
                const offered = choices ? inboxesOfType(choices, channel) : [];
                const line = !choices ? text : choices.source === 'sample' ? (offered[0] ? `${offered[0].name} · ${offered[0].detail}` : text) : offered.length ? `${offered.length === 1 ? offered[0]!.name : `${offered.length} inboxes`} in this account` : 'No inbox of this kind in this account';
                return (
                  <button key={channel} type="button" role="radio" aria-checked={form.channel === channel} className={`channel-card${form.channel === channel ? ' channel-card--on' : ''}`} onClick={() => chooseChannel(channel)}>
                    <span className="channel-card__icon">
                      <Icon size={18} />
                    </span>
                    <span className="channel-card__title">{title}</span>
                    <span className="channel-card__text">{line}</span>
                  </button>
                );
              })}
            </div>
          )}
        </Field>
        <Field label="Inbox" error={shown('inboxId')}>{(id) => <InboxSelect id={id} view={workspace} type={form.channel} value={form.inboxId} onChange={chooseInbox} />}</Field>
        {form.channel === 'whatsapp' && (
          <Field label="WhatsApp template" error={tried ? (templateError ?? undefined) : undefined} hint={needsTemplate ? 'Outside a 24-hour conversation WhatsApp delivers only approved templates; the message below is what your team sees in Chatwoot.' : undefined}>
            {(id) =>
              needsTemplate && inbox ? (
                <WhatsappTemplatePicker id={id} templates={inbox.templates} state={template} />
              ) : (
                <p className="muted" id={id} data-testid="template-unavailable">
                  {choices?.source === 'sample' ? 'The sample workspace has no templates: connect a Chatwoot account in Settings to choose one of its approved WhatsApp templates.' : choices ? 'Choose a WhatsApp inbox to see its approved templates.' : 'Templates load with the inboxes…'}
                </p>
              )
            }
          </Field>
        )}
        <Field label="Message" error={shown('message')} hint={<SmsCounter text={form.message} channel={form.channel} />}>
          {(id, invalid) => <textarea id={id} className="input textarea" rows={5} aria-invalid={invalid} value={form.message} placeholder="Hi {{ contact.first_name }}, …" onChange={(e) => set({ message: e.target.value })} data-testid="one-off-message" />}
        </Field>
      </FormSection>

      <FormSection title="Audience" description="Contacts with any of these labels receive it.">
        <Field label="Labels" error={shown('labels')}>
          {() => <AudiencePicker labels={form.labels} onChange={(labels) => set({ labels })} preview={audience} choices={choices} />}
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
