import { describe, expect, it } from 'vitest';
import { fnv1a64, flowContentHash } from './content-hash';
import { liveChatFlow } from './testing/sync-builders';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes UTF-8 bytes, including astral characters', () => {
    expect(fnv1a64('é')).toBe(fnv1a64('\u00e9'));
    expect(fnv1a64('😀')).not.toBe(fnv1a64('😁'));
    expect(fnv1a64('😀')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('flowContentHash', () => {
  it('ignores meta (a save without change) but not content', () => {
    const doc = liveChatFlow();
    const touched = { ...doc, meta: { ...doc.meta, updatedAt: '2031-01-01T00:00:00.000Z' } };
    expect(flowContentHash(touched)).toBe(flowContentHash(doc));
    const edited = liveChatFlow({ message: 'Another message' });
    expect(flowContentHash(edited)).not.toBe(flowContentHash(doc));
  });
});
