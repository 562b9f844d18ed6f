import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from '../host/security-headers';
import {
  appOrigin,
  appScheme,
  appSchemePrivileges,
  appStartUrl,
  contentSecurityPolicy,
  hardenApp,
  hardenedWebPreferences,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  openExternalIfAllowed,
} from './security';

// One describe per item of Electron's security checklist, numbered as in
// https://www.electronjs.org/docs/latest/tutorial/security and docs/security.md.
// Electron's objects are stubbed at the boundary; the functions under test are the real ones.

const root = fileURLToPath(new URL('../..', import.meta.url));
type NavListener = (event: { preventDefault(): void }, url: string) => void;

/** Just enough of WebContents to record what the hardening registers. */
function stubContents() {
  const listeners = new Map<string, NavListener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const openExternal = vi.fn(async (_url: string) => undefined);
  const contents = {
    on: (name: string, listener: NavListener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  hardenWebContents(contents as unknown as WebContents, openExternal);
  /** Fires an event; true when the hardening cancelled it. */
  const fire = (name: string, url = '') => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { fire, open: (url: string) => openHandler?.({ url }), openExternal, listeners };
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

const prefs = hardenedWebPreferences('/app/preload.cjs');

describe('1. only secure content is loaded', () => {
  it('windows load the bundle from the app scheme, which is secure and standard', () => {
    expect(appStartUrl).toBe(`${appScheme}://campaign-studio/index.html`);
    expect(appSchemePrivileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
  });

  it('the page itself references no remote script, style or font', () => {
    const html = readFileSync(join(root, 'src-renderer', 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
  });
});

describe('2. no Node.js integration for the page', () => {
  it('turns Node off in the page, its workers and its frames', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
});

describe('3. context isolation', () => {
  it('isolates the preload from the page', () => expect(prefs.contextIsolation).toBe(true));
  it('loads only the given preload', () => expect(prefs.preload).toBe('/app/preload.cjs'));
});

describe('4. process sandboxing', () => {
  it('sandboxes the window and every renderer of the app', () => {
    expect(prefs.sandbox).toBe(true);
    const app = { enableSandbox: vi.fn(), on: vi.fn() };
    hardenApp(app as unknown as App, vi.fn());
    expect(app.enableSandbox).toHaveBeenCalledOnce();
  });
});

describe('5. permission requests are denied', () => {
  it('denies every request, check and device permission', () => {
    const handlers = stubSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission)).toBe(false);
    }
    expect(handlers.device?.({})).toBe(false);
  });
});

describe('6. webSecurity stays on', () => {
  it('keeps the same-origin policy', () => expect(prefs.webSecurity).toBe(true));
});

describe('7. a strict Content-Security-Policy', () => {
  it('lets only the bundle run script: no inline, no eval, no remote hosts, no plugins, no framing', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).toContain("form-action 'none'");
    expect(contentSecurityPolicy).toContain("base-uri 'none'");
  });

  it('is added to every response the session sees', () => {
    const callback = vi.fn();
    stubSession().headers?.({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] } });
  });

  it('is the very policy the app protocol and the web host serve', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
  });
});

describe('8. no insecure content', () => {
  it('never runs http content in the https-like app', () => expect(prefs.allowRunningInsecureContent).toBe(false));
});

describe('9. no experimental features', () => {
  it('keeps experimental web platform features off', () => expect(prefs.experimentalFeatures).toBe(false));
});

describe('10. no enableBlinkFeatures', () => {
  it('switches on no Blink feature', () => expect(prefs).not.toHaveProperty('enableBlinkFeatures'));
});

describe('11-12. <webview> is blocked', () => {
  it('disables the tag and refuses to attach one', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(stubContents().fire('will-attach-webview')).toBe(true);
  });
});

describe('13. navigation is limited to the app', () => {
  it('cancels navigation and redirects away from the bundle', () => {
    const { fire } = stubContents();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:5417/', 'app://campaign-studio.evil/', 'javascript:alert(1)']) {
      expect(fire('will-navigate', url)).toBe(true);
      expect(fire('will-redirect', url)).toBe(true);
    }
    expect(fire('will-navigate', `${appOrigin}/index.html`)).toBe(false);
  });

  it('sends an allowed external link to the system browser instead, and nothing else', () => {
    const { fire, openExternal } = stubContents();
    expect(fire('will-navigate', 'https://github.com/campaign-studio')).toBe(true);
    fire('will-navigate', 'https://evil.example/');
    expect(openExternal.mock.calls).toEqual([['https://github.com/campaign-studio']]);
  });
});

describe('14. no new windows', () => {
  it('denies window.open and target=_blank, whatever the URL', () => {
    for (const url of ['https://example.com', `${appOrigin}/index.html`, 'https://github.com/x', 'about:blank']) {
      expect(stubContents().open(url)).toEqual({ action: 'deny' });
    }
  });

  it('opens an allowed one in the system browser instead', () => {
    const { open, openExternal } = stubContents();
    open('https://docs.campaignstudio.dev/guide');
    open('https://evil.example/');
    expect(openExternal.mock.calls).toEqual([['https://docs.campaignstudio.dev/guide']]);
  });

  it('hardens every web contents the app ever creates, not just its window', () => {
    const listeners: Record<string, (...args: unknown[]) => void> = {};
    const app = { enableSandbox: vi.fn(), on: (name: string, listener: (...args: unknown[]) => void) => (listeners[name] = listener) };
    hardenApp(app as unknown as App, vi.fn());
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    listeners['web-contents-created']?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map(([name]) => name)).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
  });
});

describe('15. shell.openExternal only after the allow-list', () => {
  it('opens https links to listed hosts only', () => {
    const openExternal = vi.fn(async () => undefined);
    const refused = [
      'http://github.com/',
      'https://evil.example/',
      'https://github.com.evil.example/',
      'https://user:pass@github.com/',
      'https://github.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'not a url',
    ];
    for (const url of refused) expect(openExternalIfAllowed(openExternal, url)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
    expect(openExternalIfAllowed(openExternal, 'https://github.com/campaign-studio/issues')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://github.com/campaign-studio/issues');
  });
});

describe('16. a current Electron', () => {
  it('builds against Electron 45 or newer', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Number(/\d+/.exec(pkg.devDependencies.electron ?? '')?.[0])).toBeGreaterThanOrEqual(45);
  });
});

describe('17. IPC senders are checked', () => {
  it('trusts only the top-level frame showing the app', () => {
    expect(isTrustedSender({ url: `${appOrigin}/index.html`, parent: null })).toBe(true);
    expect(isTrustedSender({ url: `${appOrigin}/index.html`, parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://campaign-studio/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://campaign-studio.evil/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
  // The IPC handlers themselves (unknown channels, sender check, payload validation): ipc-bridge.test.ts.
});

describe('18. a custom protocol, not file://', () => {
  it('registers the app scheme; path traversal is refused by app-protocol.test.ts', () => {
    expect(appOrigin.startsWith('file:')).toBe(false);
  });
});

describe('19. fuses', () => {
  it('packages with the risky fuses off', () => {
    const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    const fuses = /electronFuses:\n((?:\s{2}.+\n)+)/.exec(config)?.[1] ?? '';
    const expected = {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    };
    for (const [fuse, value] of Object.entries(expected)) expect(fuses).toMatch(new RegExp(`^\\s+${fuse}: ${value}$`, 'm'));
  });
});
