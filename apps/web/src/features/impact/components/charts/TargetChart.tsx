import type { ImpactTarget } from '@echo-hub/protocol';
import { ChartFrame } from './ChartFrame';
import { YGrid } from './Grid';
import { linear, niceCeil, ticks } from './scale';

const W = 640;
const H = 280;
const PAD = { top: 20, right: 16, bottom: 40, left: 48 };
const DAY = 86_400_000;

const shortDate = (ms: number) =>
  new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: '2-digit' });

/** Learning experiences so far (cumulative, step by session), the target, and the linear forecast to the horizon. */
export function TargetChart({ target, generatedAt }: { target: ImpactTarget; generatedAt: string }) {
  const now = Date.parse(generatedAt);
  const points = target.cumulative.map((p) => ({ x: Date.parse(p.date), y: p.total }));
  const horizon = Date.parse(`${target.horizon.date}T23:59:59Z`);
  const start = points[0]?.x ?? now;
  const end = Math.max(horizon, now, start + DAY);
  const max = niceCeil(Math.max(1, target.target ?? 0, target.forecast, target.achieved) * 1.05);
  const x = linear([start, end], [PAD.left, W - PAD.right]);
  const y = linear([0, max], [H - PAD.bottom, PAD.top]);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
  const lastX = points.length ? points[points.length - 1].x : start;
  const xTicks = [0, 1, 2, 3, 4].map((i) => start + ((end - start) * i) / 4);
  const goal = target.target;
  const summary =
    `${target.achieved} learning experiences so far` +
    (goal !== null ? ` of a target of ${goal}` : '') +
    `; at ${target.ratePerWeek} a week the forecast is ${target.forecast} by ${target.horizon.date}` +
    (target.onTrack === null ? '.' : target.onTrack ? ', on track.' : ', short of the target.');
  return (
    <ChartFrame
      id="target-chart"
      title="Learning experiences against the target"
      summary={summary}
      empty={points.length === 0 ? 'No delivered sessions yet.' : null}
      legend={[
        { name: 'Learning experiences so far', className: 'line-actual', dashed: false },
        { name: 'Forecast at the current rate', className: 'line-forecast', dashed: true },
        ...(goal !== null ? [{ name: `Target (${goal})`, className: 'line-target', dashed: true }] : []),
      ]}
      table={{
        columns: ['After the session of', 'Learning experiences (cumulative)'],
        rows: [
          ...target.cumulative.map((p) => [shortDate(Date.parse(p.date)), p.total]),
          [`Forecast for ${target.horizon.date}`, target.forecast],
          ...(goal !== null ? [['Target', goal]] : []),
        ],
      }}
    >
      <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg">
        <YGrid ticks={ticks(max)} scale={y} span={[PAD.left, W - PAD.right]} />
        {xTicks.map((t, i) => (
          <text
            key={t}
            className="chart-axis"
            x={x(t)}
            y={H - PAD.bottom + 18}
            textAnchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
          >
            {shortDate(t)}
          </text>
        ))}
        {goal !== null && (
          <g>
            <line
              className="line-target"
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(goal)}
              y2={y(goal)}
              strokeDasharray="6 4"
            />
            <text className="chart-note" x={PAD.left + 6} y={y(goal) - 6}>
              Target {goal}
            </text>
          </g>
        )}
        <path className="line-actual" d={path} fill="none" data-value={target.achieved} />
        {points.map((p) => (
          <circle key={p.x} className="dot-actual" cx={x(p.x)} cy={y(p.y)} r="3">
            <title>{`${shortDate(p.x)}: ${p.y}`}</title>
          </circle>
        ))}
        <line
          className="line-forecast"
          x1={x(Math.max(lastX, now))}
          y1={y(target.achieved)}
          x2={x(horizon)}
          y2={y(target.forecast)}
          strokeDasharray="4 3"
          data-value={target.forecast}
        />
        <text className="chart-note" x={x(horizon)} y={y(target.forecast) - 8} textAnchor="end">
          Forecast {target.forecast}
        </text>
        <line className="chart-now" x1={x(now)} x2={x(now)} y1={PAD.top} y2={H - PAD.bottom} />
        <text className="chart-note" x={x(now) + 4} y={PAD.top + 10}>
          today
        </text>
        <line className="chart-baseline" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
      </svg>
    </ChartFrame>
  );
}
