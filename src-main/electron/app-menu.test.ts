import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hostCommands } from '../../src-shared/host/commands';
import { aboutPanelOptions, buildMenuTemplate, type MenuActions } from './app-menu';

function actions() {
  return {
    command: vi.fn<MenuActions['command']>(),
    openFlow: vi.fn<MenuActions['openFlow']>(),
    openRecent: vi.fn<MenuActions['openRecent']>(),
    clearRecent: vi.fn<MenuActions['clearRecent']>(),
    openUserGuide: vi.fn<MenuActions['openUserGuide']>(),
  } satisfies MenuActions;
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('buildMenuTemplate', () => {
  const linux = (recentFiles: string[] = []) => {
    const a = actions();
    return { a, items: flatten(buildMenuTemplate({ platform: 'linux', appName: 'Campaign Studio', recentFiles, isPackaged: true, actions: a })) };
  };

  it('offers every editor command with its accelerator', () => {
    const { items } = linux();
    for (const command of hostCommands) {
      const item = items.find((entry) => entry.id === command.id);
      expect(item, command.id).toBeDefined();
      expect(item?.accelerator).toBe(command.accelerator);
      expect(item?.label).toBe(command.label);
    }
  });

  it('pushes a chosen command to the page, and leaves clipboard items to Chromium', () => {
    const { a, items } = linux();
    click(items.find((item) => item.id === 'edit.undo'));
    click(items.find((item) => item.id === 'view.fitView'));
    expect(a.command.mock.calls).toEqual([['edit.undo'], ['view.fitView']]);
    expect(items.find((item) => item.id === 'edit.copy')).toMatchObject({ role: 'copy' });
    expect(items.find((item) => item.id === 'edit.copy')?.click).toBeUndefined();
  });

  it('lists recent files, opens one and clears them', () => {
    const { a, items } = linux(['/home/me/drip.json', 'C:\\flows\\sms.json']);
    const recent = items.find((item) => item.id === 'file.recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent.map((item) => item.label)).toEqual(['drip.json', 'sms.json', undefined, 'Clear Menu']);
    click(recent[0]);
    click(recent[3]);
    expect(a.openRecent).toHaveBeenCalledWith('/home/me/drip.json');
    expect(a.clearRecent).toHaveBeenCalled();
    const empty = linux().items.find((item) => item.id === 'file.recent')?.submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('has Open…, About and the user guide, and no developer tools when packaged', () => {
    const { a, items } = linux();
    click(items.find((item) => item.id === 'file.open'));
    click(items.find((item) => item.label === 'User Guide'));
    expect(a.openFlow).toHaveBeenCalled();
    expect(a.openUserGuide).toHaveBeenCalled();
    expect(items.some((item) => item.role === 'about')).toBe(true);
    expect(items.some((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toBe(false);
  });

  it('follows macOS conventions there: an app menu with About and Quit', () => {
    const template = buildMenuTemplate({ platform: 'darwin', appName: 'Campaign Studio', recentFiles: [], isPackaged: false, actions: actions() });
    expect(template[0]?.label).toBe('Campaign Studio');
    const appMenu = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((item) => item.role).filter(Boolean)).toEqual(expect.arrayContaining(['about', 'quit']));
    expect(flatten(template).some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});

describe('aboutPanelOptions', () => {
  it('shows the app version and the runtime versions', () => {
    const options = aboutPanelOptions('Campaign Studio', '0.1.0', { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0' });
    expect(options).toMatchObject({ applicationName: 'Campaign Studio', applicationVersion: '0.1.0' });
    expect(options.version).toBe('Electron 45.4.1 · Chrome 142.0.0.0 · Node 22.20.0');
    expect(options.credits).toContain('Electron 45.4.1');
  });
});
