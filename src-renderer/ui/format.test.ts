import { describe, expect, it } from 'vitest';
import { exportFileName, formatCount, formatRelativeTime, plural } from './format';

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

describe('formatCount', () => {
  it('writes every number as Intl.NumberFormat en-US does', () => {
    const intl = new Intl.NumberFormat('en-US');
    const samples = [0, -0, 1, 9, 10, 99, 100, 999, 1_000, 1_001, 12_345, 999_999, 1_000_000, 1_234_567_890, Number.MAX_SAFE_INTEGER, -1, -1_000, -123_456, 0.5, 1234.5678, -0.25, 2 ** 60, NaN, Infinity];
    let seed = 7;
    for (let k = 0; k < 2_000; k++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      samples.push(Math.floor((seed / 2 ** 31) * 10 ** (k % 16)) * (k % 5 === 0 ? -1 : 1));
    }
    for (const n of samples) expect(formatCount(n), String(n)).toBe(intl.format(n));
  });
});

describe('exportFileName', () => {
  it('slugs the flow name', () => {
    expect(exportFileName('Spring Sale — Café!')).toBe('spring-sale-cafe.json');
    expect(exportFileName('???')).toBe('flow.json');
  });
});
