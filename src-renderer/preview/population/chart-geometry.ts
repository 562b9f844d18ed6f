import { formatCount } from '../preview-format';

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
  /** Y ticks with their labels ("100k"), and the full number for a tooltip. */
  yTicks: { value: number; y: number; label: string }[];
  xTicks: { day: number; x: number; label: string }[];
  max: number;
  channels: string[];
  plot: { left: number; top: number; width: number; height: number };
  /** Where y labels end: this far left of the plot. */
  labelGap: number;
  /** The x of a point in the period, in days from its start (fractions allowed): the slider's marker. */
  dayX: (day: number) => number;
}

/** Width of one character of the axis labels (10 px tabular digits), with room to spare. */
export const LABEL_CHAR_WIDTH = 6.5;
const LABEL_GAP = 6;

/** A y tick label short enough for a narrow axis: 950, 1,000, 25k, 100k, 1.5M. */
export function tickLabel(v: number): string {
  if (v >= 1_000_000) return `${Number((v / 1_000_000).toFixed(1))}M`;
  if (v >= 10_000) return `${Number((v / 1000).toFixed(1))}k`;
  return formatCount(v);
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
  const totals = Array.from({ length: days }, (_, d) => channels.reduce((sum, c) => sum + (byDay[c]![d] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const fractions = [0, 0.5, 1];
  const labels = fractions.map((f) => tickLabel(Math.round(max * f)));
  // The axis is as wide as its longest label, so "100k" is never cut at the edge.
  const left = Math.ceil(Math.max(...labels.map((l) => l.length)) * LABEL_CHAR_WIDTH + LABEL_GAP + 2);
  const plot = { left, top: 8, width: Math.max(10, width - left - 8), height: Math.max(10, height - 30) };
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
  const yTicks = fractions.map((f, i) => ({ value: Math.round(max * f), y: plot.top + plot.height - f * plot.height, label: labels[i]! }));
  const every = Math.max(1, Math.ceil(days / Math.max(1, Math.floor(plot.width / 36))));
  const xTicks = [];
  for (let d = 0; d < days; d += every) xTicks.push({ day: d, x: plot.left + d * slot + slot / 2, label: `${d + 1}` });
  return { bars, yTicks, xTicks, max, channels, plot, labelGap: LABEL_GAP, dayX: (day) => plot.left + day * slot };
}
