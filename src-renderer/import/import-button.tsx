import { useRef, type ReactNode } from 'react';
import { getHost, getHostEvents } from '../host/host-client';
import { UploadIcon } from '../ui/icons';
import { openedFileToFile } from './read-flow-file';

/**
 * Asks the host for its native open dialog; null when it has none (the web edition), so the
 * browser's file picker is used instead. A file the host could not read comes back as a File
 * whose reading fails, which the import report shows like any unreadable file.
 */
export async function chooseFlowFileNatively(): Promise<File | 'canceled' | null> {
  const chosen = await getHost()
    .file.openFlow()
    .catch(() => ({ supported: false as const }));
  if (!chosen.supported) return null;
  if (chosen.canceled) return 'canceled';
  return openedFileToFile(chosen.file);
}

/** A button that opens the file picker for `.json` flows (the native dialog in the desktop app). */
export function ImportButton({ onFile, className = 'button', title, children = 'Import JSON' }: { onFile: (file: File) => void; className?: string; title?: string; children?: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        title={title}
        onClick={() => {
          // The web edition has no native dialog: open the browser's picker within the click.
          if (!getHostEvents()) return input.current?.click();
          void chooseFlowFileNatively().then((file) => {
            if (file === null) input.current?.click();
            else if (file !== 'canceled') onFile(file);
          });
        }}
      >
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
