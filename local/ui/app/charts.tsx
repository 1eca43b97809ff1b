// Time-series charts drawn as inline SVG: a sparkline for the list and a line chart with axes for a pipeline's page.
import { formatNumber } from './model.js';
import type { MetricPoint } from './types.js';

interface Scaled {
  readonly path: string;
  readonly area: string;
  readonly max: number;
}

/** Maps points into a w×h box (y grows downwards), from zero to the largest value. */
function scale(points: readonly MetricPoint[], w: number, h: number, pad: number): Scaled {
  const t0 = points[0]![0];
  const t1 = points[points.length - 1]![0];
  const max = Math.max(...points.map((p) => p[1]), 0);
  const x = (t: number) => (t1 === t0 ? w / 2 : ((t - t0) / (t1 - t0)) * (w - 2 * pad) + pad);
  const y = (v: number) => h - pad - (max === 0 ? 0 : (v / max) * (h - 2 * pad));
  const coords = points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`);
  const path = `M${coords.join(' L')}`;
  const area = `${path} L${x(t1).toFixed(1)},${h - pad} L${x(t0).toFixed(1)},${h - pad} Z`;
  return { path, area, max };
}

export function Sparkline({ points, label }: { points: readonly MetricPoint[]; label: string }) {
  const w = 96;
  const h = 24;
  if (points.length === 0) return <span class="muted spark-empty" title="No history yet">—</span>;
  const s = scale(points, w, h, 2);
  return (
    <svg class="spark" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <title>{label}</title>
      <path class="area" d={s.area} />
      <path class="line" d={s.path} />
    </svg>
  );
}

const time = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function LineChart({ title, points, unit }: { title: string; points: readonly MetricPoint[]; unit: string }) {
  const w = 320;
  const h = 120;
  const left = 36;
  const bottom = 18;
  const last = points[points.length - 1];
  return (
    <figure class="chart" data-metric={title}>
      <figcaption>
        <span>{title}</span>
        <span class="muted">{last ? `${formatNumber(last[1])} ${unit}` : 'no data'}</span>
      </figcaption>
      {points.length === 0 ? (
        <div class="chart-empty muted">No data points yet</div>
      ) : (
        <ChartBody points={points} w={w} h={h} left={left} bottom={bottom} />
      )}
    </figure>
  );
}

function ChartBody({ points, w, h, left, bottom }: { points: readonly MetricPoint[]; w: number; h: number; left: number; bottom: number }) {
  const plotW = w - left;
  const plotH = h - bottom;
  const s = scale(points, plotW, plotH, 4);
  return (
    <svg width="100%" viewBox={`0 0 ${w} ${h}`} role="img" aria-label="chart">
      <g class="axis">
        <line x1={left} y1={plotH - 4} x2={w} y2={plotH - 4} />
        <line x1={left} y1={4} x2={w} y2={4} class="grid" />
        <text x={left - 4} y={8} text-anchor="end">
          {formatNumber(s.max)}
        </text>
        <text x={left - 4} y={plotH - 2} text-anchor="end">
          0
        </text>
        <text x={left + 4} y={h - 4}>
          {time(points[0]![0])}
        </text>
        <text x={w - 2} y={h - 4} text-anchor="end">
          {time(points[points.length - 1]![0])}
        </text>
      </g>
      <g transform={`translate(${left},0)`}>
        <path class="area" d={s.area} />
        <path class="line" d={s.path} />
      </g>
    </svg>
  );
}
