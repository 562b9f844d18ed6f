import { getHost, getHostEvents } from '../host/host-client';

/** Saves text as a file through the browser's download (the web edition's way). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves a flow file: the desktop app's native save dialog where the host has one, else a
 * browser download. Resolves to the saved name, or null when the user cancelled the dialog.
 */
export async function saveFlowText(fileName: string, text: string): Promise<string | null> {
  if (!getHostEvents()) {
    downloadText(fileName, text);
    return fileName;
  }
  const saved = await getHost()
    .file.saveFlow({ suggestedName: fileName, text })
    .catch(() => ({ supported: false as const }));
  if (!saved.supported) {
    downloadText(fileName, text);
    return fileName;
  }
  return saved.canceled ? null : saved.name;
}
