import { Switch } from '../ui/switch';
import { emptyGroup } from '../../src-shared/flow/index';
import { ConditionBuilder } from './condition-builder';
import { DurationInput } from './duration-input';
import { Field, Section } from './fields';
import type { NodeFormProps } from './form-types';

/** Which reply completes the wait, and how long to wait for it. */
export function InboundMessageForm({ node, update }: NodeFormProps<'inbound-message'>) {
  const data = node.data;
  return (
    <>
      <Section title="Reply">
        <Switch label="Only replies that match a condition" checked={data.condition !== null} onChange={(on) => update({ ...data, condition: on ? emptyGroup('all') : null })} />
        {data.condition && (
          <ConditionBuilder label="Reply condition" field="data.condition" allowMessage value={data.condition} onChange={(condition, gesture) => update({ ...data, condition }, gesture)} />
        )}
      </Section>
      <Section title="Timeout" description="Users who do not reply in time continue on “No reply”.">
        <Switch label="Stop waiting after a while" checked={data.timeout !== null} onChange={(on) => update({ ...data, timeout: on ? { amount: 2, unit: 'days' } : null })} />
        {data.timeout && (
          <Field label="Wait for a reply up to" field="data.timeout">
            {(id, invalid) => <DurationInput id={id} invalid={invalid} label="Timeout" value={data.timeout!} onChange={(timeout, typing) => update({ ...data, timeout }, typing ? 'timeout' : undefined)} />}
          </Field>
        )}
      </Section>
    </>
  );
}
