import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userConfigDir } from './user-config-dir';

describe('userConfigDir', () => {
  it('follows each OS convention', () => {
    expect(userConfigDir({}, 'linux', '/home/me')).toBe('/home/me/.config/campaign-studio');
    expect(userConfigDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/me')).toBe('/xdg/campaign-studio');
    expect(userConfigDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/me')).toBe('/home/me/.config/campaign-studio');
    expect(userConfigDir({}, 'darwin', '/Users/me')).toBe('/Users/me/Library/Application Support/campaign-studio');
    expect(userConfigDir({ APPDATA: 'C:/Users/me/AppData/Roaming' }, 'win32', 'C:/Users/me')).toBe(join('C:/Users/me/AppData/Roaming', 'campaign-studio'));
  });

  it('can be overridden', () => {
    expect(userConfigDir({ CAMPAIGN_STUDIO_CONFIG_DIR: '/tmp/cs' }, 'linux', '/home/me')).toBe('/tmp/cs');
  });
});
