/** Small helpers for the plain SVG charts: linear scales and round axis ticks. */

export type Scale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1), so axes end on round numbers. */
export function niceCeil(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/** About `count` evenly spaced round ticks from 0 to `max` (inclusive). */
export function ticks(max: number, count = 4): number[] {
  const step = niceCeil(max / count);
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
