import type { ReactNode } from 'react';

export { Field } from '../ui/field';
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
