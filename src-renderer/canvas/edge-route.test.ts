import { describe, expect, it } from 'vitest';
import { routeDown, type Box } from './edge-route';

const card = (x: number, y: number): Box => ({ x, y, width: 212, height: 80 });
const segmentHits = (a: { x: number; y: number }, b: { x: number; y: number }, box: Box) => Math.max(a.x, b.x) > box.x && Math.min(a.x, b.x) < box.x + box.width && Math.max(a.y, b.y) > box.y && Math.min(a.y, b.y) < box.y + box.height;

describe('edges routed around cards', () => {
  it('goes around the three cards between the trigger and a lower step, not behind them', () => {
    // The trigger at the top of a column of three cards; its edge goes to a step under them.
    const between = [card(0, 140), card(0, 280), card(0, 420)];
    const r = routeDown({ x: 106, y: 80 }, { x: 106, y: 560 }, between);
    for (let i = 1; i < r.points.length; i++) for (const b of between) expect(segmentHits(r.points[i - 1]!, r.points[i]!, b)).toBe(false);
    expect(r.path.startsWith('M 106 80')).toBe(true);
  });

  it('takes the plain step shape when nothing is in the way', () => {
    const r = routeDown({ x: 100, y: 100 }, { x: 300, y: 300 }, [card(600, 0)]);
    expect(r.points).toHaveLength(4);
  });

  it('keeps its label off every card', () => {
    const cards = [card(0, 0), card(-150, 150), card(150, 150)];
    // A label at the middle of this edge would sit on the card at (150, 150).
    const r = routeDown({ x: 106, y: 80 }, { x: 256, y: 150 }, [cards[1]!]);
    for (const b of cards.slice(1)) {
      const inside = r.labelX + 56 > b.x && r.labelX - 56 < b.x + b.width && r.labelY + 10 > b.y && r.labelY - 10 < b.y + b.height;
      expect(inside).toBe(false);
    }
  });
});
