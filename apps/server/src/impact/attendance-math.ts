/** Pure attendance arithmetic: connection rows → merged time → learning experiences. */

export interface Interval {
  start: number;
  end: number;
}

export interface ConnectionRow {
  joinedAt: string;
  leftAt: string | null;
}

const MINUTE = 60_000;

/**
 * One connection as an interval in ms. An open row (the person is still connected, or the
 * server stopped without closing it) runs until the session's scheduled end or now, whichever
 * is earlier — never before it started.
 */
export function connectionInterval(row: ConnectionRow, sessionEndMs: number, nowMs: number): Interval {
  const start = Date.parse(row.joinedAt);
  const end = row.leftAt === null ? Math.min(sessionEndMs, nowMs) : Date.parse(row.leftAt);
  return { start, end: Math.max(start, end) };
}

/** Length of the union of the intervals: overlapping and touching ones (a reconnect) count once. */
export function unionMs(intervals: Interval[]): number {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  let total = 0;
  let current: Interval | null = null;
  for (const i of sorted) {
    if (current && i.start <= current.end) {
      current.end = Math.max(current.end, i.end);
    } else {
      if (current) total += current.end - current.start;
      current = { ...i };
    }
  }
  return current ? total + current.end - current.start : total;
}

/** Time one person spent in one session, in ms, from all their connection rows. */
export function attendedMs(rows: ConnectionRow[], sessionEndMs: number, nowMs: number): number {
  return unionMs(rows.map((r) => connectionInterval(r, sessionEndMs, nowMs)));
}

/** At least `share` of the scheduled duration (and some time at all). */
export function isLearningExperience(ms: number, durationMinutes: number, share: number): boolean {
  return ms > 0 && ms >= share * durationMinutes * MINUTE;
}

/** Whole minutes, rounded to the nearest. */
export const toMinutes = (ms: number): number => Math.round(ms / MINUTE);

/** Hours with two decimals, from a sum of exact milliseconds (never a sum of rounded minutes). */
export const toHours = (ms: number): number => Math.round(ms / 36_000) / 100;

/** A share (0–1) with three decimals, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
