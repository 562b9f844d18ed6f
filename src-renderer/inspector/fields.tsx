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
function useSettle() {
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
  const common = { id, value, placeholder, 'aria-invalid': invalid || undefined, 'aria-describedby': useFieldDescription(id), 'aria-label': label, className: `${className}${multiline ? ' form-input--multiline' : ''}`, onBlur: settle, spellCheck: multiline ? true : false };
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
  const describedBy = useFieldDescription(id);
  const typed = useTypedText(String(value));
  return (
    <input
      id={id}
      className={className}
      inputMode="numeric"
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
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
  const describedBy = useFieldDescription(id);
  const typed = useTypedText(value.join(', '));
  return (
    <input
      id={id}
      className="form-input"
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
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
