import { useEffect, useMemo, useRef, useState } from 'react';
import { inboxToBusinessHours, liveChatFormErrors, liveChatToFlow, newLiveChatCampaign, sanitiseMessage, type LiveChatCampaign } from '../../src-shared/campaigns/index';
import { newId, validateFlow, type FlowDocument } from '../../src-shared/flow/index';
import { flowRepository } from '../db/flow-repository';
import { selectNotify, useAppStore } from '../state/app-store';
import { BusinessHoursEditor } from './business-hours-editor';
import { ChatPreview } from './chat-preview';
import { EditorFrame } from './editor-frame';
import { Field, FormSection, Segmented, Switch } from './form-controls';
import { LIVE_CHAT_FIELDS, problemsByField } from './problem-fields';
import { useSyncFieldProblems } from '../sync/use-sync-field-errors';
import { UrlTester } from './url-tester';
import { VisitorConditionsEditor } from './visitor-conditions-editor';
import { InboxHoursView } from './inbox-hours-view';
import { InboxSelect } from './inbox-select';
import { useWorkspace } from './use-workspace';
import { localTimezone } from './workspace';
import { defaultInboxId, inboxLabel, resolveAgent, resolveInbox } from './workspace-choices';
import { WorkspaceSourceBar } from './workspace-source-bar';

type Frequency = 'every_time' | 'once' | 'once_per_interval';

/** Create or edit a live-chat campaign: the form on the left, the visitor's view on the right. */
export function LiveChatEditor({ base, initial, notes, onClose }: { base?: FlowDocument; initial?: LiveChatCampaign; notes?: readonly string[]; onClose: () => void }) {
  const [form, setForm] = useState<LiveChatCampaign>(() => initial ?? { ...newLiveChatCampaign(newId('live-chat'), localTimezone()), inboxId: 'website' });
  const [tried, setTried] = useState(false);
  const [removed, setRemoved] = useState<string[]>([]);
  const notify = useAppStore(selectNotify);
  const set = (patch: Partial<LiveChatCampaign>) => setForm((f) => ({ ...f, ...patch }));
  const workspace = useWorkspace();
  const { choices } = workspace;
  // A new campaign starts on the account's first website inbox, until the user picks one.
  const pickedInbox = useRef(Boolean(initial));
  useEffect(() => {
    if (choices && !pickedInbox.current) setForm((f) => ({ ...f, inboxId: defaultInboxId(choices, 'website', f.inboxId) }));
  }, [choices]);

  // On a Chatwoot account the business hours are the inbox's: what is saved carries them (in the
  // inbox's timezone), so previews and exported files read the hours Chatwoot will use.
  const [now] = useState(() => new Date());
  const inboxHours = workspace.mode === 'chatwoot' && choices ? resolveInbox(choices, form.inboxId)?.hours : undefined;
  const saved = useMemo(() => (form.businessHoursOnly && inboxHours?.enabled ? { ...form, businessHours: inboxToBusinessHours(inboxHours) } : form), [form, inboxHours]);
  const problems = useMemo(() => validateFlow(liveChatToFlow(saved, { ...(base ? { base } : {}), now: new Date() }), { now: new Date() }), [saved, base]);
  const { byField, general } = problemsByField(problems, LIVE_CHAT_FIELDS);
  const errors = { ...byField, ...liveChatFormErrors(saved) };
  // What the backend refused at the last publish stays next to its field until the next one.
  const refused = problemsByField(useSyncFieldProblems(base?.campaign.id), LIVE_CHAT_FIELDS);
  const shown = (field: keyof typeof errors) => (tried ? errors[field] : undefined) ?? refused.byField[field as keyof typeof refused.byField];
  const blocking = Object.keys(errors).length + general.length;

  const save = async () => {
    setTried(true);
    if (blocking > 0) return;
    await flowRepository.save(liveChatToFlow(saved, { ...(base ? { base } : {}), now: new Date() }));
    notify(base ? `Saved “${form.title.trim()}”` : `Created “${form.title.trim()}”`);
    onClose();
  };
  const tidyMessage = () => {
    const clean = sanitiseMessage(form.message);
    if (clean.text !== form.message) set({ message: clean.text });
    setRemoved(clean.removed);
  };
  const frequency: Frequency = form.frequency.type;
  const inbox = inboxLabel(choices, form.inboxId);
  const agentId = form.sender.type === 'agent' ? form.sender.agentId : '';
  const agent = choices && agentId ? resolveAgent(choices, agentId) : undefined;

  return (
    <EditorFrame
      title={base ? 'Edit live-chat campaign' : 'New live-chat campaign'}
      subtitle="Greets visitors on chosen pages of your website, through the chat widget."
      onClose={onClose}
      notes={[...(notes ?? []), ...refused.general.map((p) => `${p.path}: ${p.message}`)]}
      errors={tried ? blocking : 0}
      general={tried ? general : []}
      actions={
        <button type="button" className="button button--primary" onClick={() => void save()} data-testid="save-campaign">
          {base ? 'Save changes' : 'Create campaign'}
        </button>
      }
      preview={<ChatPreview message={form.message} sender={form.sender} url={form.urlPattern.replace(/\*+$/, '')} inbox={inbox} />}
    >
      <WorkspaceSourceBar view={workspace} />
      <FormSection title="Message">
        <Field label="Title" hint="Only your team sees it." error={shown('title')}>
          {(id, invalid) => <input id={id} className="input" aria-invalid={invalid} value={form.title} placeholder="Pricing page: talk to sales" onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Field
          label="Message"
          error={shown('message')}
          hint={
            removed.length > 0 ? (
              <span className="warning-text" data-testid="sanitised-note">
                Removed {removed.join(', ')}: only text and basic formatting can be shown.
              </span>
            ) : (
              <>
                Supports <strong>**bold**</strong>, <em>_italic_</em>, <code>[links](https://…)</code>, lists and variables such as <code>{'{{ contact.name }}'}</code>.
              </>
            )
          }
        >
          {(id, invalid) => <textarea id={id} className="input textarea" rows={4} aria-invalid={invalid} value={form.message} placeholder="Comparing plans? I can walk you through which one fits your team." onChange={(e) => set({ message: e.target.value })} onBlur={tidyMessage} />}
        </Field>
        <div className="field-grid">
          <Field label="Inbox" error={shown('inboxId')}>
            {(id) => (
              <InboxSelect
                id={id}
                view={workspace}
                type="website"
                value={form.inboxId}
                onChange={(inboxId) => {
                  pickedInbox.current = true;
                  set({ inboxId });
                }}
              />
            )}
          </Field>
          <Field label="Sent by">
            {(id) => (
              <select
                id={id}
                className="input"
                value={form.sender.type === 'agent' ? (agent?.id ?? agentId) : 'bot'}
                disabled={!choices}
                data-testid="sender-select"
                onChange={(e) => {
                  const chosen = choices?.agents.find((a) => a.id === e.target.value);
                  set({ sender: chosen ? { type: 'agent', agentId: chosen.id, name: chosen.name } : { type: 'bot' } });
                }}
              >
                <option value="bot">Bot (the inbox’s bot)</option>
                {form.sender.type === 'agent' && !agent && (
                  <option value={agentId}>
                    {form.sender.name ?? agentId} {choices ? `(not ${choices.source === 'chatwoot' ? 'in this account' : 'in the sample workspace'})` : ''}
                  </option>
                )}
                {choices?.agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} · {a.detail}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </FormSection>

      <FormSection title="Where and when" description="The widget checks these on every page load, then waits for the time on page.">
        <Field label="URL pattern" error={shown('urlPattern')}>
          {(id, invalid) => <input id={id} className="input input--mono" aria-invalid={invalid} value={form.urlPattern} placeholder="https://www.example.com/pricing*" onChange={(e) => set({ urlPattern: e.target.value })} data-testid="url-pattern" />}
        </Field>
        <UrlTester pattern={form.urlPattern} />
        <div className="field-grid">
          <Field label="Time on page" hint="Seconds the visitor spends on the page before the message shows." error={shown('timeOnPage')}>
            {(id) => (
              <div className="input-unit">
                <input id={id} className="input" type="number" min={0} max={86400} value={form.timeOnPage} onChange={(e) => set({ timeOnPage: Math.max(0, Math.round(Number(e.target.value) || 0)) })} />
                <span>seconds</span>
              </div>
            )}
          </Field>
        </div>
        <Switch
          layout="row"
          label="Only during business hours"
          hint={workspace.mode === 'chatwoot' ? 'The inbox’s working hours in Chatwoot; outside them the message is not shown at all.' : 'Outside these hours the message is not shown at all.'}
          checked={form.businessHoursOnly}
          onChange={(businessHoursOnly) => set({ businessHoursOnly })}
        />
        {form.businessHoursOnly &&
          (workspace.mode === 'chatwoot' ? (
            <InboxHoursView view={workspace} inboxId={form.inboxId} now={now} />
          ) : (
            <BusinessHoursEditor hours={form.businessHours} timezone={form.timezone} onChange={(businessHours, timezone) => set({ businessHours, timezone })} />
          ))}
        {shown('businessHours') && <p className="cfield__error">{errors.businessHours}</p>}
      </FormSection>

      <FormSection title="Smart triggers" description="Visitors who already have a conversation never see campaigns.">
        <Field label="Show it">
          {() => (
            <Segmented<Frequency>
              label="Show it"
              value={frequency}
              options={[
                ['every_time', 'Every visit until they read or reply'],
                ['once', 'Once per visitor'],
                ['once_per_interval', 'At most once every…'],
              ]}
              onChange={(type) => set({ frequency: type === 'once_per_interval' ? { type, interval: { amount: 1, unit: 'days' } } : { type } })}
            />
          )}
        </Field>
        {form.frequency.type === 'once_per_interval' && (
          <div className="input-unit input-unit--interval">
            <input className="input" type="number" min={1} aria-label="Interval" value={form.frequency.interval.amount} onChange={(e) => form.frequency.type === 'once_per_interval' && set({ frequency: { ...form.frequency, interval: { ...form.frequency.interval, amount: Math.max(1, Math.round(Number(e.target.value) || 1)) } } })} />
            <select className="input" aria-label="Interval unit" value={form.frequency.interval.unit} onChange={(e) => form.frequency.type === 'once_per_interval' && set({ frequency: { ...form.frequency, interval: { ...form.frequency.interval, unit: e.target.value as 'hours' } } })}>
              <option value="hours">hours</option>
              <option value="days">days</option>
              <option value="weeks">weeks</option>
            </select>
          </div>
        )}
        <Field label="Visitor conditions" optional error={shown('conditions')}>
          {() => <VisitorConditionsEditor value={form.conditions} onChange={(conditions) => set({ conditions })} />}
        </Field>
      </FormSection>

      <div className="toggle-row--card">
        <Switch layout="row" label="Enabled" hint="Disabled campaigns stay here but are never shown." checked={form.enabled} onChange={(enabled) => set({ enabled })} />
      </div>
    </EditorFrame>
  );
}
