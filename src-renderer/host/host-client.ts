import { createHostApi, preloadGlobalName, webTransport, type HostApi, type HostErrorBody } from '../../src-shared/host/contract';

declare global {
  interface Window {
    [preloadGlobalName]?: HostApi;
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
