// Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, then Debian's /usr/bin/chromium.
// Playwright's own browser download is never used (it cannot be fetched offline).
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

/** The path of a runnable Chromium, or undefined when none is installed. */
export function findChromium() {
  for (const path of candidates()) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

export const noChromiumMessage = 'No Chromium found: set CHROMIUM_PATH or `apt-get install -y chromium`';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = findChromium();
  if (!path) {
    console.error(noChromiumMessage);
    process.exit(1);
  }
  console.log(`Chromium: ${path}`);
}
