import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { fitDuration, READABLE_ZOOM } from './zoom-detail';

const card = (id: string, x: number, y: number): Node => ({ id, position: { x, y }, data: {}, measured: { width: 212, height: 75 } });

describe('fitDuration', () => {
  it('animates a fit that ends readable', () => {
    expect(fitDuration([card('a', 0, 0), card('b', 0, 400)], 1440, 800, 200)).toBe(200);
  });

  it('jumps when the whole flow fits only below the readable zoom', () => {
    // 20,000 px wide in a 1,440 px view: about 0.07, far below READABLE_ZOOM.
    const wide = [card('a', 0, 0), card('b', 20_000, 0)];
    expect(1344 / 20_212).toBeLessThan(READABLE_ZOOM);
    expect(fitDuration(wide, 1440, 800, 200)).toBe(0);
  });

  it('animates when the canvas has no size yet (nothing to work out)', () => {
    expect(fitDuration([card('a', 0, 0), card('b', 20_000, 0)], 0, 0, 200)).toBe(200);
  });
});
