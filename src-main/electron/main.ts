import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { createHandlerRegistry } from '../host/handler-registry';
import { createHostHandlers } from '../host/handlers';
import { createAppProtocolHandler } from './app-protocol';
import { appOrigin, appScheme, hardenedWebPreferences, hardenSession, hardenWebContents, isTrustedSender } from './window-hardening';

// Bundled to dist/main/electron-main.cjs; the renderer, examples and icons sit beside it in dist/.
const distDir = join(__dirname, '..');

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 520,
    title: 'Campaign Studio',
    icon: join(distDir, 'icons', 'icon.png'),
    show: false,
    webPreferences: hardenedWebPreferences(join(__dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(appScheme, createAppProtocolHandler(join(distDir, 'renderer')));

    const registry = createHandlerRegistry(
      createHostHandlers({ edition: 'electron', version: app.getVersion(), examplesDir: join(distDir, 'examples') }),
    );
    for (const channel of registry.channels) {
      ipcMain.handle(channel, (event, payload: unknown) => {
        if (!isTrustedSender(event.senderFrame)) throw new Error('Refused: the sender is not the app.');
        return registry.dispatch(channel, payload);
      });
    }

    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
