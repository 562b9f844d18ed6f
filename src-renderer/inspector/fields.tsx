import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import type { Problem } from '../../src-shared/flow/index';
import { useEditorApi } from '../editor/editor-context';
import { problemsAt } from '../editor/problems';

/** Whose problems the fields below show: a node's (by id) or the campaign's (by path). */
export interface ProblemOwner {
  problems: readonly Problem[];
  nodeId?: string;
  pathPrefix?: string;
}

export const ProblemOwnerContext = createContext<ProblemOwner>({ problems: [] });

/** The problems for one field of the current owner. */
export function useFieldProblems(field: string | undefined, exact = false): Problem[] {
  const owner = useContext(ProblemOwnerContext);
  if (!field) return [];
  return problemsAt(owner.problems, owner, field, exact);
}

/** Inline messages under a control. */
export function FieldMessages({ problems }: { problems: readonly Problem[] }) {
  if (!problems.length) return null;
  return (
    <ul className="field__messages">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`} className={`field__message field__message--${p.severity}`} data-testid="field-problem" data-code={p.code}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  /** Validation field (`data.body`, `trigger.event`) whose problems show under the control. */
  field?: string;
  exact?: boolean;
  hint?: ReactNode;
  children: (id: string, invalid: boolean) => ReactNode;
  className?: string;
}

/** A labelled control with its hint and its validation messages. */
export function Field({ label, field, exact, hint, children, className }: FieldProps) {
  const id = useId();
  const problems = useFieldProblems(field, exact);
  const invalid = problems.some((p) => p.severity === 'error');
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children(id, invalid)}
      {hint && <p className="field__hint">{hint}</p>}
      <FieldMessages problems={problems} />
    </div>
  );
}

/** Settles the typing gesture when a text control loses focus: one undo step per field visit. */
/** Ends the current typing gesture (one undo step), as a field's blur does. */
export function useSettle() {
  const api = useEditorApi();
  return () => api.getState().settle();
}

interface TextProps {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  invalid?: boolean;
  multiline?: boolean;
  rows?: number;
  label?: string;
  className?: string;
  type?: 'text' | 'datetime-local' | 'time' | 'url';
  list?: string;
}

export function TextInput({ id, value, onChange, placeholder, invalid, multiline, rows = 5, label, className = 'form-input', type = 'text', list }: TextProps) {
  const settle = useSettle();
  const common = { id, value, placeholder, 'aria-invalid': invalid || undefined, 'aria-label': label, className: `${className}${multiline ? ' form-input--multiline' : ''}`, onBlur: settle, spellCheck: multiline ? true : false };
  return multiline ? (
    <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <input {...common} type={type} list={list} onChange={(e) => onChange(e.target.value)} />
  );
}

/**
 * Text the user types whose stored form differs (a number, a list): while the control has
 * focus the text stays as typed, so "1," or "-" do not jump back; otherwise it shows the stored value.
 */
function useTypedText(stored: string) {
  const [draft, setDraft] = useState<string | null>(null);
  return { text: draft ?? stored, begin: () => setDraft(stored), type: setDraft, end: () => setDraft(null) };
}

export function NumberInput({ id, value, onChange, min = 0, max, invalid, label, className = 'form-input form-input--number' }: { id?: string; value: number; onChange: (value: number) => void; min?: number; max?: number; invalid?: boolean; label?: string; className?: string }) {
  const settle = useSettle();
  const typed = useTypedText(String(value));
  return (
    <input
      id={id}
      className={className}
      inputMode="numeric"
      aria-label={label}
      aria-invalid={invalid || undefined}
      value={typed.text}
      onFocus={typed.begin}
      onBlur={() => {
        typed.end();
        settle();
      }}
      onChange={(e) => {
        typed.type(e.target.value);
        const n = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isInteger(n) && n >= min && (max === undefined || n <= max)) onChange(n);
      }}
    />
  );
}

/** A comma-separated list of values. */
export function ListInput({ id, value, onChange, placeholder, invalid, label }: { id?: string; value: readonly (string | number)[]; onChange: (value: string[]) => void; placeholder?: string; invalid?: boolean; label?: string }) {
  const settle = useSettle();
  const typed = useTypedText(value.join(', '));
  return (
    <input
      id={id}
      className="form-input"
      aria-label={label}
      aria-invalid={invalid || undefined}
      placeholder={placeholder}
      value={typed.text}
      onFocus={typed.begin}
      onBlur={() => {
        typed.end();
        settle();
      }}
      onChange={(e) => {
        typed.type(e.target.value);
        onChange(
          e.target.value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}

export function Select<T extends string>({ id, value, options, onChange, label, invalid, className = 'form-select' }: { id?: string; value: T; options: readonly (readonly [T, string])[]; onChange: (value: T) => void; label?: string; invalid?: boolean; className?: string }) {
  return (
    <select id={id} className={className} value={value} aria-label={label} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value as T)}>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}

export { Segmented } from '../ui/segmented';

/** A titled group of fields in a panel. */
export function Section({ title, children, actions, description }: { title: string; children: ReactNode; actions?: ReactNode; description?: ReactNode }) {
  return (
    <section className="form-section">
      <header className="form-section__header">
        <h3 className="form-section__title">{title}</h3>
        {actions}
      </header>
      {description && <p className="form-section__description">{description}</p>}
      <div className="form-section__body">{children}</div>
    </section>
  );
}
