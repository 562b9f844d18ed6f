import { kindLabels } from '../ui/format';
import { BookIcon } from '../ui/icons';
import type { ExamplesState } from './use-examples';

/** Bundled example flows as cards; choosing one imports it like a file. */
export function ExampleList({ state, onOpen }: { state: ExamplesState; onOpen: (file: string) => void }) {
  if (state.status === 'loading') return <p className="muted">Loading examples…</p>;
  if (state.status === 'failed') return <p className="muted">Examples are unavailable ({state.message}).</p>;
  if (state.examples.length === 0) return <p className="muted">No examples are bundled with this build.</p>;
  return (
    <ul className="example-list" aria-label="Examples">
      {state.examples.map((example) => (
        <li key={example.file}>
          <button type="button" className="example-card" onClick={() => onOpen(example.file)} data-testid="example" data-file={example.file}>
            <span className="example-card__icon">
              <BookIcon />
            </span>
            <span className="example-card__text">
              <span className="example-card__name">{example.name}</span>
              <span className="example-card__meta">{kindLabels[example.kind]}</span>
              {example.description && <span className="example-card__description">{example.description}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
