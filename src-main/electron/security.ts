import type { App, Session, WebContents, WebFrameMain, WebPreferences } from 'electron';
import { decideLink } from '../../src-shared/host/external-links';
import { contentSecurityPolicy } from '../host/security-headers';

/*
 * The Electron shell's security, in one place. Each item of Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security) that the code can enforce is
 * enforced here, and security.test.ts checks each against these very functions with
 * Electron's objects stubbed. docs/security.md maps every item to its code and test.
 */

/** The renderer's origin: a privileged custom scheme, never `file://` (checklist 18). */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://campaign-studio`;
/** The only page a window ever loads: the bundle, from the app protocol (checklist 1). */
export const appStartUrl = `${appOrigin}/index.html`;

export { contentSecurityPolicy };

/** Privileges of the app scheme: standard and secure, so it behaves like https, nothing more. */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/**
 * WebPreferences for every window (checklist 2-4, 6, 8-10): the page gets no Node, runs in
 * the OS sandbox and sees the preload's objects only through the context bridge.
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
    // No enableBlinkFeatures: the page gets the web platform Chromium ships, nothing switched on.
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

/**
 * IPC is only answered for the app's own top-level page, never a subframe or a page that
 * navigated elsewhere (checklist 17).
 */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url'> & { parent?: unknown } | null | undefined): boolean {
  return !!frame && (frame.parent === null || frame.parent === undefined) && isAppUrl(frame.url);
}

/** Opens a URL in the system browser: Electron's `shell.openExternal`, stubbed in tests. */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Opens `url` in the system browser only when the allow-list permits it (checklist 15):
 * `https:` to a listed host, no credentials. Returns whether it was opened.
 */
export function openExternalIfAllowed(openExternal: OpenExternal, url: string, fromPage: string = appStartUrl): boolean {
  const decision = decideLink(url, fromPage);
  if (decision.action !== 'open-external') return false;
  openExternal(decision.url).catch((error: unknown) => console.error('[security] could not open', decision.url, error));
  return true;
}

/**
 * Keeps a web contents on the app (checklist 12-14): navigation and redirects away are
 * cancelled, window.open and target=_blank never make a window, and `<webview>` cannot be
 * attached. An allowed external link goes to the system browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const stayOnApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalIfAllowed(openExternal, url);
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(openExternal, url);
    return { action: 'deny' };
  });
}

/**
 * The app needs no camera, notifications, geolocation or anything else a page may ask for:
 * every permission request and check is refused (checklist 5). Responses also get the CSP
 * (checklist 7), so content reaching the session by any route is held to the same policy.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}

/**
 * App-wide switches, before any window exists: every renderer sandboxed (checklist 4) and
 * every web contents ever created, including ones the app did not make, hardened.
 */
export function hardenApp(app: Pick<App, 'enableSandbox' | 'on'>, openExternal: OpenExternal): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
}
