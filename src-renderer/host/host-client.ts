import { createHostApi, preloadGlobalName, webTransport, type HostApi, type HostErrorBody } from '../../src-shared/host/contract';
import { preloadEventsGlobalName, type HostEventSource } from '../../src-shared/host/events';
import { decideLink } from '../../src-shared/host/external-links';

declare global {
  interface Window {
    [preloadGlobalName]?: HostApi;
    [preloadEventsGlobalName]?: HostEventSource;
  }
}

/** The web edition's transport: the token comes from the page the host served. */
function createHttpHost(token: string): HostApi {
  return createHostApi(async (channel, args) => {
    const response = await fetch(`${webTransport.apiPrefix}${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [webTransport.tokenHeader]: token },
      body: JSON.stringify(args ?? {}),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const message = (body as HostErrorBody | undefined)?.error?.message ?? `${response.status} ${response.statusText}`;
      throw new Error(`${channel}: ${message}`);
    }
    return body;
  });
}

let host: HostApi | undefined;

/**
 * The host the renderer talks to: the Electron preload's object when there is one, else the
 * HTTP transport of the web edition. Same contract either way, so the app runs unchanged.
 */
export function getHost(): HostApi {
  if (host) return host;
  const preloaded = window[preloadGlobalName];
  if (preloaded) return (host = preloaded);
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${webTransport.tokenMetaName}"]`)?.content ?? '';
  return (host = createHttpHost(token));
}

/**
 * What the host pushes (menu commands, files the OS opened), or `undefined` in the web
 * edition, which has no native menu and receives no files from the OS.
 */
export function getHostEvents(): HostEventSource | undefined {
  return window[preloadEventsGlobalName];
}

const guarded = new WeakSet<Document>();

/**
 * Keeps links from replacing the app (the web edition's half of navigation hardening; CSP
 * does the rest). A click on a link to another place is cancelled; when the place is on the
 * allow-list it opens in a new tab without an opener (in Electron that request goes to the
 * main process, which opens the system browser). Links the app already handled are left alone.
 */
export function installLinkGuard(doc: Document = document): void {
  if (guarded.has(doc)) return;
  guarded.add(doc);
  const view = doc.defaultView;
  if (!view) return;
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || !(event.target instanceof Element)) return;
    const link = event.target.closest('a[href], area[href]');
    const href = link?.getAttribute('href');
    if (!link || href === null || href === undefined) return;
    const decision = decideLink(href, doc.location.href, { download: link.hasAttribute('download') });
    if (decision.action === 'stay') return;
    event.preventDefault();
    if (decision.action === 'open-external') view.open(decision.url, '_blank', 'noopener,noreferrer');
    else console.warn(`Blocked a link to ${href}: it is not on the allow-list.`);
  };
  // Bubble phase on the window, so React's handlers (on the root) have had their say first.
  view.addEventListener('click', onClick);
  view.addEventListener('auxclick', onClick);
}

if (typeof document !== 'undefined') installLinkGuard(document);
