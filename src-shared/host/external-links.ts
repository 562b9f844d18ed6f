/**
 * Which links may leave the app. A link is opened outside the app (the system browser in
 * Electron, a new `noopener` tab in the web edition) only when it is `https:`, carries no
 * credentials and its host is on this list; anything else is not opened at all, and nothing
 * ever replaces the app's own page. Add hosts here, never patterns: a reviewer must be able
 * to read the full set of places the app can send a user.
 */
export const externalLinkHosts: ReadonlySet<string> = new Set([
  'campaignstudio.dev',
  'docs.campaignstudio.dev',
  'github.com',
  'www.chatwoot.com',
  'developers.chatwoot.com',
  'www.twilio.com',
]);

/** The address of the user guide, opened from the Help menu. */
export const userGuideUrl = 'https://docs.campaignstudio.dev/';

/** True when `url` may be opened outside the app (see {@link externalLinkHosts}). */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && externalLinkHosts.has(parsed.hostname);
}

export type LinkDecision =
  /** Same origin as the app: let the app handle it in place. */
  | { action: 'stay' }
  /** Allowed external link: open outside the app, never in its window. */
  | { action: 'open-external'; url: string }
  /** Anything else (other hosts, `file:`, `javascript:`, unparsable): do nothing. */
  | { action: 'block' };

/** A `blob:` URL's own origin part (`blob:http://host/uuid` → `http://host/uuid`), parsed. */
function blobInner(url: URL): URL | undefined {
  try {
    return url.protocol === 'blob:' ? new URL(url.pathname) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decides what a click on a link does, given the page's own URL. The renderer's link guard and
 * the Electron navigation handlers both ask this, so the two editions agree. The app's own
 * `blob:` URLs stay (that is how an export is downloaded), and so does a `data:` link marked
 * `download`: a download never replaces the page.
 *
 * @example
 * decideLink('https://github.com/x', 'http://127.0.0.1:5417/') // { action: 'open-external', … }
 */
export function decideLink(href: string, pageUrl: string, options: { download?: boolean } = {}): LinkDecision {
  let target: URL;
  try {
    target = new URL(href, pageUrl);
  } catch {
    return { action: 'block' };
  }
  const page = new URL(pageUrl);
  // Compared by scheme and host rather than `origin`, which is "null" for custom schemes (app:).
  const samePlace = (url: URL) => url.protocol === page.protocol && url.host === page.host && url.host !== '';
  if (samePlace(target)) return { action: 'stay' };
  const inner = blobInner(target);
  if (inner && samePlace(inner)) return { action: 'stay' };
  if (options.download && target.protocol === 'data:') return { action: 'stay' };
  const url = target.href;
  return isAllowedExternalUrl(url) ? { action: 'open-external', url } : { action: 'block' };
}
