import { describe, expect, it } from 'vitest';
import { TraceStore } from './trace-store';
import type { TraceStep } from './types';

const START = Date.UTC(2026, 0, 1);
const NODES = ['a', 'b', 'c'];

/** Journey `k`: 1 to 40 steps, names varying with k, so codes and lengths differ between journeys. */
function journeyOf(k: number): TraceStep[] {
  return Array.from({ length: 1 + (k % 40) }, (_, i) => ({ t: START + (k * 60 + i) * 1000, node: NODES[(k + i) % 3]!, outcome: `out-${(k + i) % 5}`, event: i % 2 ? 'tick' : `in-${k % 3}`, why: '' }));
}

const index = new Map(NODES.map((id, i) => [id, i]));

describe('trace store', () => {
  it('allocates nothing until a journey is added', () => {
    const empty = new TraceStore(START, NODES);
    expect([empty.journeys, empty.bytes]).toEqual([0, 0]);
    const back = TraceStore.fromTransfer(structuredClone(empty.toTransfer()));
    expect([back.journeys, back.bytes]).toEqual([0, 0]);
  });

  it('keeps every journey intact while its buffer grows past its first 256 KB, and when stores are appended', () => {
    const whole = new TraceStore(START, NODES);
    const parts = [new TraceStore(START, NODES), new TraceStore(START, NODES)];
    // Codes are given in the order names are met: the second part meets them in another order.
    parts[1]!.code('out-4');
    const n = 4_000; // ~82,000 steps: 1.3 MB packed, several doublings
    for (let k = 0; k < n; k++) {
      whole.add(k, journeyOf(k), index);
      parts[k < n / 2 ? 0 : 1]!.add(k, journeyOf(k), index);
    }
    expect(whole.bytes).toBeGreaterThan(1 << 18);
    const merged = new TraceStore(START, NODES);
    for (const p of parts) merged.append(TraceStore.fromTransfer(structuredClone(p.toTransfer())));
    for (const s of [whole, merged]) {
      expect(s.journeys).toBe(n);
      for (const k of [0, 1, 39, 1_999, 2_000, 3_999]) {
        expect(s.journey(k)).toEqual(journeyOf(k));
        expect(s.userOf(k)).toBe(k);
      }
    }
  });
});
