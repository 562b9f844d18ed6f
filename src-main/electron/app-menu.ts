import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';
import { hostCommands, type HostCommand, type HostCommandId, type HostCommandMenu } from '../../src-shared/host/commands';

export interface MenuActions {
  /** A command for the editor: pushed to the page as a `menu.command` event. */
  command(id: HostCommandId): void;
  openFlow(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  openUserGuide(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  recentFiles: readonly string[];
  /** Development builds get Reload and the developer tools; packaged ones do not. */
  isPackaged: boolean;
  actions: MenuActions;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function commandItems(menu: HostCommandMenu, actions: MenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  for (const command of hostCommands as readonly HostCommand[]) {
    if (command.menu !== menu) continue;
    if (command.group && items.length > 0) items.push({ type: 'separator' });
    const base: MenuItemConstructorOptions = { id: command.id, label: command.label };
    if (command.accelerator) base.accelerator = command.accelerator;
    // Clipboard items keep Chromium's behaviour: they work in text fields and give the page DOM clipboard events.
    items.push(command.nativeRole ? { ...base, role: command.nativeRole } : { ...base, click: () => actions.command(command.id as HostCommandId) });
  }
  return items;
}

/**
 * The application menu, as a plain template built from the shared command list, so the
 * editor's commands, their accelerators and the recent files are tested without Electron.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, platform, recentFiles } = options;
  const isMac = platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = recentFiles.length
    ? [...recentFiles.map((path) => ({ label: baseName(path), toolTip: path, click: () => actions.openRecent(path) })), { type: 'separator' }, { label: 'Clear Menu', click: actions.clearRecent }]
    : [{ label: 'No Recent Files', enabled: false }];

  const [newItem, ...fileCommands] = commandItems('file', actions);
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      ...(newItem ? [newItem] : []),
      { id: 'file.open', label: 'Open…', accelerator: 'CmdOrCtrl+Shift+O', click: actions.openFlow },
      { id: 'file.recent', label: 'Open Recent', submenu: recent },
      ...fileCommands,
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...commandItems('view', actions),
      { type: 'separator' },
      ...(options.isPackaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'User Guide', click: actions.openUserGuide }, ...(isMac ? [] : ([{ type: 'separator' }, { role: 'about', label: `About ${options.appName}` }] as MenuItemConstructorOptions[]))],
  };
  return [
    ...(isMac
      ? ([{ label: options.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }] as MenuItemConstructorOptions[])
      : []),
    file,
    { label: '&Edit', submenu: commandItems('edit', actions) },
    view,
    { role: 'windowMenu' },
    help,
  ];
}

/** The About box: the app's version and the versions of what it runs on (support asks for these). */
export function aboutPanelOptions(appName: string, version: string, versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>): AboutPanelOptionsOptions {
  const runtime = (['electron', 'chrome', 'node', 'v8'] as const)
    .filter((name) => versions[name])
    .map((name) => `${name[0]?.toUpperCase()}${name.slice(1)} ${versions[name]}`)
    .join(' · ');
  return {
    applicationName: appName,
    applicationVersion: version,
    version: runtime,
    credits: `Design, preview and publish customer-messaging campaigns.\n${runtime}`,
    copyright: 'Copyright © Campaign Studio contributors',
    website: 'https://campaignstudio.dev/',
  };
}
