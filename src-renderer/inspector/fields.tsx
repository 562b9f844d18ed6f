import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Problem } from '../../src-shared/flow/index';
import { useEditorApi } from '../editor/editor-context';
import { problemsAt } from '../editor/problems';
import { Field as KitField, useFieldDescription, type FieldProps } from '../ui/field';

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

export { FieldMessages } from '../ui/field';

/** The kit's Field, showing the current owner's problems for one validation field (`data.body`, `trigger.event`). */
export function Field({ field, exact, ...props }: Omit<FieldProps, 'problems' | 'error'> & { field?: string; exact?: boolean }) {
  return <KitField {...props} problems={useFieldProblems(field, exact)} />;
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
  onFocus?: () => void;
}

export function TextInput({ id, value, onChange, placeholder, invalid, multiline, rows = 5, label, className = 'form-input', type = 'text', list, onFocus }: TextProps) {
  const settle = useSettle();
  const common = { id, value, placeholder, 'aria-invalid': invalid || undefined, 'aria-describedby': useFieldDescription(id), 'aria-label': label, className: `${className}${multiline ? ' form-input--multiline' : ''}`, onBlur: settle, spellCheck: multiline ? true : false };
  return multiline ? (
    <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <input {...common} type={type} list={list} onFocus={onFocus} onChange={(e) => onChange(e.target.value)} />
  );
}

/**
 * An input for a value whose stored form differs from its text (a number, a list): while the
 * control has focus the text stays as typed, so "1," or "-" do not jump back; otherwise it shows
 * the stored value. `parse` gives the value, or undefined while the text is not one yet.
 */
function ParsedInput<T>({ id, stored, parse, onChange, invalid, label, className, placeholder, inputMode }: { id?: string | undefined; stored: string; parse: (text: string) => T | undefined; onChange: (value: T) => void; invalid?: boolean | undefined; label?: string | undefined; className: string; placeholder?: string | undefined; inputMode?: 'numeric' }) {
  const settle = useSettle();
  const describedBy = useFieldDescription(id);
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={id}
      className={className}
      inputMode={inputMode}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      placeholder={placeholder}
      value={draft ?? stored}
      onFocus={() => setDraft(stored)}
      onBlur={() => {
        setDraft(null);
        settle();
      }}
      onChange={(e) => {
        setDraft(e.target.value);
        const value = parse(e.target.value);
        if (value !== undefined) onChange(value);
      }}
    />
  );
}

export function NumberInput({ id, value, onChange, min = 0, max, invalid, label, className = 'form-input form-input--number' }: { id?: string; value: number; onChange: (value: number) => void; min?: number; max?: number; invalid?: boolean; label?: string; className?: string }) {
  const parse = (text: string) => {
    const n = Number(text);
    return text.trim() !== '' && Number.isInteger(n) && n >= min && (max === undefined || n <= max) ? n : undefined;
  };
  return <ParsedInput id={id} stored={String(value)} parse={parse} onChange={onChange} invalid={invalid} label={label} className={className} inputMode="numeric" />;
}

const parseList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** A comma-separated list of values. */
export function ListInput({ id, value, onChange, placeholder, invalid, label }: { id?: string; value: readonly (string | number)[]; onChange: (value: string[]) => void; placeholder?: string; invalid?: boolean; label?: string }) {
  return <ParsedInput id={id} stored={value.join(', ')} parse={parseList} onChange={onChange} invalid={invalid} label={label} className="form-input" placeholder={placeholder} />;
}

export function Select<T extends string>({ id, value, options, onChange, label, invalid, className = 'form-select' }: { id?: string; value: T; options: readonly (readonly [T, string])[]; onChange: (value: T) => void; label?: string; invalid?: boolean; className?: string }) {
  return (
    <select id={id} className={className} value={value} aria-label={label} aria-invalid={invalid || undefined} aria-describedby={useFieldDescription(id)} onChange={(e) => onChange(e.target.value as T)}>
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
