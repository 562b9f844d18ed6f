import { URLPattern } from 'urlpattern-polyfill/urlpattern';

export type UrlMatch = { matches: true } | { matches: false; reason: string };

/**
 * Whether a live-chat campaign's URL pattern fires on a page, as Chatwoot's widget decides it
 * (docs: shared/reference/chatwoot-campaigns/README.md): URLPattern semantics on the whole
 * URL, case-sensitive, `*` crossing `/`, query and fragment ignored unless the pattern names
 * them; a pattern ending in `/` matches every path that starts with it (minus the slash), and
 * the visitor's own trailing slash is ignored.
 *
 * @example matchCampaignUrl('https://x.com/pricing/', 'https://x.com/pricing-plans') // matches
 */
export function matchCampaignUrl(pattern: string, url: string): UrlMatch {
  let visited: URL;
  try {
    visited = new URL(url);
  } catch {
    return { matches: false, reason: `"${url}" is not a full URL (it needs http:// or https://).` };
  }
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    compiled = compileCampaignPattern(pattern);
    if (compiledPatterns.size > 500) compiledPatterns.clear();
    compiledPatterns.set(pattern, compiled);
  }
  if (!compiled.ok) return { matches: false, reason: compiled.reason };
  if (visited.pathname.length > 1 && visited.pathname.endsWith('/')) visited.pathname = visited.pathname.slice(0, -1);
  return compiled.pattern.test(visited.toString()) ? { matches: true } : { matches: false, reason: `The page ${url} does not match ${pattern}.` };
}

/** Simulations test the same few patterns against many visits: compile each once. */
const compiledPatterns = new Map<string, ReturnType<typeof compileCampaignPattern>>();

/** A pattern compiled the way the widget compiles it, or why it cannot be. */
export function compileCampaignPattern(pattern: string): { ok: true; pattern: URLPattern } | { ok: false; reason: string } {
  const trimmed = pattern.trim();
  if (!/^https?:\/\//.test(trimmed)) return { ok: false, reason: 'The URL pattern must start with http:// or https:// (Chatwoot refuses others).' };
  const widened = trimmed.endsWith('/') ? `${trimmed.slice(0, -1)}*\\?*\\#*` : trimmed;
  try {
    return { ok: true, pattern: new URLPattern(widened) };
  } catch (e) {
    return { ok: false, reason: `"${pattern}" is not a valid URL pattern: ${(e as Error).message}` };
  }
}
