import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../host/security-headers';
import { contentTypeFor, resolveStaticFile } from '../host/static-files';
import { appOrigin } from './security';

/**
 * Serves the built renderer on `app://campaign-studio/…` with the security headers.
 * A plain `(Request) => Response` function, so it is tested without Electron.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.origin !== appOrigin && !request.url.startsWith(`${appOrigin}/`)) return new Response('Not found', { status: 404 });
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), { status: 200, headers: { ...securityHeaders, 'Content-Type': contentTypeFor(file) } });
  };
}
