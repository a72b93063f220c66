import type { Scale } from './scale';

interface GridProps {
  ticks: number[];
  scale: Scale;
  /** The plot area: [from, to] across the lines, in SVG units. */
  span: [number, number];
  format?: (tick: number) => string;
}

/** Horizontal grid lines with their values at the left (a value axis running up). */
export function YGrid({ ticks, scale: y, span: [left, right], format = String }: GridProps) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t} className="chart-grid">
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} />
          <text x={left - 6} y={y(t)} dy="0.32em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
    </>
  );
}

/** Vertical grid lines with their values underneath (a value axis running across). */
export function XGrid({ ticks, scale: x, span: [top, bottom], format = String }: GridProps) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t} className="chart-grid">
          <line x1={x(t)} x2={x(t)} y1={top} y2={bottom} />
          <text x={x(t)} y={bottom + 16} textAnchor="middle">
            {format(t)}
          </text>
        </g>
      ))}
    </>
  );
}
