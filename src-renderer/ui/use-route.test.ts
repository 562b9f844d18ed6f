import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './use-route';

describe('routes', () => {
  it('round-trips a flow route, including odd ids', () => {
    const route = { screen: 'flow' as const, id: 'flow/with spaces' };
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('round-trips campaign routes', () => {
    const routes: Route[] = [
      { screen: 'campaigns', tab: 'live-chat' },
      { screen: 'campaigns', tab: 'one-off' },
      { screen: 'campaigns', tab: 'one-off', edit: 'new' },
      { screen: 'campaigns', tab: 'live-chat', edit: 'chat-1/x' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
    expect(parseRoute('#/campaigns')).toEqual({ screen: 'campaigns', tab: 'live-chat' });
  });

  it('round-trips the settings route', () => {
    expect(parseRoute(routeHash({ screen: 'settings' }))).toEqual({ screen: 'settings' });
  });

  it('falls back to the list', () => {
    expect(parseRoute('')).toEqual({ screen: 'flows' });
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'flows' });
    expect(parseRoute('#/flows/%E0%A4%A')).toEqual({ screen: 'flows' });
  });
});
