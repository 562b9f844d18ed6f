import { useSyncExternalStore } from 'react';

/** Where the app is. Kept in the URL hash so a reload (or Electron's reload) stays put. */
export type Route = { screen: 'flows' } | { screen: 'flow'; id: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/flows\/([^/]+)$/.exec(hash);
  if (match?.[1]) {
    try {
      return { screen: 'flow', id: decodeURIComponent(match[1]) };
    } catch {
      // a mangled hash falls through to the list
    }
  }
  return { screen: 'flows' };
}

export function routeHash(route: Route): string {
  return route.screen === 'flow' ? `#/flows/${encodeURIComponent(route.id)}` : '#/';
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
