import { ChartFrame } from './ChartFrame';
import { YGrid } from './Grid';
import { linear, niceCeil, ticks } from './scale';

export interface BarSeries {
  name: string;
  /** CSS class that colours the bars (see impact.css). */
  className: string;
  values: number[];
}

interface BarChartProps {
  id: string;
  title: string;
  summary: string;
  /** One group of bars per category (e.g. a month), labelled on the x axis. */
  categories: { key: string; label: string }[];
  series: BarSeries[];
  empty?: string;
}

const W = 640;
const H = 260;
const PAD = { top: 16, right: 12, bottom: 44, left: 44 };

/** Grouped vertical bars: one group per category, one bar per series. */
export function BarChart({ id, title, summary, categories, series, empty }: BarChartProps) {
  const max = niceCeil(Math.max(1, ...series.flatMap((s) => s.values)));
  const y = linear([0, max], [H - PAD.bottom, PAD.top]);
  const groupWidth = (W - PAD.left - PAD.right) / Math.max(1, categories.length);
  const barWidth = Math.min(28, (groupWidth * 0.8) / Math.max(1, series.length));
  const labelEvery = Math.ceil(categories.length / 12);
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      empty={categories.length === 0 ? (empty ?? 'Nothing to show yet.') : null}
      legend={series.map((s) => ({ name: s.name, className: s.className }))}
      table={{
        columns: ['', ...series.map((s) => s.name)],
        rows: categories.map((c, i) => [c.label, ...series.map((s) => s.values[i] ?? 0)]),
      }}
    >
      <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg">
        <YGrid ticks={ticks(max)} scale={y} span={[PAD.left, W - PAD.right]} />
        {categories.map((c, i) => {
          const x0 = PAD.left + i * groupWidth + (groupWidth - barWidth * series.length) / 2;
          return (
            <g key={c.key} data-category={c.key}>
              {series.map((s, j) => {
                const v = s.values[i] ?? 0;
                return (
                  <rect
                    key={s.name}
                    className={s.className}
                    data-series={s.name}
                    data-value={v}
                    x={x0 + j * barWidth}
                    y={y(v)}
                    width={barWidth - 2}
                    height={Math.max(0, y(0) - y(v))}
                  >
                    <title>{`${c.label}: ${v} ${s.name.toLowerCase()}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 && (
                <text
                  className="chart-axis"
                  x={PAD.left + (i + 0.5) * groupWidth}
                  y={H - PAD.bottom + 16}
                  textAnchor="middle"
                >
                  {c.label}
                </text>
              )}
            </g>
          );
        })}
        <line className="chart-baseline" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
      </svg>
    </ChartFrame>
  );
}
