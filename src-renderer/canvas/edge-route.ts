/** A card on the canvas, as the router sees it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Route {
  points: { x: number; y: number }[];
  path: string;
  labelX: number;
  labelY: number;
}

const GAP = 24;
/** Half the size of an edge label ("No reply · 2,157"), for keeping it off cards. */
const LABEL = { halfWidth: 60, halfHeight: 13 };

const crosses = (a: { x: number; y: number }, b: { x: number; y: number }, box: Box, pad = 4) => {
  const [x1, x2] = a.x < b.x ? [a.x, b.x] : [b.x, a.x];
  const [y1, y2] = a.y < b.y ? [a.y, b.y] : [b.y, a.y];
  return x2 > box.x - pad && x1 < box.x + box.width + pad && y2 > box.y - pad && y1 < box.y + box.height + pad;
};
const blocked = (pts: { x: number; y: number }[], boxes: readonly Box[]) => pts.some((p, i) => i > 0 && boxes.some((b) => crosses(pts[i - 1]!, p, b)));
const length = (pts: { x: number; y: number }[]) => pts.reduce((sum, p, i) => (i ? sum + Math.abs(p.x - pts[i - 1]!.x) + Math.abs(p.y - pts[i - 1]!.y) : 0), 0);

/** The point `d` along a polyline. */
function along(pts: { x: number; y: number }[], d: number): { x: number; y: number } {
  let left = d;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const seg = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    if (left <= seg) return { x: a.x + Math.sign(b.x - a.x) * left, y: a.y + Math.sign(b.y - a.y) * left };
    left -= seg;
  }
  return pts.at(-1)!;
}

/** An SVG path through orthogonal points, corners rounded by up to `r`. */
function toPath(pts: { x: number; y: number }[], r = 8): string {
  let d = `M ${pts[0]!.x} ${pts[0]!.y}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const [a, b, c] = [pts[i - 1]!, pts[i]!, pts[i + 1]!];
    const k = Math.min(r, (Math.abs(b.x - a.x) + Math.abs(b.y - a.y)) / 2, (Math.abs(c.x - b.x) + Math.abs(c.y - b.y)) / 2);
    const p = { x: b.x - Math.sign(b.x - a.x) * k, y: b.y - Math.sign(b.y - a.y) * k };
    const q = { x: b.x + Math.sign(c.x - b.x) * k, y: b.y + Math.sign(c.y - b.y) * k };
    d += ` L ${p.x} ${p.y} Q ${b.x} ${b.y} ${q.x} ${q.y}`;
  }
  const last = pts.at(-1)!;
  return `${d} L ${last.x} ${last.y}`;
}

/**
 * An edge of a top-to-bottom flow from a bottom handle (sx, sy) to a top handle (tx, ty) that
 * goes around the other cards instead of behind them: the plain step shapes when they are
 * clear, else down a free lane beside the cards in the way. The label sits on the path where it
 * covers no card.
 */
export function routeDown(source: { x: number; y: number }, target: { x: number; y: number }, obstacles: readonly Box[]): Route {
  const s = source;
  const t = target;
  const below = s.y + GAP;
  const above = t.y - GAP;
  const candidates: { x: number; y: number }[][] = [];
  if (above > below) {
    candidates.push([s, { x: s.x, y: below }, { x: t.x, y: below }, t]);
    candidates.push([s, { x: s.x, y: above }, { x: t.x, y: above }, t]);
  }
  // Cards between the two ends, vertically: a lane left or right of all of them.
  const top = Math.min(below, above);
  const bottom = Math.max(below, above);
  const inBand = obstacles.filter((b) => b.y + b.height > top && b.y < bottom);
  if (inBand.length) {
    const right = Math.max(...inBand.map((b) => b.x + b.width)) + GAP;
    const left = Math.min(...inBand.map((b) => b.x)) - GAP;
    for (const lane of [right, left]) candidates.push([s, { x: s.x, y: below }, { x: lane, y: below }, { x: lane, y: above }, { x: t.x, y: above }, t]);
  }
  if (!candidates.length) candidates.push([s, { x: s.x, y: below }, { x: t.x, y: below }, t]);
  const clear = candidates.filter((c) => !blocked(c, obstacles)).sort((a, b) => length(a) - length(b));
  const points = clear[0] ?? candidates.sort((a, b) => length(a) - length(b))[0]!;
  const label = placeLabel(points, obstacles);
  return { points, path: toPath(points), labelX: label.x, labelY: label.y };
}

/** A point of the path where a label covers no card: tried from the middle outwards. */
export function placeLabel(points: { x: number; y: number }[], obstacles: readonly Box[]): { x: number; y: number } {
  const total = length(points);
  const covers = (p: { x: number; y: number }) => obstacles.some((b) => p.x + LABEL.halfWidth > b.x && p.x - LABEL.halfWidth < b.x + b.width && p.y + LABEL.halfHeight > b.y && p.y - LABEL.halfHeight < b.y + b.height);
  for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]) {
    const p = along(points, total * f);
    if (!covers(p)) return p;
  }
  return along(points, total / 2);
}
