import { useMemo } from 'react';
import { messagesChart } from './chart-geometry';
import { formatCount } from '../preview-format';

const WIDTH = 340;
const HEIGHT = 150;

/** Messages per channel per simulated day, stacked bars in plain SVG; `marker` (days into the period) draws the slider's instant. */
export function MessagesChart({ byDay, marker }: { byDay: Record<string, number[]>; marker?: number }) {
  const g = useMemo(() => messagesChart(byDay, WIDTH, HEIGHT), [byDay]);
  if (g.channels.length === 0) return <p className="preview-empty-line">No messages were sent in this period.</p>;
  return (
    <figure className="sim-chart" data-testid="messages-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Messages per day by channel: ${g.channels.map((c) => `${c} ${formatCount(byDay[c]!.reduce((a, b) => a + b, 0))}`).join(', ')}`}>
        {g.yTicks.map((t) => (
          <g key={t.value} className="sim-chart__grid">
            <line x1={g.plot.left} x2={g.plot.left + g.plot.width} y1={t.y} y2={t.y} />
            <text x={g.plot.left - g.labelGap} y={t.y + 3.5} textAnchor="end">
              {t.label}
              <title>{formatCount(t.value)}</title>
            </text>
          </g>
        ))}
        {g.bars.map((b) => (
          <rect key={`${b.day}-${b.channel}`} className={`sim-chart__bar sim-channel--${g.channels.indexOf(b.channel) % 5}`} x={b.x} y={b.y} width={b.width} height={b.height} rx={1.5}>
            <title>{`Day ${b.day + 1}: ${formatCount(b.value)} ${b.channel}`}</title>
          </rect>
        ))}
        {marker !== undefined && (
          <line className="sim-chart__marker" x1={g.dayX(marker)} x2={g.dayX(marker)} y1={g.plot.top - 4} y2={g.plot.top + g.plot.height} data-testid="chart-marker" data-day={marker.toFixed(3)}>
            <title>The time on the slider</title>
          </line>
        )}
        {g.xTicks.map((t) => (
          <text key={t.day} className="sim-chart__day" x={t.x} y={HEIGHT - 8} textAnchor="middle">
            {t.label}
          </text>
        ))}
      </svg>
      <figcaption className="sim-legend">
        {g.channels.map((c, i) => (
          <span key={c} className="sim-legend__item">
            <span className={`sim-legend__swatch sim-channel--${i % 5}`} />
            {c} · {formatCount(byDay[c]!.reduce((a, b) => a + b, 0))}
          </span>
        ))}
        <span className="sim-legend__axis">day of the period</span>
      </figcaption>
    </figure>
  );
}
