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

export { Segmented } from '../ui/segmented';
export { Switch } from '../ui/switch';

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
