import { seededRandom } from '../random/prng';
import { zonedLocalToInstant } from '../time/zoned';
import { wallClock } from './schedule';
import type { VisitorAttributes } from './visitor-conditions';

/** Someone browsing the site; state such as conversations carries over between their visits. */
export interface SimVisitor {
  id: string;
  name: string;
  timezone: string;
  attributes: VisitorAttributes;
  labels: string[];
  /** Has a conversation (open or resolved) before the first simulated visit. */
  hasConversation: boolean;
}

export interface SimPage {
  url: string;
  /** Time on the page before leaving it. */
  seconds: number;
  /** The visitor opens the chat window themselves this many seconds into the page. */
  opensWidgetAfter?: number;
}

/** What the visitor does with a campaign bubble during this visit. */
export type Reaction = 'ignores' | 'dismisses' | 'reads' | 'replies';

export interface SimVisit {
  id: string;
  visitorId: string;
  /** ISO instant the first page loads. */
  startsAt: string;
  pages: SimPage[];
  reaction: Reaction;
  /** Seconds between a bubble showing and the reaction (if still on the page). */
  reactsAfter: number;
}

export interface VisitStream {
  visitors: SimVisitor[];
  /** In order of start. */
  visits: SimVisit[];
}

export const SITE_PATHS = ['/', '/pricing', '/pricing/enterprise', '/features', '/features/automation', '/blog/2026/11/launch-week', '/docs/getting-started', '/about', '/contact', '/signup', '/checkout'];

const PLACES = [
  { timezone: 'Europe/Berlin', country: 'DE', language: 'de' },
  { timezone: 'America/New_York', country: 'US', language: 'en' },
  { timezone: 'America/Los_Angeles', country: 'US', language: 'en' },
  { timezone: 'Europe/London', country: 'GB', language: 'en' },
  { timezone: 'Europe/Paris', country: 'FR', language: 'fr' },
  { timezone: 'Asia/Kolkata', country: 'IN', language: 'en' },
  { timezone: 'America/Sao_Paulo', country: 'BR', language: 'pt' },
  { timezone: 'Asia/Tokyo', country: 'JP', language: 'ja' },
];
const NAMES = ['Alex', 'Bea', 'Carlos', 'Dana', 'Eli', 'Fatima', 'Greta', 'Hugo', 'Isla', 'Jun', 'Kai', 'Lucía', 'Milan', 'Noor', 'Otto', 'Pia', 'Ravi', 'Sofia', 'Theo', 'Vera', 'Wes', 'Yara', 'Zane', 'Aiko', 'Bruno', 'Cleo', 'Dev', 'Erin', 'Finn', 'Gia'];
/** Relative chance of a visit starting at each local hour 0–23: quiet nights, busy working days. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 7, 6, 6, 7, 7, 6, 5, 4, 4, 4, 3, 2, 1.5];
const REACTIONS: [Reaction, number][] = [['ignores', 0.45], ['dismisses', 0.25], ['reads', 0.18], ['replies', 0.12]];

export interface VisitStreamOptions {
  seed?: number;
  /** Origin of the site, e.g. "https://www.example.com". */
  site?: string;
  /** Paths visitors browse, besides the usual ones (e.g. those campaigns target). */
  extraPaths?: readonly string[];
  visitors?: number;
  /** The first day of the simulated period (UTC midnight of it is used). */
  start: Date;
  days?: number;
}

/**
 * A reproducible stream of website visits: visitors in several timezones arriving mostly in
 * their daytime, some returning on later days, some with an existing conversation, browsing
 * one to five pages for a few seconds to a few minutes, sometimes opening the chat themselves.
 */
export function generateVisitStream(opts: VisitStreamOptions): VisitStream {
  const r = seededRandom(opts.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    let x = r() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  };
  const site = (opts.site ?? 'https://www.example.com').replace(/\/+$/, '');
  const extra = [...new Set(opts.extraPaths ?? [])].filter((p) => !SITE_PATHS.includes(p));
  const paths: [string, number][] = [...SITE_PATHS.map((p): [string, number] => [p, p === '/' ? 3 : p.startsWith('/pricing') ? 2.5 : 1]), ...extra.map((p): [string, number] => [p, 2])];
  const days = opts.days ?? 7;
  const day0 = Date.UTC(opts.start.getUTCFullYear(), opts.start.getUTCMonth(), opts.start.getUTCDate(), 12);

  const visitors: SimVisitor[] = [];
  const visits: SimVisit[] = [];
  const count = opts.visitors ?? 30;
  for (let v = 0; v < count; v++) {
    const place = pick(PLACES);
    const signedIn = r() < 0.35;
    const visitor: SimVisitor = {
      id: `visitor-${v + 1}`,
      name: `${NAMES[v % NAMES.length]!}${v >= NAMES.length ? ` ${Math.floor(v / NAMES.length) + 1}` : ''}`,
      timezone: place.timezone,
      attributes: {
        country: place.country,
        language: place.language,
        device: weighted([['desktop', 6], ['mobile', 3.5], ['tablet', 0.5]]),
        referrer: weighted([['google', 4], ['direct', 3], ['newsletter', 1.5], ['linkedin', 1.5]]),
        signed_in: signedIn,
        ...(signedIn ? { plan: weighted([['free', 3], ['trial', 2], ['pro', 2]]) } : {}),
      },
      labels: signedIn && r() < 0.4 ? ['customer'] : [],
      hasConversation: r() < 0.12,
    };
    visitors.push(visitor);
    const visitCount = Math.min(days, weighted([[1, 0.6], [2, 0.25], [3, 0.15]]));
    const dayList = shuffle([...Array(days).keys()], r).slice(0, visitCount);
    for (const day of dayList) {
      const date = wallClock(new Date(day0 + day * 86_400_000), place.timezone).slice(0, 10);
      const hour = weighted(HOUR_WEIGHTS.map((w, h) => [h, w] as const));
      const local = `${date}T${String(hour).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`;
      const at = zonedLocalToInstant(local, place.timezone) ?? new Date(day0);
      const pageCount = 1 + Math.floor(r() * r() * 5);
      const pages: SimPage[] = [];
      for (let p = 0; p < pageCount; p++) {
        const path = p === 0 ? weighted([['/', 4], ['/blog/2026/11/launch-week', 2], ['/pricing', 1.5], ...extra.map((e): [string, number] => [e, 1])]) : weighted(paths);
        const band = r();
        const seconds = band < 0.3 ? 2 + Math.floor(r() * 7) : band < 0.7 ? 9 + Math.floor(r() * 37) : 46 + Math.floor(r() * 195);
        const page: SimPage = { url: `${site}${path}`, seconds };
        if (r() < 0.06) page.opensWidgetAfter = Math.floor(r() * seconds);
        pages.push(page);
      }
      visits.push({ id: '', visitorId: visitor.id, startsAt: at.toISOString(), pages, reaction: weighted(REACTIONS), reactsAfter: 3 + Math.floor(r() * 38) });
    }
  }
  visits.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.visitorId.localeCompare(b.visitorId));
  visits.forEach((visit, i) => (visit.id = `visit-${i + 1}`));
  return { visitors, visits };
}

/** Fisher–Yates with the seeded generator, so every platform shuffles alike. */
function shuffle<T>(list: T[], r: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/**
 * The site a set of live-chat URL patterns points at, and paths on it worth visiting, so the
 * synthetic visitors browse pages the campaigns target: `https://www.x.com/pricing*` gives
 * site `https://www.x.com` and path `/pricing`; a wildcard subdomain reads as `www`.
 */
export function siteFromPatterns(patterns: readonly string[]): { site: string; extraPaths: string[] } {
  const origins = new Map<string, number>();
  const extraPaths: string[] = [];
  for (const pattern of patterns) {
    const m = /^(https?):\/\/([^/?#]+)(\/[^?#]*)?/.exec(pattern.trim());
    if (!m) continue;
    const host = m[2]!.replace(/^\*\./, 'www.').replace(/\*/g, 'www');
    const origin = `${m[1]}://${host}`;
    origins.set(origin, (origins.get(origin) ?? 0) + 1);
    const path = (m[3] ?? '/').replace(/\*+/g, '').replace(/\/{2,}/g, '/');
    if (path !== '/') extraPaths.push(path.endsWith('/') && path.length > 1 ? `${path}tour` : path);
  }
  const site = [...origins].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'https://www.example.com';
  return { site, extraPaths: [...new Set(extraPaths)] };
}
