import { VISITOR_ATTRIBUTES, type VisitorRule } from '../../src-shared/campaigns/index';
import { CloseIcon, PlusIcon } from '../ui/icons';
import { Segmented } from './form-controls';

type Conditions = { match: 'all' | 'any'; rules: VisitorRule[] };

const OPERATORS: readonly (readonly [VisitorRule['operator'], string])[] = [
  ['equals', 'is'],
  ['not_equals', 'is not'],
  ['contains', 'contains'],
  ['in_list', 'is one of'],
  ['greater_than', 'is more than'],
  ['less_than', 'is less than'],
  ['exists', 'is known'],
  ['not_exists', 'is unknown'],
];

/** Conditions on what the widget knows of the visitor, matched all or any. */
export function VisitorConditionsEditor({ value, onChange }: { value: Conditions; onChange: (value: Conditions) => void }) {
  const update = (i: number, rule: Partial<VisitorRule>) => onChange({ ...value, rules: value.rules.map((r, j) => (j === i ? { ...r, ...rule } : r)) });
  return (
    <div className="conditions" data-testid="visitor-conditions">
      {value.rules.length > 1 && (
        <div className="conditions__match">
          <span>Show to visitors who match</span>
          <Segmented
            label="Match"
            value={value.match}
            options={[
              ['all', 'all conditions'],
              ['any', 'any condition'],
            ]}
            onChange={(match) => onChange({ ...value, match })}
          />
        </div>
      )}
      {value.rules.length === 0 && <p className="conditions__none">Every visitor on a matching page. Add conditions to narrow it down.</p>}
      {value.rules.map((rule, i) => {
        const info = VISITOR_ATTRIBUTES.find((a) => a.key === rule.attribute);
        const listId = `visitor-values-${i}`;
        const needsValue = rule.operator !== 'exists' && rule.operator !== 'not_exists';
        return (
          <div className="condition-row" key={i}>
            <span className="condition-row__joiner">{i === 0 ? 'Where' : value.match === 'all' ? 'and' : 'or'}</span>
            <select className="input" aria-label="Attribute" value={rule.attribute} onChange={(event) => update(i, { attribute: event.target.value })}>
              {VISITOR_ATTRIBUTES.map((a) => (
                <option key={a.key} value={a.key}>
                  {a.label}
                </option>
              ))}
            </select>
            <select className="input" aria-label="Comparison" value={rule.operator} onChange={(event) => update(i, { operator: event.target.value as VisitorRule['operator'] })}>
              {OPERATORS.filter(([op]) => (info?.type === 'number' ? op !== 'contains' : op !== 'greater_than' && op !== 'less_than')).map(([op, text]) => (
                <option key={op} value={op}>
                  {text}
                </option>
              ))}
            </select>
            {needsValue ? (
              <>
                <input
                  className="input"
                  aria-label="Value"
                  list={info?.values ? listId : undefined}
                  type={info?.type === 'number' && rule.operator !== 'in_list' ? 'number' : 'text'}
                  placeholder={rule.operator === 'in_list' ? 'a, b, c' : info?.type === 'boolean' ? 'true or false' : 'value'}
                  value={rule.value}
                  onChange={(event) => update(i, { value: event.target.value })}
                />
                {info?.values && (
                  <datalist id={listId}>
                    {info.values.map((v) => (
                      <option key={v} value={v} />
                    ))}
                  </datalist>
                )}
              </>
            ) : (
              <span />
            )}
            <button type="button" className="icon-button" aria-label="Remove condition" onClick={() => onChange({ ...value, rules: value.rules.filter((_, j) => j !== i) })}>
              <CloseIcon />
            </button>
          </div>
        );
      })}
      <button type="button" className="button button--small button--ghost" onClick={() => onChange({ ...value, rules: [...value.rules, { attribute: 'country', operator: 'equals', value: '' }] })}>
        <PlusIcon size={14} />
        Add condition
      </button>
    </div>
  );
}
