import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appOrigin, contentSecurityPolicy, hardenedWebPreferences, hardenSession, hardenWebContents, isTrustedSender } from './window-hardening';

type Listener = (event: { preventDefault(): void }, url: string) => void;

/** Just enough of WebContents to record what the hardening registers. */
function stubContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  hardenWebContents(contents as unknown as WebContents);
  const fire = (name: string, url = '') => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { fire, open: (url: string) => openHandler?.({ url }) };
}

function stubSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (h: never) => (handlers.request = h),
    setPermissionCheckHandler: (h: never) => (handlers.check = h),
    setDevicePermissionHandler: (h: never) => (handlers.device = h),
    webRequest: { onHeadersReceived: (h: never) => (handlers.headers = h) },
  };
  hardenSession(session as unknown as Session);
  return handlers as Record<string, (...args: unknown[]) => unknown>;
}

describe('hardenedWebPreferences', () => {
  const prefs = hardenedWebPreferences('/app/preload.cjs');
  it('isolates the context', () => expect(prefs.contextIsolation).toBe(true));
  it('sandboxes the renderer', () => expect(prefs.sandbox).toBe(true));
  it('gives the page no Node', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on and webviews off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });
  it('loads the given preload', () => expect(prefs.preload).toBe('/app/preload.cjs'));
});

describe('hardenWebContents', () => {
  it('denies navigation away from the app', () => {
    const { fire } = stubContents();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', `${appOrigin}/index.html`)).toBe(false);
  });

  it('denies new windows', () => {
    expect(stubContents().open('https://example.com')).toEqual({ action: 'deny' });
    expect(stubContents().open(`${appOrigin}/index.html`)).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    expect(stubContents().fire('will-attach-webview')).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const handlers = stubSession();
    const callback = vi.fn();
    handlers.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(handlers.check?.({}, 'notifications')).toBe(false);
    expect(handlers.device?.({})).toBe(false);
  });

  it('adds the CSP to responses', () => {
    const handlers = stubSession();
    const callback = vi.fn();
    handlers.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only the bundle to run script', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)/);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });
});

describe('isTrustedSender', () => {
  it('trusts only frames showing the app', () => {
    expect(isTrustedSender({ url: `${appOrigin}/index.html` })).toBe(true);
    expect(isTrustedSender({ url: 'https://campaign-studio/' })).toBe(false);
    expect(isTrustedSender({ url: 'app://campaign-studio.evil/' })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
