import { describe, expect, it } from 'vitest';
import { lazyRecord } from './lazy-record';

describe('a lazily computed record', () => {
  it('works out only the values read, once each, and reads like a plain object', () => {
    const computed: string[] = [];
    const r = lazyRecord(new Set(['a', 'b', 'c']), (k) => {
      computed.push(k);
      return k.toUpperCase();
    });
    expect(r['b']).toBe('B');
    expect(r['b']).toBe('B');
    expect(r['z']).toBeUndefined();
    expect('a' in r && !('z' in r)).toBe(true);
    expect(computed).toEqual(['b']);
    expect(Object.keys(r)).toEqual(['a', 'b', 'c']);
    expect(r).toEqual({ a: 'A', b: 'B', c: 'C' });
    expect({ ...r }).toEqual({ a: 'A', b: 'B', c: 'C' });
    expect(computed.sort()).toEqual(['a', 'b', 'c']);
    expect(() => Object.assign(r, { a: 'x' })).toThrow();
  });
});
