import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './use-route';

describe('routes', () => {
  it('round-trips a flow route, including odd ids', () => {
    const route = { screen: 'flow' as const, id: 'flow/with spaces' };
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('falls back to the list', () => {
    expect(parseRoute('')).toEqual({ screen: 'flows' });
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'flows' });
    expect(parseRoute('#/flows/%E0%A4%A')).toEqual({ screen: 'flows' });
  });
});
