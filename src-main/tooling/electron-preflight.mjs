// `npm run dist` preflight: electron-builder packages the app around an Electron
// distribution zip (electron-vX-<platform>-<arch>.zip) that it downloads from GitHub into the
// Electron cache. An offline machine cannot download it, so say so in plain words before a
// long build ends in a network stack trace. See docs/packaging.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where @electron/get keeps downloaded zips ($ELECTRON_CACHE, else the OS cache folder). */
export function electronCacheDir(env = process.env, platform = process.platform, home = homedir()) {
  if (env.ELECTRON_CACHE) return env.ELECTRON_CACHE;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'electron');
}

/** The Electron version the app is packaged with: the installed package, else package.json. */
export function electronVersion(root) {
  const installed = join(root, 'node_modules', 'electron', 'package.json');
  if (existsSync(installed)) return JSON.parse(readFileSync(installed, 'utf8')).version;
  const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies?.electron ?? '';
  return range.replace(/^[^\d]*/, '');
}

/** The cached zip (the cache keeps each in a hashed sub-folder), or undefined. */
export function findCachedZip(cacheDir, zipName) {
  if (!existsSync(cacheDir)) return undefined;
  if (existsSync(join(cacheDir, zipName))) return join(cacheDir, zipName);
  for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(join(cacheDir, entry.name, zipName))) return join(cacheDir, entry.name, zipName);
  }
  return undefined;
}

/** What packaging needs for this machine's platform, and whether it is here. */
export function checkElectronForDist({ root, env = process.env, platform = process.platform, arch = process.arch, home = homedir() }) {
  const version = electronVersion(root);
  const zipName = `electron-v${version}-${platform}-${arch}.zip`;
  const cacheDir = electronCacheDir(env, platform, home);
  return { version, zipName, cacheDir, cachedZip: findCachedZip(cacheDir, zipName) };
}

/** The message for a missing zip; `online` says whether github.com resolved. */
export function missingZipMessage(status, online) {
  const lines = [
    `npm run dist: electron-builder needs ${status.zipName} (Electron ${status.version}), which is not in the Electron cache (${status.cacheDir}).`,
    online
      ? 'It will be downloaded from github.com now (about 100 MB), with the packaging tools electron-builder fetches for each target.'
      : 'This machine is offline, and electron-builder cannot download Electron without a network: packaging cannot run here.',
    'To package offline, copy that zip (and its SHASUMS256.txt) into the cache folder above, or point $ELECTRON_CACHE at a folder holding it; see docs/packaging.md.',
    'The app itself still runs without Electron: `npm run web` serves the web edition.',
  ];
  return lines.join('\n');
}

async function canResolve(host, timeoutMs) {
  const timeout = new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([lookup(host).then(() => true, () => false), timeout]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const status = checkElectronForDist({ root: fileURLToPath(new URL('../..', import.meta.url)) });
  if (status.cachedZip) {
    console.log(`npm run dist: using ${status.cachedZip}`);
  } else {
    const online = await canResolve('github.com', 3000);
    (online ? console.log : console.error)(missingZipMessage(status, online));
    if (!online) process.exit(1);
  }
}
