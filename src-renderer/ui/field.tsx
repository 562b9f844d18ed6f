import { createContext, useContext, useId, type ReactNode } from 'react';
import '../styles/ui.css';
import { severityTone } from './tone';

/** A message under a control: a validation problem of the flow or campaign, or a form's own check. */
export interface FieldMessage {
  severity: 'error' | 'warning' | 'info';
  message: string;
  code?: string;
}

export interface FieldProps {
  label: string;
  /** What to type here; an `error` takes its place. */
  hint?: ReactNode;
  /** The one thing wrong with the value, said once it matters (announced as an alert). */
  error?: string | undefined;
  /** Live validation messages of the value, listed under the control. */
  problems?: readonly FieldMessage[];
  optional?: boolean;
  className?: string;
  /** Draws the control with the label's `id`; `invalid` and `describedBy` go on it as aria-invalid and aria-describedby. */
  children: (id: string, invalid: boolean, describedBy: string | undefined) => ReactNode;
}

interface FieldWiring {
  id: string;
  describedBy: string | undefined;
}

const FieldContext = createContext<FieldWiring | null>(null);

/**
 * The aria-describedby a kit control with this `id` should carry: its field's hint and
 * messages, so a screen reader reads them with the control. Undefined outside a Field.
 */
export function useFieldDescription(id: string | undefined): string | undefined {
  const field = useContext(FieldContext);
  return field && id === field.id ? field.describedBy : undefined;
}

/** The one labelled form row: label, control, hint, and an error or validation messages. */
export function Field({ label, hint, error, problems = [], optional, className, children }: FieldProps) {
  const id = useId();
  const invalid = Boolean(error) || problems.some((p) => p.severity === 'error');
  const showHint = Boolean(hint) && !error;
  const describedBy = [showHint && `${id}-hint`, error && `${id}-error`, problems.length > 0 && `${id}-messages`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional">optional</span>}
      </label>
      <FieldContext.Provider value={{ id, describedBy }}>{children(id, invalid, describedBy)}</FieldContext.Provider>
      {showHint && (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <FieldMessages problems={problems} id={`${id}-messages`} />
    </div>
  );
}

/** Validation messages under a control, or under a group of controls that has no single label. */
export function FieldMessages({ problems, id }: { problems: readonly FieldMessage[]; id?: string }) {
  if (!problems.length) return null;
  return (
    <ul className="field__messages" id={id}>
      {problems.map((p, i) => (
        <li key={`${p.code ?? ''}-${i}`} className="field__message" data-tone={severityTone[p.severity]} data-testid="field-problem" data-code={p.code}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}
