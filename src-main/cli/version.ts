import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'campaign-studio';

/**
 * The app's version, from the package.json above the running script. Looked up at run time
 * because the bundled CLI (dist/cli/) and the source run through tsx (src-main/cli/) both sit
 * two folders below it, and importing package.json would put it inside the TS project.
 */
export function findVersion(script = process.argv[1]): string {
  if (!script) return 'unknown';
  let dir: string;
  try {
    dir = dirname(realpathSync(script));
  } catch {
    return 'unknown';
  }
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No package.json here, or not ours: keep climbing.
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
