import { homedir } from 'node:os';
import { join } from 'node:path';

/** Overrides the web edition's config folder (tests, portable installs). */
export const configDirEnvVar = 'CAMPAIGN_STUDIO_CONFIG_DIR';

/**
 * The per-user folder where the web edition keeps its private files (stored secrets):
 * `$XDG_CONFIG_HOME/campaign-studio` on Linux, `~/Library/Application Support/campaign-studio`
 * on macOS, `%APPDATA%\campaign-studio` on Windows. Electron uses its own `userData` instead.
 */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const override = env[configDirEnvVar];
  if (override) return override;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'campaign-studio');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'campaign-studio');
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.config'), 'campaign-studio');
}
