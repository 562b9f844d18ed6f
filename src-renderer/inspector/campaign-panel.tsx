import { BelowTheFold } from '../ui/below-the-fold';
import { Switch } from '../ui/switch';
import { emptyGroup, newId, type CampaignSettings, type EntryFrequency, type Sender } from '../../src-shared/flow/index';
import { useEditor, useEditorApi } from '../editor/editor-context';
import type { EditorState } from '../editor/editor-store';
import { kindLabels } from '../ui/format';
import { PlusIcon, TrashIcon } from '../ui/icons';
import { BusinessHoursSettings } from './business-hours-settings';
import { CampaignProblems } from './campaign-problems';
import { ConditionBuilder } from './condition-builder';
import { DurationInput } from './duration-input';
import { Field, Section, Select, TextInput } from './fields';
import { TimezoneInput } from './timezone-input';
import { TriggerSettings } from './trigger-settings';

const selectCampaign = (s: EditorState) => s.doc.campaign;

type Change = (next: CampaignSettings, gesture?: string) => void;

/** Campaign settings and global exits: everything that is not a step on the canvas. */
export function CampaignPanel() {
  const campaign = useEditor(selectCampaign);
  const api = useEditorApi();
  const change: Change = (next, gesture) => api.getState().updateCampaign(next, gesture);
  return (
    <CampaignProblems>
      <div className="inspector__scroll" data-testid="campaign-panel">
        <Section title="Campaign">
          <Field label="Campaign name" field="name">
            {(id, invalid) => <TextInput id={id} invalid={invalid} value={campaign.name} placeholder="Spring sale" onChange={(name) => change({ ...campaign, name }, 'name')} />}
          </Field>
          <Field label="Description" field="description">
            {(id) => <TextInput id={id} multiline rows={3} value={campaign.description} placeholder="What this campaign is for" onChange={(description) => change({ ...campaign, description }, 'description')} />}
          </Field>
          <div className="field-row">
            <Field label="Kind" field="kind">
              {(id) => <Select id={id} value={campaign.kind} options={Object.entries(kindLabels) as [CampaignSettings['kind'], string][]} onChange={(kind) => change({ ...campaign, kind })} />}
            </Field>
            <Field label="Status" field="status">
              {(id) => (
                <Select
                  id={id}
                  value={campaign.status}
                  options={[
                    ['draft', 'Draft'],
                    ['active', 'Active'],
                    ['paused', 'Paused'],
                    ['completed', 'Completed'],
                  ]}
                  onChange={(status) => change({ ...campaign, status })}
                />
              )}
            </Field>
          </div>
          <Field label="Campaign timezone" field="timezone">
            {(id, invalid) => <TimezoneInput id={id} invalid={invalid} value={campaign.timezone} onChange={(timezone) => change({ ...campaign, timezone }, 'timezone')} />}
          </Field>
        </Section>

        <Section title="Entry">
          <TriggerSettings campaign={campaign} onChange={change} />
          <FrequencyField campaign={campaign} change={change} />
        </Section>

        <Section title="Audience" description="Who may enter when the trigger fires.">
          <Switch label="Only users who match" checked={campaign.audience !== null} onChange={(on) => change({ ...campaign, audience: on ? emptyGroup('all') : null })} />
          {campaign.audience && <ConditionBuilder label="Audience" field="audience" allowMessage={false} value={campaign.audience} onChange={(audience, gesture) => change({ ...campaign, audience }, gesture)} />}
        </Section>

        {/* At 1440x900 the panel shows the sections above; the rest follows the first frame. */}
        <BelowTheFold>
          <BusinessHoursSettings campaign={campaign} change={change} />

          <Section title="Channel defaults" description="Used by messages that do not choose their own.">
            <Field label="Default inbox" field="channelDefaults.inboxId">
              {(id) => (
                <TextInput
                  id={id}
                  value={campaign.channelDefaults.inboxId ?? ''}
                  placeholder="email"
                  onChange={(inboxId) => {
                    const { inboxId: _old, ...rest } = campaign.channelDefaults;
                    change({ ...campaign, channelDefaults: inboxId ? { ...rest, inboxId } : rest }, 'inbox');
                  }}
                />
              )}
            </Field>
            <DefaultSender campaign={campaign} change={change} />
          </Section>

          <GlobalExits campaign={campaign} change={change} />
        </BelowTheFold>
      </div>
    </CampaignProblems>
  );
}

function FrequencyField({ campaign, change }: { campaign: CampaignSettings; change: Change }) {
  const f = campaign.entryFrequency;
  const setType = (type: EntryFrequency['type']) => change({ ...campaign, entryFrequency: type === 'once_per_interval' ? { type, interval: { amount: 30, unit: 'days' } } : { type } });
  return (
    <Field label="How often a user may enter" field="entryFrequency">
      {(id) => (
        <>
          <Select
            id={id}
            value={f.type}
            options={[
              ['once', 'Once'],
              ['every_time', 'Every time the trigger fires'],
              ['once_per_interval', 'At most once per…'],
            ]}
            onChange={setType}
          />
          {f.type === 'once_per_interval' && (
            <DurationInput label="Interval" value={f.interval} onChange={(interval, typing) => change({ ...campaign, entryFrequency: { type: 'once_per_interval', interval } }, typing ? 'frequency' : undefined)} />
          )}
        </>
      )}
    </Field>
  );
}

function DefaultSender({ campaign, change }: { campaign: CampaignSettings; change: Change }) {
  const sender = campaign.channelDefaults.sender;
  const setSender = (next: Sender | undefined, gesture?: string) => {
    const { sender: _old, ...rest } = campaign.channelDefaults;
    change({ ...campaign, channelDefaults: next ? { ...rest, sender: next } : rest }, gesture);
  };
  return (
    <>
      <Field label="Default sender" field="channelDefaults.sender" exact>
        {(id) => (
          <Select
            id={id}
            value={sender?.type ?? ''}
            options={[
              ['', 'Inbox default'],
              ['bot', 'Bot'],
              ['agent', 'An agent'],
            ]}
            onChange={(type) => setSender(type === 'bot' ? { type: 'bot' } : type === 'agent' ? { type: 'agent', agentId: '' } : undefined)}
          />
        )}
      </Field>
      {sender?.type === 'bot' && (
        <Field label="Sender bot name">{(id) => <TextInput id={id} value={sender.name ?? ''} placeholder="Acme" onChange={(name) => setSender(name ? { type: 'bot', name } : { type: 'bot' }, 'sender')} />}</Field>
      )}
      {sender?.type === 'agent' && (
        <Field label="Sender agent id" field="channelDefaults.sender.agentId">
          {(id) => <TextInput id={id} value={sender.agentId} placeholder="agent-42" onChange={(agentId) => setSender({ ...sender, agentId }, 'sender')} />}
        </Field>
      )}
    </>
  );
}

function GlobalExits({ campaign, change }: { campaign: CampaignSettings; change: Change }) {
  const exits = campaign.globalExits;
  const setExit = (i: number, next: CampaignSettings['globalExits'][number], gesture?: string) =>
    change({ ...campaign, globalExits: exits.map((e, j) => (j === i ? next : e)) }, gesture ? `exit${i}.${gesture}` : undefined);
  return (
    <Section
      title="Global exits"
      description="A user who matches any of these leaves the campaign at once, wherever they are."
      actions={
        <button type="button" className="button button--small" onClick={() => change({ ...campaign, globalExits: [...exits, { id: newId('exit'), name: '', condition: emptyGroup('all') }] })}>
          <PlusIcon size={14} />
          Add exit
        </button>
      }
    >
      {exits.length === 0 && <p className="form-note">No exits: users stay until their path ends.</p>}
      {exits.map((exit, i) => (
        <div key={exit.id} className="exit-card" data-testid="global-exit">
          <div className="exit-card__header">
            <Field label={`Exit ${i + 1} name`} field={`globalExits[${i}].name`} className="field--grow">
              {(id) => <TextInput id={id} value={exit.name} placeholder="Unsubscribed" onChange={(name) => setExit(i, { ...exit, name }, 'name')} />}
            </Field>
            <button type="button" className="icon-button" aria-label={`Remove exit ${exit.name || i + 1}`} title="Remove exit" onClick={() => change({ ...campaign, globalExits: exits.filter((_, j) => j !== i) })}>
              <TrashIcon />
            </button>
          </div>
          <ConditionBuilder label={`Exit ${i + 1} condition`} field={`globalExits[${i}].condition`} allowMessage value={exit.condition} onChange={(condition, gesture) => setExit(i, { ...exit, condition }, gesture)} />
        </div>
      ))}
    </Section>
  );
}
