import { ChartFrame } from './ChartFrame';
import { YGrid } from './Grid';
import { linear, percent } from './scale';

interface LineChartProps {
  id: string;
  title: string;
  summary: string;
  /** Points in order; share 0–1 (null: no attendance to divide). */
  points: { key: string; label: string; share: number | null; detail: string }[];
  empty?: string;
}

const W = 640;
const H = 240;
const PAD = { top: 16, right: 16, bottom: 44, left: 44 };

/** A share (0–100%) over time, one point per session or month. */
export function LineChart({ id, title, summary, points, empty }: LineChartProps) {
  const known = points.filter((p) => p.share !== null);
  const x = linear([0, Math.max(1, points.length - 1)], [PAD.left + 8, W - PAD.right - 8]);
  const y = linear([0, 1], [H - PAD.bottom, PAD.top]);
  const path = points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.share !== null)
    .map(({ p, i }, n) => `${n ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.share ?? 0).toFixed(1)}`)
    .join(' ');
  const labelEvery = Math.ceil(points.length / 8);
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      empty={known.length === 0 ? (empty ?? 'Nothing to show yet.') : null}
      legend={[{ name: title, className: 'line-share' }]}
      table={{ columns: ['', 'Share', 'Of'], rows: points.map((p) => [p.label, percent(p.share), p.detail]) }}
    >
      <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg">
        <YGrid ticks={[0, 0.25, 0.5, 0.75, 1]} scale={y} span={[PAD.left, W - PAD.right]} format={percent} />
        <path className="line-share" d={path} fill="none" />
        {points.map((p, i) =>
          p.share === null ? null : (
            <circle key={p.key} className="dot-share" cx={x(i)} cy={y(p.share)} r="4" data-value={p.share}>
              <title>{`${p.label}: ${percent(p.share)} (${p.detail})`}</title>
            </circle>
          ),
        )}
        {points.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p.key} className="chart-axis" x={x(i)} y={H - PAD.bottom + 18} textAnchor="middle">
              {p.label}
            </text>
          ) : null,
        )}
      </svg>
    </ChartFrame>
  );
}
