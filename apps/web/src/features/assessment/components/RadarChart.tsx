import type { AssessmentDimension, SiteResult } from '@echo-hub/protocol';
import { ASSESSMENT_SCALE } from '@echo-hub/protocol';

const SIZE = 360;
const CENTRE = SIZE / 2;
const RADIUS = 130;

const point = (i: number, count: number, value: number) => {
  const angle = (Math.PI * 2 * i) / count - Math.PI / 2;
  const r = (value / ASSESSMENT_SCALE.max) * RADIUS;
  return [CENTRE + r * Math.cos(angle), CENTRE + r * Math.sin(angle)] as const;
};

/**
 * The maturity radar: one axis per dimension (0 in the centre, 5 at the edge), the program and each site as a
 * polygon. The picture is an image with a summary; the table beside it (AssessmentResults) has every figure.
 */
export function RadarChart({ dimensions, series }: { dimensions: AssessmentDimension[]; series: SiteResult[] }) {
  const n = dimensions.length;
  const summary = series
    .map(
      (s) =>
        `${s.siteName}: ${s.dimensions.map((d, i) => `${dimensions[i].name} ${d.mean ?? 'no answer'}`).join(', ')}`,
    )
    .join('. ');
  return (
    <figure className="chart panel radar" aria-labelledby="radar-title">
      <figcaption id="radar-title" className="chart-title">
        Maturity by dimension (0–5)
      </figcaption>
      <div role="img" aria-label={summary} className="chart-canvas">
        <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width="100%" data-testid="radar">
          {[1, 2, 3, 4, 5].map((level) => (
            <polygon
              key={level}
              className="radar-ring"
              points={dimensions.map((_, i) => point(i, n, level).join(',')).join(' ')}
            />
          ))}
          {dimensions.map((d, i) => {
            const [x, y] = point(i, n, ASSESSMENT_SCALE.max);
            const [lx, ly] = point(i, n, ASSESSMENT_SCALE.max + 0.55);
            return (
              <g key={d.name}>
                <line className="radar-axis" x1={CENTRE} y1={CENTRE} x2={x} y2={y} />
                <text
                  className="radar-label"
                  x={lx}
                  y={ly}
                  textAnchor={lx < CENTRE - 5 ? 'end' : lx > CENTRE + 5 ? 'start' : 'middle'}
                >
                  {i + 1}
                </text>
              </g>
            );
          })}
          {series.map((s, k) => (
            <polygon
              key={s.siteId ?? `all-${k}`}
              className={`radar-series radar-series-${k % 6}`}
              data-series={s.siteName}
              points={s.dimensions.map((d, i) => point(i, n, d.mean ?? 0).join(',')).join(' ')}
            />
          ))}
        </svg>
      </div>
      <ul className="chart-legend">
        {series.map((s, k) => (
          <li key={s.siteId ?? `all-${k}`}>
            <span className={`radar-swatch radar-series-${k % 6}`} aria-hidden="true" /> {s.siteName} ({s.respondents}{' '}
            {s.respondents === 1 ? 'answer' : 'answers'})
          </li>
        ))}
      </ul>
    </figure>
  );
}
