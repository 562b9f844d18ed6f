import type { Session, WebContents, WebFrameMain, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../host/security-headers';

/** The renderer's origin: a privileged custom scheme, never `file://`. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://campaign-studio`;

export { contentSecurityPolicy };

/**
 * WebPreferences for every window: the page gets no Node, runs in the OS sandbox and sees the
 * preload's one object only through the context bridge.
 */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped on the window is an import, handled by the page, not a navigation.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** True for URLs of the app's own bundle. */
export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === appOrigin || url.startsWith(`${appOrigin}/`);
  } catch {
    return false;
  }
}

/** IPC is only answered for the app's own top-level page, never an injected frame. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url'> | null | undefined): boolean {
  return !!frame && isAppUrl(frame.url);
}

/**
 * Keeps a web contents on the app: navigation and redirects away are cancelled, window.open
 * and target=_blank are denied, and `<webview>` cannot be attached.
 */
export function hardenWebContents(contents: WebContents): void {
  const stayOnApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The app needs no camera, notifications, geolocation or anything else a page may ask for:
 * every permission request and check is refused. Responses also get the CSP, so content
 * reaching the session by any route is held to the same policy.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}
