import { describe, expect, it } from 'vitest';
import { LABEL_CHAR_WIDTH, messagesChart, niceMax, tickLabel } from './chart-geometry';

describe('messages chart', () => {
  it('stacks channels per day under a round maximum', () => {
    const g = messagesChart({ email: [10, 0, 5], sms: [3, 1, 0] }, 300, 130);
    expect(g.max).toBe(20);
    expect(g.channels).toEqual(['email', 'sms']);
    expect(g.bars.filter((b) => b.day === 0).map((b) => b.channel)).toEqual(['email', 'sms']);
    const [email, sms] = g.bars;
    expect(sms!.y + sms!.height).toBeCloseTo(email!.y);
    expect(g.xTicks[0]!.label).toBe('1');
    expect([niceMax(0), niceMax(7), niceMax(130), niceMax(2400)]).toEqual([1, 10, 200, 2500]);
  });

  it('keeps every y label inside the chart, 100k users included ("00,000" was cut)', () => {
    for (const top of [7, 950, 2400, 48_000, 100_000, 3_000_000]) {
      const g = messagesChart({ email: [top, top / 2] }, 340, 150);
      for (const t of g.yTicks) expect(g.plot.left - g.labelGap - t.label.length * LABEL_CHAR_WIDTH, `${t.label} for ${top}`).toBeGreaterThanOrEqual(0);
      expect(g.plot.left + g.plot.width).toBeLessThanOrEqual(340);
    }
    expect([tickLabel(0), tickLabel(5000), tickLabel(50_000), tickLabel(100_000), tickLabel(2_500_000)]).toEqual(['0', '5,000', '50k', '100k', '2.5M']);
  });

  it('places the slider marker at its day', () => {
    const g = messagesChart({ email: [1, 2, 3, 4] }, 300, 130);
    expect(g.dayX(0)).toBe(g.plot.left);
    expect(g.dayX(4)).toBeCloseTo(g.plot.left + g.plot.width);
    expect(g.dayX(2)).toBeCloseTo(g.plot.left + g.plot.width / 2);
  });
});
