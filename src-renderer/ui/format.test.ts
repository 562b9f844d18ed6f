import { describe, expect, it } from 'vitest';
import { exportFileName, formatRelativeTime, plural } from './format';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);

describe('formatRelativeTime', () => {
  it('says just now for the last few seconds', () => expect(formatRelativeTime(now - 10_000, now)).toBe('just now'));
  it('counts minutes, hours and days', () => {
    expect(formatRelativeTime(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(formatRelativeTime(now - 3 * 3_600_000, now)).toBe('3 hours ago');
    expect(formatRelativeTime(now - 24 * 3_600_000, now)).toBe('yesterday');
  });
});

describe('plural', () => {
  it('agrees with the count', () => {
    expect(plural(1, 'node')).toBe('1 node');
    expect(plural(3, 'node')).toBe('3 nodes');
    // Counts are grouped as everywhere else in the app ("5,000 steps" beside "100,000 users").
    expect(plural(5000, 'step')).toBe('5,000 steps');
  });
});

describe('exportFileName', () => {
  it('slugs the flow name', () => {
    expect(exportFileName('Spring Sale — Café!')).toBe('spring-sale-cafe.json');
    expect(exportFileName('???')).toBe('flow.json');
  });
});
