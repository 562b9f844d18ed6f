import { useEffect, useRef, useState } from 'react';
import { BookIcon } from '../ui/icons';
import { ExampleList } from './example-list';
import type { ExamplesState } from './use-examples';

/** The toolbar's way to the examples once the list is no longer empty. */
export function ExamplesMenu({ state, onOpen }: { state: ExamplesState; onOpen: (file: string) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="menu" ref={root}>
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        <BookIcon />
        Examples
      </button>
      {open && (
        <div className="menu__popover" role="dialog" aria-label="Examples">
          <ExampleList
            state={state}
            onOpen={(file) => {
              setOpen(false);
              onOpen(file);
            }}
          />
        </div>
      )}
    </div>
  );
}
