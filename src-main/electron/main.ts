import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { userGuideUrl } from '../../src-shared/host/external-links';
import { createBackendStore } from '../host/backend-store';
import { createHandlerRegistry } from '../host/handler-registry';
import { createHostHandlers } from '../host/handlers';
import { createPendingOpens, readFlowFile, type FlowFileDialogs } from '../host/flow-files';
import { createJsonStateFile } from '../host/json-state-file';
import { chooseSecretCipher, createSecretStore } from '../host/secret-store';
import { aboutPanelOptions, buildMenuTemplate } from './app-menu';
import { createAppProtocolHandler } from './app-protocol';
import { registerHostIpc, sendHostEvent } from './ipc-bridge';
import { flowFilesFromArgv } from './launch-args';
import { createRecentFiles, recentFilesSchema, type RecentFiles } from './recent-files';
import { appScheme, appSchemePrivileges, appStartUrl, hardenApp, hardenedWebPreferences, hardenSession, openExternalIfAllowed } from './security';
import { placeWindow, windowStateOf, windowStateSchema } from './window-state';

// The thin Electron glue: every decision lives in a plain module beside this one, tested with
// Electron's objects stubbed. Bundled to dist/main/electron-main.cjs; dist/ holds the rest.
const distDir = join(__dirname, '..');
const appName = 'Campaign Studio';
const sizing = { width: 1280, height: 820, minWidth: 760, minHeight: 520 };
const flowFilters = [{ name: 'Campaign Studio flow', extensions: ['json'] }];

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);
hardenApp(app, (url) => shell.openExternal(url));

let mainWindow: BrowserWindow | undefined;
let recent: RecentFiles | undefined;
const pending = createPendingOpens(() => {
  if (mainWindow) sendHostEvent(mainWindow.webContents, 'file.openRequested', {});
});

function rememberFile(path: string): void {
  void recent?.add(path);
  app.addRecentDocument(path);
}

/** Reads a file the OS or the menu named and hands it to the page (file.takePending). */
async function openFlowPath(path: string): Promise<void> {
  const file = await readFlowFile(path);
  if ('text' in file) rememberFile(path);
  else void recent?.remove(path);
  pending.add(file);
  focusWindow();
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

const dialogs: FlowFileDialogs = {
  async chooseFileToOpen() {
    const options = { title: 'Open flow', filters: flowFilters, properties: ['openFile' as const] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
  async chooseFileToSave(suggestedName) {
    const options = { title: 'Export flow', defaultPath: join(app.getPath('documents'), suggestedName), filters: flowFilters };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled ? undefined : result.filePath;
  },
};

function installMenu(files: readonly string[]): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    appName,
    recentFiles: files,
    isPackaged: app.isPackaged,
    actions: {
      command: (command) => mainWindow && sendHostEvent(mainWindow.webContents, 'menu.command', { command }),
      openFlow: () =>
        void dialogs.chooseFileToOpen().then(async (path) => {
          if (path) await openFlowPath(path);
        }),
      openRecent: (path) => void openFlowPath(path),
      clearRecent: () => {
        void recent?.clear();
        app.clearRecentDocuments();
      },
      openUserGuide: () => openExternalIfAllowed((url) => shell.openExternal(url), userGuideUrl),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<BrowserWindow> {
  const stateFile = createJsonStateFile(join(app.getPath('userData'), 'window-state.json'), windowStateSchema.optional(), () => undefined);
  const placement = placeWindow(await stateFile.load(), screen.getAllDisplays().map((display) => display.workArea), sizing);
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: sizing.minWidth,
    minHeight: sizing.minHeight,
    title: appName,
    icon: join(distDir, 'icons', 'icon.png'),
    show: false,
    webPreferences: hardenedWebPreferences(join(__dirname, 'preload.cjs')),
  });
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => void stateFile.save(windowStateOf(window)).catch(() => undefined));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  // Files may have arrived before the page listened; it also takes them when it subscribes.
  window.webContents.on('did-finish-load', () => sendHostEvent(window.webContents, 'file.openRequested', {}));
  void window.loadURL(appStartUrl);
  return (mainWindow = window);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (another double-click) hands its files to this instance and exits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of flowFilesFromArgv(argv, { isDefaultApp: !!process.defaultApp, cwd: workingDirectory })) void openFlowPath(path);
    focusWindow();
  });
  // macOS delivers double-clicked files as an event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void app.whenReady().then(() => openFlowPath(path));
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    protocol.handle(appScheme, createAppProtocolHandler(join(distDir, 'renderer')));
    app.setAboutPanelOptions({ ...aboutPanelOptions(appName, app.getVersion(), process.versions), iconPath: join(distDir, 'icons', 'icon.png') });

    const userData = app.getPath('userData');
    recent = await createRecentFiles(createJsonStateFile(join(userData, 'recent-files.json'), recentFilesSchema, () => ({ files: [] })), installMenu);
    installMenu(recent.list());

    const secrets = createSecretStore({ file: join(userData, 'secrets.json'), cipher: chooseSecretCipher(safeStorage) });
    const backends = createBackendStore(join(userData, 'backends.json'));
    const handlers = createHostHandlers({ edition: 'electron', version: app.getVersion(), examplesDir: join(distDir, 'examples'), secrets, backends, dialogs, pending, onFileUsed: rememberFile });
    registerHostIpc(ipcMain, createHandlerRegistry(handlers));

    await createWindow();
    for (const path of flowFilesFromArgv(process.argv, { isDefaultApp: !!process.defaultApp, cwd: process.cwd() })) void openFlowPath(path);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
