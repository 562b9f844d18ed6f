import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LaunchArgsContext {
  /** `process.defaultApp`: run as `electron <app> …`, so the app path precedes the arguments. */
  isDefaultApp: boolean;
  /** The launching process's working directory (a second instance passes its own). */
  cwd: string;
}

function toPath(arg: string, cwd: string): string | undefined {
  if (arg.startsWith('file://')) {
    try {
      return fileURLToPath(arg);
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return undefined; // other URLs are not files
  return isAbsolute(arg) ? arg : resolve(cwd, arg);
}

/**
 * The flow files a launch asks to open: `campaign-studio a.json b.json`, a double-click (the
 * OS passes the path, or a `file://` URL from a Linux desktop entry) or a second launch.
 * Chromium and macOS switches (`--no-sandbox`, `-psn_0_1234`) are skipped, everything after
 * `--` is a file, and only `.json` names count: the app never opens other kinds.
 *
 * @example
 * flowFilesFromArgv(['/opt/cs/campaign-studio', '--no-sandbox', 'drip.json'], { isDefaultApp: false, cwd: '/home/me' })
 * // ['/home/me/drip.json']
 */
export function flowFilesFromArgv(argv: readonly string[], context: LaunchArgsContext): string[] {
  const files: string[] = [];
  let appPathSkipped = !context.isDefaultApp;
  let optionsEnded = false;
  for (const arg of argv.slice(1)) {
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && arg.startsWith('-')) continue;
    if (!appPathSkipped) {
      appPathSkipped = true;
      continue;
    }
    const path = toPath(arg, context.cwd);
    if (path && /\.json$/i.test(path) && !files.includes(path)) files.push(path);
  }
  return files;
}
