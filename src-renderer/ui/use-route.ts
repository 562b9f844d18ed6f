import { useSyncExternalStore } from 'react';

export type CampaignTab = 'live-chat' | 'one-off';

/** Where the app is. Kept in the URL hash so a reload (or Electron's reload) stays put. */
export type Route =
  | { screen: 'flows' }
  | { screen: 'flow'; id: string }
  /** `edit`: a campaign's id, or "new" for the create form. */
  | { screen: 'campaigns'; tab: CampaignTab; edit?: string }
  /** Backend connections (src-renderer/settings). */
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  if (hash === '#/settings') return { screen: 'settings' };
  const match = /^#\/flows\/([^/]+)$/.exec(hash);
  if (match?.[1]) {
    try {
      return { screen: 'flow', id: decodeURIComponent(match[1]) };
    } catch {
      // a mangled hash falls through to the list
    }
  }
  const campaigns = /^#\/campaigns(?:\/(live-chat|one-off)(?:\/(new|edit\/([^/]+)))?)?$/.exec(hash);
  if (campaigns) {
    const tab = (campaigns[1] ?? 'live-chat') as CampaignTab;
    if (campaigns[2] === 'new') return { screen: 'campaigns', tab, edit: 'new' };
    if (campaigns[3]) {
      try {
        return { screen: 'campaigns', tab, edit: decodeURIComponent(campaigns[3]) };
      } catch {
        return { screen: 'campaigns', tab };
      }
    }
    return { screen: 'campaigns', tab };
  }
  return { screen: 'flows' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'flow':
      return `#/flows/${encodeURIComponent(route.id)}`;
    case 'campaigns':
      return `#/campaigns/${route.tab}${route.edit === 'new' ? '/new' : route.edit ? `/edit/${encodeURIComponent(route.edit)}` : ''}`;
    case 'settings':
      return '#/settings';
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
