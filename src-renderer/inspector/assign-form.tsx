import type { AssignTarget } from '../../src-shared/flow/index';
import { Field, Section, Select, TextInput } from './fields';
import type { NodeFormProps } from './form-types';

type TargetType = AssignTarget['type'];
const ID_LABEL: Record<TargetType, string> = { inbox: 'Inbox id', team: 'Team id', agent: 'Agent id' };

function idOf(t: AssignTarget): string {
  return t.type === 'inbox' ? t.inboxId : t.type === 'team' ? t.teamId : t.agentId;
}

function withId(type: TargetType, id: string, name?: string): AssignTarget {
  const extra = name ? { name } : {};
  return type === 'inbox' ? { type, inboxId: id, ...extra } : type === 'team' ? { type, teamId: id, ...extra } : { type, agentId: id, ...extra };
}

/** Who the conversation goes to: an inbox, a team or an agent. */
export function AssignForm({ node, update }: NodeFormProps<'assign'>) {
  const target = node.data.target;
  const set = (next: AssignTarget | null, gesture?: string) => update({ ...node.data, target: next }, gesture);
  return (
    <Section title="Assign to">
      <Field label="Assign to" field="data.target" exact>
        {(id, invalid) => (
          <Select
            id={id}
            invalid={invalid}
            value={target?.type ?? ''}
            options={[
              ['', 'Choose…'],
              ['inbox', 'An inbox'],
              ['team', 'A team'],
              ['agent', 'An agent'],
            ]}
            onChange={(type) => set(type ? withId(type, target ? idOf(target) : '', target?.name) : null)}
          />
        )}
      </Field>
      {target && (
        <div className="field-row">
          <Field label={ID_LABEL[target.type]}>{(id) => <TextInput id={id} value={idOf(target)} placeholder="sales" onChange={(value) => set(withId(target.type, value, target.name), 'target.id')} />}</Field>
          <Field label="Display name">{(id) => <TextInput id={id} value={target.name ?? ''} placeholder="Sales" onChange={(value) => set(withId(target.type, idOf(target), value), 'target.name')} />}</Field>
        </div>
      )}
    </Section>
  );
}
