import type { ConfidenceSummary } from '@echo-hub/protocol';
import { ChartFrame } from './ChartFrame';
import { XGrid } from './Grid';
import { linear } from './scale';

const W = 640;
const ROW = 48;
const PAD = { top: 8, right: 24, bottom: 28, left: 16 };

const one = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** Confidence before and after, per item, on the 1–5 scale: two dots joined by the shift, the item above. */
export function DumbbellChart({ items }: { items: ConfidenceSummary[] }) {
  const answered = items.filter((i) => i.n > 0);
  const H = PAD.top + PAD.bottom + ROW * Math.max(1, answered.length);
  const x = linear([1, 5], [PAD.left + 8, W - PAD.right]);
  const summary = answered.length
    ? answered.map((i) => `${i.item}: ${one(i.meanBefore)} before, ${one(i.meanAfter)} after`).join('; ') + '.'
    : 'No confidence answers yet.';
  return (
    <ChartFrame
      id="confidence-chart"
      title="Confidence before and after (1 = not at all, 5 = extremely)"
      summary={summary}
      empty={answered.length ? null : 'No survey answers yet.'}
      legend={[
        { name: 'Before the session', className: 'dot-before' },
        { name: 'After', className: 'dot-after' },
      ]}
      table={{
        columns: ['Item', 'Before', 'After', 'Shift', 'Answers', 'More confident'],
        rows: answered.map((i) => [i.item, one(i.meanBefore), one(i.meanAfter), one(i.shift), i.n, i.improved]),
      }}
    >
      <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg">
        <XGrid ticks={[1, 2, 3, 4, 5]} scale={x} span={[PAD.top, H - PAD.bottom]} />
        {answered.map((i, row) => {
          const top = PAD.top + row * ROW;
          const cy = top + 32;
          return (
            <g key={i.item}>
              <text className="chart-label" x={PAD.left} y={top + 14}>
                {i.item}
              </text>
              <line className="dumbbell" x1={x(i.meanBefore ?? 1)} x2={x(i.meanAfter ?? 1)} y1={cy} y2={cy} />
              <circle className="dot-before" cx={x(i.meanBefore ?? 1)} cy={cy} r="6" data-value={i.meanBefore ?? ''}>
                <title>{`Before: ${one(i.meanBefore)}`}</title>
              </circle>
              <circle className="dot-after" cx={x(i.meanAfter ?? 1)} cy={cy} r="6" data-value={i.meanAfter ?? ''}>
                <title>{`After: ${one(i.meanAfter)} (${i.n} answers)`}</title>
              </circle>
              <text className="chart-note" x={x(i.meanAfter ?? 1) + 12} y={cy} dy="0.32em">
                {`+${one(i.shift)}`}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
