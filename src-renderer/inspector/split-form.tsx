import type { SplitBranch } from '../../src-shared/flow/nodes/split-node';
import { Field, NumberInput, Section, TextInput } from './fields';
import type { NodeFormProps } from './form-types';

const LETTERS = 'abcdefghij';

/** A split's branches: a name and a share each; shares add up to 100%. Branch ids never change. */
export function SplitForm({ node, update }: NodeFormProps<'split'>) {
  const branches = node.data.branches;
  const set = (next: SplitBranch[], gesture?: string) => update({ ...node.data, branches: next }, gesture);
  const total = branches.reduce((a, b) => a + b.percent, 0);
  const freeId = () => [...LETTERS].find((l) => !branches.some((b) => b.id === l)) ?? `b${branches.length + 1}`;
  const even = () => {
    const share = Math.floor(100 / branches.length);
    set(branches.map((b, i) => ({ ...b, percent: i === 0 ? 100 - share * (branches.length - 1) : share })));
  };
  return (
    <Section
      title="Branches"
      description="Each contact is put in one branch at random with these shares, and always the same one: a contact who comes back lands where they did before. Name a branch Control and leave it unconnected to keep a holdout."
      actions={
        <button type="button" className="button button--small button--quiet" onClick={even} disabled={branches.length < 2}>
          Even split
        </button>
      }
    >
      <Field label={`Shares: ${Math.round(total * 10) / 10}% of 100%`} field="data.branches" exact hint={Math.abs(total - 100) > 1e-9 ? 'Adjust the shares until they add up to 100%.' : undefined}>
        {() => (
          <ol className="split-branches" aria-label="Branches">
            {branches.map((b, i) => (
              <li key={b.id} className="split-branches__row">
                <TextInput label={`Branch ${i + 1} name`} value={b.label} placeholder={b.id.toUpperCase()} onChange={(label) => set(branches.map((x) => (x.id === b.id ? { ...x, label } : x)), `split-label-${b.id}`)} />
                <NumberInput label={`Branch ${i + 1} share (%)`} value={b.percent} max={100} onChange={(percent) => set(branches.map((x) => (x.id === b.id ? { ...x, percent } : x)), `split-percent-${b.id}`)} />
                <span aria-hidden="true">%</span>
                <button type="button" className="button button--small button--quiet" aria-label={`Remove branch ${b.label || b.id}`} disabled={branches.length <= 2} onClick={() => set(branches.filter((x) => x.id !== b.id))}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
      </Field>
      <button type="button" className="button button--small" disabled={branches.length >= 10} onClick={() => set([...branches, { id: freeId(), label: '', percent: 0 }])}>
        Add branch
      </button>
    </Section>
  );
}
