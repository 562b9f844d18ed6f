import { useId, type ReactNode } from 'react';

/** A labelled form row with an optional hint and an error that replaces it. */
export function Field({ label, hint, error, children, optional }: { label: string; hint?: ReactNode; error?: string | undefined; optional?: boolean; children: (id: string, invalid: boolean) => ReactNode }) {
  const id = useId();
  return (
    <div className={`cfield${error ? ' cfield--invalid' : ''}`}>
      <label className="cfield__label" htmlFor={id}>
        {label}
        {optional && <span className="cfield__optional">optional</span>}
      </label>
      {children(id, Boolean(error))}
      {error ? (
        <p className="cfield__error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <div className="cfield__hint">{hint}</div>
      ) : null}
    </div>
  );
}

/** An on/off switch that reads as a checkbox to assistive technology. */
export function Switch({ checked, onChange, label, disabled, title }: { checked: boolean; onChange: (value: boolean) => void; label: string; disabled?: boolean; title?: string }) {
  return (
    <button type="button" role="switch" aria-checked={checked} aria-label={label} title={title ?? label} disabled={disabled} className={`switch${checked ? ' switch--on' : ''}`} onClick={() => onChange(!checked)}>
      <span className="switch__thumb" />
    </button>
  );
}

/** A row of mutually exclusive choices. */
export function Segmented<T extends string>({ value, options, onChange, label }: { value: T; options: readonly (readonly [T, string])[]; onChange: (value: T) => void; label: string }) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map(([key, text]) => (
        <button key={key} type="button" role="radio" aria-checked={value === key} className={`segmented__option${value === key ? ' segmented__option--on' : ''}`} onClick={() => onChange(key)}>
          {text}
        </button>
      ))}
    </div>
  );
}

/** A card-like section of a form with a title and a short explanation. */
export function FormSection({ title, description, children, aside }: { title: string; description?: ReactNode; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="fsection">
      <header className="fsection__header">
        <div>
          <h2 className="fsection__title">{title}</h2>
          {description && <p className="fsection__description">{description}</p>}
        </div>
        {aside}
      </header>
      <div className="fsection__body">{children}</div>
    </section>
  );
}
