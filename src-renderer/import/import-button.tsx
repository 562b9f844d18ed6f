import { useRef, type ReactNode } from 'react';
import { UploadIcon } from '../ui/icons';

/** A button that opens the file picker for `.json` flows. */
export function ImportButton({ onFile, className = 'button', title, children = 'Import JSON' }: { onFile: (file: File) => void; className?: string; title?: string; children?: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} title={title} onClick={() => input.current?.click()}>
        <UploadIcon />
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = ''; // choosing the same file again still imports it
          if (file) onFile(file);
        }}
      />
    </>
  );
}
