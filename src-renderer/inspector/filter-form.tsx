import { ConditionBuilder } from './condition-builder';
import { Section } from './fields';
import type { NodeFormProps } from './form-types';

/** A filter's condition: users who match go down "Match", the others down "Else". */
export function FilterForm({ node, update }: NodeFormProps<'filter'>) {
  return (
    <Section title="Condition" description="Checked the moment a user arrives. Users who match continue on Match, the others on Else.">
      <ConditionBuilder label="Filter condition" field="data.condition" allowMessage={false} value={node.data.condition} onChange={(condition, gesture) => update({ ...node.data, condition }, gesture)} />
    </Section>
  );
}
