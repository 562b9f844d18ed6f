import { useRef } from 'react';
import { KNOWN_VARIABLES, type Sender, type SendChannel } from '../../src-shared/flow/index';
import { Field, Section, Segmented, Select, TextInput } from './fields';
import type { NodeFormProps } from './form-types';

const CHANNELS: readonly (readonly [SendChannel | '', string])[] = [
  ['', 'Choose a channel…'],
  ['chat', 'Chat'],
  ['email', 'Email'],
  ['sms', 'SMS'],
  ['whatsapp', 'WhatsApp'],
  ['api', 'API inbox'],
];

type SenderChoice = 'default' | 'bot' | 'agent';

/** A message: channel, subject for email, body with variables, sender and conversation. */
export function SendForm({ node, update }: NodeFormProps<'send'>) {
  const data = node.data;
  const body = useRef<HTMLTextAreaElement | null>(null);
  const senderChoice: SenderChoice = data.sender ? data.sender.type : 'default';
  const setSender = (sender: Sender | null, gesture?: string) => update({ ...data, sender }, gesture);
  const insertVariable = (name: string) => {
    const el = body.current;
    const token = `{{ ${name} }}`;
    const at = el ? el.selectionStart : data.body.length;
    const end = el ? el.selectionEnd : data.body.length;
    update({ ...data, body: data.body.slice(0, at) + token + data.body.slice(end) });
  };
  return (
    <>
      <Section title="Message">
        <Field label="Channel" field="data.channel">
          {(id, invalid) => <Select id={id} invalid={invalid} value={data.channel ?? ''} options={CHANNELS} onChange={(channel) => update({ ...data, channel: channel || null })} />}
        </Field>
        {data.channel === 'email' && (
          <Field label="Subject" field="data.subject">
            {(id, invalid) => <TextInput id={id} invalid={invalid} value={data.subject} placeholder="Welcome to Acme, {{ contact.first_name }}" onChange={(subject) => update({ ...data, subject }, 'subject')} />}
          </Field>
        )}
        <Field label="Message" field="data.body" hint={<BodyHint length={data.body.length} channel={data.channel} />}>
          {(id, invalid) => (
            <div className="body-editor" ref={(el) => void (body.current = el?.querySelector('textarea') ?? null)}>
              <TextInput id={id} multiline rows={6} invalid={invalid} value={data.body} placeholder="Hi {{ contact.first_name }}, …" onChange={(text) => update({ ...data, body: text }, 'body')} />
              <select className="form-select form-select--ghost body-editor__variables" aria-label="Insert variable" value="" onChange={(e) => e.target.value && insertVariable(e.target.value)}>
                <option value="">{'{ } Insert variable'}</option>
                {KNOWN_VARIABLES.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
      </Section>
      <Section title="Delivery">
        <Field label="Sender" field="data.sender">
          {(id) => (
            <Select
              id={id}
              value={senderChoice}
              options={[
                ['default', 'Campaign default'],
                ['bot', 'Bot'],
                ['agent', 'An agent'],
              ]}
              onChange={(choice) => setSender(choice === 'default' ? null : choice === 'bot' ? { type: 'bot' } : { type: 'agent', agentId: '' })}
            />
          )}
        </Field>
        {data.sender?.type === 'bot' && (
          <Field label="Bot name">{(id) => <TextInput id={id} value={data.sender?.name ?? ''} placeholder="Acme" onChange={(name) => setSender(name ? { type: 'bot', name } : { type: 'bot' }, 'sender')} />}</Field>
        )}
        {data.sender?.type === 'agent' && (
          <Field label="Agent id" field="data.sender.agentId">
            {(id) => <TextInput id={id} value={data.sender?.type === 'agent' ? data.sender.agentId : ''} placeholder="agent-42" onChange={(agentId) => setSender({ type: 'agent', agentId }, 'sender')} />}
          </Field>
        )}
        <Field label="Conversation" field="data.conversation">
          {() => (
            <Segmented
              label="Conversation"
              value={data.conversation}
              options={[
                ['new', 'Start new'],
                ['follow_up', 'Follow up'],
              ]}
              onChange={(conversation) => update({ ...data, conversation })}
            />
          )}
        </Field>
        <Field label="Inbox" field="data.inboxId" hint="Leave empty to use the campaign's inbox.">
          {(id) => (
            <TextInput
              id={id}
              value={data.inboxId ?? ''}
              placeholder="email"
              onChange={(inboxId) => {
                const { inboxId: _old, ...rest } = data;
                update(inboxId ? { ...rest, inboxId } : rest, 'inboxId');
              }}
            />
          )}
        </Field>
      </Section>
    </>
  );
}

function BodyHint({ length, channel }: { length: number; channel: SendChannel | null }) {
  return (
    <>
      {length} character{length === 1 ? '' : 's'}
      {channel === 'sms' && length > 160 ? ` · ${Math.ceil(length / 153)} SMS parts` : ''}
    </>
  );
}
