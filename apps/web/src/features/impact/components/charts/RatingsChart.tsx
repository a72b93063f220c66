import type { RatingSummary } from '@echo-hub/protocol';
import { ChartFrame } from './ChartFrame';
import { XGrid } from './Grid';
import { linear } from './scale';

const W = 640;
const ROW = 48;
const PAD = { top: 8, right: 90, bottom: 28, left: 16 };

/** Mean rating per question on the 1–5 scale, with how many answered; the question above its bar. */
export function RatingsChart({ ratings }: { ratings: RatingSummary[] }) {
  const answered = ratings.filter((r) => r.n > 0 && r.mean !== null);
  const H = PAD.top + PAD.bottom + ROW * Math.max(1, answered.length);
  const x = linear([0, 5], [PAD.left, W - PAD.right]);
  return (
    <ChartFrame
      id="ratings-chart"
      title="Quality of experience (mean rating, 1–5)"
      summary={
        answered.length
          ? answered.map((r) => `${r.question}: ${r.mean?.toFixed(1)} from ${r.n} answers`).join('; ') + '.'
          : 'No ratings yet.'
      }
      empty={answered.length ? null : 'No survey answers yet.'}
      table={{
        columns: ['Question', 'Mean', 'Answers', '1', '2', '3', '4', '5'],
        rows: answered.map((r) => [r.question, r.mean?.toFixed(2) ?? '—', r.n, ...r.distribution]),
      }}
    >
      <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg">
        <XGrid ticks={[0, 1, 2, 3, 4, 5]} scale={x} span={[PAD.top, H - PAD.bottom]} />
        {answered.map((r, row) => {
          const top = PAD.top + row * ROW;
          return (
            <g key={r.question}>
              <text className="chart-label" x={PAD.left} y={top + 14}>
                {r.question}
              </text>
              <rect
                className="bar-rating"
                x={x(0)}
                y={top + 22}
                width={x(r.mean ?? 0) - x(0)}
                height={16}
                data-value={r.mean ?? ''}
              >
                <title>{`${r.question}: ${r.mean?.toFixed(2)} (${r.n} answers)`}</title>
              </rect>
              <text className="chart-note" x={x(r.mean ?? 0) + 6} y={top + 30} dy="0.32em">
                {`${r.mean?.toFixed(1)} (n=${r.n})`}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
