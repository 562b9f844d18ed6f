import { useContext } from 'react';
import {
  appendRule,
  defaultRule,
  removeRule,
  ruleField,
  updateRule,
  type ConditionGroup,
  type PropertyCondition,
  type Rule,
  type RulePath,
  type RuleType,
} from '../../src-shared/flow/index';
import { CloseIcon, PlusIcon } from '../ui/icons';
import { DurationInput } from './duration-input';
import { FieldMessages, NumberInput, ProblemOwnerContext, Segmented, Select, TextInput, useFieldProblems } from './fields';
import { OPERATOR_OPTIONS, ValueInput, valueForOperator } from './value-input';
import { problemsAt } from '../editor/problems';

/** `gesture` names a typing gesture (one undo step per field visit); none = a discrete change. */
export type ConditionChange = (next: ConditionGroup, gesture?: string) => void;

const RULE_TYPES: readonly (readonly [RuleType, string])[] = [
  ['attribute', 'Attribute'],
  ['tag', 'Tag / label'],
  ['segment', 'Segment'],
  ['event', 'Event performed'],
  ['conversation', 'Conversation'],
  ['message', 'Message text'],
];

interface BuilderProps {
  value: ConditionGroup;
  onChange: ConditionChange;
  /** Validation field of the root group, e.g. `data.condition` or `globalExits[0].condition`. */
  field: string;
  /** Message-content rules only where a message arrives. */
  allowMessage: boolean;
  label: string;
}

/** Nested all/any groups of rules; every rule shows its own validation messages. */
export function ConditionBuilder({ value, onChange, field, allowMessage, label }: BuilderProps) {
  return (
    <div className="condition" aria-label={label} role="group">
      <GroupEditor root={value} path={[]} group={value} onChange={onChange} field={field} allowMessage={allowMessage} depth={0} />
    </div>
  );
}

interface GroupProps {
  root: ConditionGroup;
  group: ConditionGroup;
  path: RulePath;
  onChange: ConditionChange;
  field: string;
  allowMessage: boolean;
  depth: number;
}

function GroupEditor({ root, group, path, onChange, field, allowMessage, depth }: GroupProps) {
  const here = ruleField(field, path);
  const ownProblems = useFieldProblems(here, true);
  const types = allowMessage ? RULE_TYPES : RULE_TYPES.filter(([t]) => t !== 'message');
  const add = (type: RuleType) => onChange(appendRule(root, path, defaultRule(type)));
  return (
    <div className={`condition-group condition-group--depth-${Math.min(depth, 2)}`} data-testid="condition-group">
      <div className="condition-group__header">
        <span className="condition-group__lead">{depth === 0 ? 'Match' : 'Match'}</span>
        <Segmented
          label="Match"
          value={group.match}
          options={[
            ['all', 'all'],
            ['any', 'any'],
          ]}
          onChange={(match) => onChange(updateRule(root, path, (g) => ({ ...(g as ConditionGroup), match })))}
        />
        <span className="condition-group__lead">of these rules</span>
        {depth > 0 && (
          <button type="button" className="icon-button icon-button--small condition-group__remove" aria-label="Remove group" title="Remove group" onClick={() => onChange(removeRule(root, path))}>
            <CloseIcon size={14} />
          </button>
        )}
      </div>
      <FieldMessages problems={ownProblems} />
      {group.rules.length === 0 && <p className="condition-group__empty">{depth === 0 ? 'No rules yet.' : 'An empty group is ignored.'}</p>}
      <ol className="condition-group__rules">
        {group.rules.map((rule, index) => {
          const rulePath = [...path, index];
          return (
            <li key={index} className="condition-group__item">
              {index > 0 && <span className="condition-group__joiner">{group.match === 'all' ? 'and' : 'or'}</span>}
              {rule.type === 'group' ? (
                <GroupEditor root={root} group={rule} path={rulePath} onChange={onChange} field={field} allowMessage={allowMessage} depth={depth + 1} />
              ) : (
                <RuleEditor root={root} rule={rule} path={rulePath} onChange={onChange} field={field} types={types} />
              )}
            </li>
          );
        })}
      </ol>
      <div className="condition-group__actions">
        <select
          className="form-select form-select--ghost"
          aria-label={depth === 0 ? 'Add rule' : `Add rule to group ${path.join('.')}`}
          value=""
          onChange={(e) => {
            if (e.target.value) add(e.target.value as RuleType);
          }}
        >
          <option value="">+ Add rule…</option>
          {types.map(([t, text]) => (
            <option key={t} value={t}>
              {text}
            </option>
          ))}
        </select>
        {depth < 3 && (
          <button type="button" className="button button--small button--quiet" onClick={() => add('group')}>
            <PlusIcon size={14} />
            Group
          </button>
        )}
      </div>
    </div>
  );
}

type Leaf = Exclude<Rule, ConditionGroup>;

interface RuleProps {
  root: ConditionGroup;
  rule: Leaf;
  path: RulePath;
  onChange: ConditionChange;
  field: string;
  types: readonly (readonly [RuleType, string])[];
}

function RuleEditor({ root, rule, path, onChange, field, types }: RuleProps) {
  const here = ruleField(field, path);
  const owner = useContext(ProblemOwnerContext);
  const problems = problemsAt(owner.problems, owner, here);
  const bad = (sub: string) => problemsAt(owner.problems, owner, `${here}.${sub}`).some((p) => p.severity === 'error');
  const set = (next: Leaf, gesture?: string) => onChange(updateRule(root, path, () => next), gesture ? `${here}.${gesture}` : undefined);
  const typeOptions = types.some(([t]) => t === rule.type) ? types : [...types, [rule.type, rule.type] as const];
  return (
    <div className="rule" data-testid="rule" data-rule-type={rule.type}>
      <div className="rule__row">
        <Select label="Rule type" className="form-select form-select--compact rule__type" value={rule.type} options={typeOptions} onChange={(type) => set(defaultRule(type) as Leaf)} />
        <button type="button" className="icon-button icon-button--small rule__remove" aria-label="Remove rule" title="Remove rule" onClick={() => onChange(removeRule(root, path))}>
          <CloseIcon size={14} />
        </button>
      </div>
      <div className="rule__fields">
        <RuleFields rule={rule} set={set} bad={bad} />
      </div>
      <FieldMessages problems={problems} />
    </div>
  );
}

function RuleFields({ rule, set, bad }: { rule: Leaf; set: (next: Leaf, gesture?: string) => void; bad: (sub: string) => boolean }) {
  switch (rule.type) {
    case 'attribute':
      return (
        <>
          <TextInput label="Attribute" className="form-input form-input--compact" placeholder="plan" value={rule.attribute} invalid={bad('attribute')} onChange={(attribute) => set({ ...rule, attribute }, 'attribute')} />
          <Select label="Operator" className="form-select form-select--compact" value={rule.operator} options={OPERATOR_OPTIONS} onChange={(operator) => set(withValue({ ...rule, operator }, valueForOperator(operator, rule.value)))} />
          <ValueInput label="Value" operator={rule.operator} value={rule.value} invalid={bad('value')} onChange={(value) => set(withValue(rule, value), 'value')} />
        </>
      );
    case 'tag':
      return (
        <>
          <Select label="Tag operator" className="form-select form-select--compact" value={rule.operator} options={[['has', 'has tag'], ['has_not', 'does not have tag']] as const} onChange={(operator) => set({ ...rule, operator })} />
          <TextInput label="Tag" className="form-input form-input--compact" placeholder="vip" value={rule.tag} invalid={bad('tag')} onChange={(tag) => set({ ...rule, tag }, 'tag')} />
        </>
      );
    case 'segment':
      return (
        <>
          <Select label="Segment operator" className="form-select form-select--compact" value={rule.operator} options={[['in', 'is in segment'], ['not_in', 'is not in segment']] as const} onChange={(operator) => set({ ...rule, operator })} />
          <TextInput label="Segment" className="form-input form-input--compact" placeholder="active-users" value={rule.segment} invalid={bad('segment')} onChange={(segment) => set({ ...rule, segment }, 'segment')} />
        </>
      );
    case 'event':
      return (
        <>
          <TextInput label="Event" className="form-input form-input--compact" placeholder="project.created" value={rule.event} invalid={bad('event')} onChange={(event) => set({ ...rule, event }, 'event')} />
          <Select label="Count operator" className="form-select form-select--compact" value={rule.count.operator} options={[['at_least', 'at least'], ['at_most', 'at most'], ['exactly', 'exactly']] as const} onChange={(operator) => set({ ...rule, count: { ...rule.count, operator } })} />
          <span className="rule__inline">
            <NumberInput label="Times" className="form-input form-input--compact input--number" value={rule.count.value} onChange={(value) => set({ ...rule, count: { ...rule.count, value } }, 'count')} />
            <span className="muted">times</span>
          </span>
          <label className="rule__check">
            <input type="checkbox" checked={rule.within !== undefined} onChange={(e) => set(e.target.checked ? { ...rule, within: { amount: 7, unit: 'days' } } : withoutWithin(rule))} />
            within the last
          </label>
          {rule.within && <DurationInput compact value={rule.within} onChange={(within, typing) => set({ ...rule, within }, typing ? 'within' : undefined)} />}
          <PropertyList value={rule.properties} onChange={(properties, gesture) => set({ ...rule, properties }, gesture)} />
        </>
      );
    case 'conversation':
      return <Select label="Conversation" className="form-select form-select--compact" value={rule.operator} options={[['has_open', 'has an open conversation'], ['has_no_open', 'has no open conversation']] as const} onChange={(operator) => set({ ...rule, operator })} />;
    case 'message':
      return (
        <>
          <Select label="Message operator" className="form-select form-select--compact" value={rule.operator} options={[['contains', 'contains'], ['not_contains', 'does not contain'], ['equals', 'equals'], ['matches', 'matches pattern']] as const} onChange={(operator) => set({ ...rule, operator })} />
          <TextInput label="Message text" className="form-input form-input--compact" placeholder="stop" value={rule.value} invalid={bad('value')} onChange={(value) => set({ ...rule, value }, 'value')} />
          <label className="rule__check">
            <input type="checkbox" checked={rule.caseSensitive} onChange={(e) => set({ ...rule, caseSensitive: e.target.checked })} />
            Case sensitive
          </label>
        </>
      );
  }
}

function withValue<T extends { value?: PropertyCondition['value'] }>(rule: T, value: PropertyCondition['value']): T {
  const { value: _old, ...rest } = rule;
  return (value === undefined ? rest : { ...rest, value }) as T;
}

function withoutWithin<T extends { within?: unknown }>(rule: T): T {
  const { within: _w, ...rest } = rule;
  return rest as T;
}

/** Conditions on event properties (event rules and event triggers). */
export function PropertyList({ value, onChange }: { value: PropertyCondition[]; onChange: (next: PropertyCondition[], gesture?: string) => void }) {
  const setAt = (i: number, next: PropertyCondition, gesture?: string) => onChange(value.map((p, j) => (j === i ? next : p)), gesture ? `properties[${i}].${gesture}` : undefined);
  return (
    <div className="property-list">
      {value.map((p, i) => (
        <div key={i} className="property-row" data-testid="property-row">
          <TextInput label="Property" className="form-input form-input--compact" placeholder="plan" value={p.property} onChange={(property) => setAt(i, { ...p, property }, 'property')} />
          <Select label="Property operator" className="form-select form-select--compact" value={p.operator} options={OPERATOR_OPTIONS} onChange={(operator) => setAt(i, withValue({ ...p, operator }, valueForOperator(operator, p.value)))} />
          <ValueInput label="Property value" operator={p.operator} value={p.value} onChange={(v) => setAt(i, withValue(p, v), 'value')} />
          <button type="button" className="icon-button icon-button--small" aria-label="Remove property condition" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
      <button type="button" className="button button--small button--quiet" onClick={() => onChange([...value, { property: '', operator: 'equals', value: '' }])}>
        <PlusIcon size={14} />
        Property condition
      </button>
    </div>
  );
}
