/** One stacked segment of the messages chart. */
export interface Bar {
  day: number;
  channel: string;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface ChartGeometry {
  bars: Bar[];
  yTicks: { value: number; y: number }[];
  xTicks: { day: number; x: number; label: string }[];
  max: number;
  channels: string[];
  plot: { left: number; top: number; width: number; height: number };
}

/** A round axis maximum at or above `v`: 1, 2, 2.5, 5 × 10^k. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/**
 * Messages per channel per day as stacked bars in a `width` × `height` box (plain SVG, no
 * chart library): bars, a few y ticks, and day labels spaced so they do not collide.
 */
export function messagesChart(byDay: Readonly<Record<string, readonly number[]>>, width: number, height: number): ChartGeometry {
  const channels = Object.keys(byDay).sort();
  const days = Math.max(0, ...channels.map((c) => byDay[c]!.length));
  const plot = { left: 44, top: 8, width: Math.max(10, width - 52), height: Math.max(10, height - 30) };
  const totals = Array.from({ length: days }, (_, d) => channels.reduce((sum, c) => sum + (byDay[c]![d] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = days ? plot.width / days : plot.width;
  const barWidth = Math.max(1, slot * 0.72);
  const scale = (v: number) => (v / max) * plot.height;
  const bars: Bar[] = [];
  for (let d = 0; d < days; d++) {
    let base = plot.top + plot.height;
    for (const c of channels) {
      const value = byDay[c]![d] ?? 0;
      if (!value) continue;
      const h = scale(value);
      base -= h;
      bars.push({ day: d, channel: c, x: plot.left + d * slot + (slot - barWidth) / 2, y: base, width: barWidth, height: h, value });
    }
  }
  const yTicks = [0, 0.5, 1].map((f) => ({ value: Math.round(max * f), y: plot.top + plot.height - f * plot.height }));
  const every = Math.max(1, Math.ceil(days / Math.max(1, Math.floor(plot.width / 36))));
  const xTicks = [];
  for (let d = 0; d < days; d += every) xTicks.push({ day: d, x: plot.left + d * slot + slot / 2, label: `${d + 1}` });
  return { bars, yTicks, xTicks, max, channels, plot };
}
