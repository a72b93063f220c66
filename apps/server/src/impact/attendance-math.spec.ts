import { attendedMs, connectionInterval, isLearningExperience, toHours, toMinutes, unionMs } from './attendance-math';

const t0 = Date.parse('2026-06-02T11:30:00.000Z');
const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
const row = (from: number, to: number | null) => ({ joinedAt: at(from), leftAt: to === null ? null : at(to) });
const MIN = 60_000;

describe('attendance arithmetic', () => {
  it('merges overlapping and touching connections of one person (a reconnect counts once)', () => {
    // 0–30 and 20–50 overlap; 50–60 touches; 70–80 is separate: 60 + 10 minutes.
    const rows = [row(0, 30), row(20, 50), row(50, 60), row(70, 80)];
    expect(attendedMs(rows, t0 + 90 * MIN, t0 + 1000 * MIN)).toBe(70 * MIN);
  });

  it('counts a connection inside another once', () => {
    expect(attendedMs([row(0, 90), row(10, 20), row(30, 40)], t0 + 90 * MIN, Infinity)).toBe(90 * MIN);
  });

  it('runs an open row until the scheduled end, or until now when that is earlier', () => {
    const end = t0 + 90 * MIN;
    expect(connectionInterval(row(60, null), end, t0 + 500 * MIN)).toEqual({ start: t0 + 60 * MIN, end });
    expect(connectionInterval(row(60, null), end, t0 + 75 * MIN).end).toBe(t0 + 75 * MIN);
    // Opened after the scheduled end (the session overran): nothing, not a negative length.
    expect(attendedMs([row(100, null)], end, t0 + 120 * MIN)).toBe(0);
  });

  it('ignores empty and inverted rows', () => {
    expect(
      unionMs([
        { start: 5, end: 5 },
        { start: 9, end: 3 },
      ]),
    ).toBe(0);
  });

  it('counts a learning experience from the share of the scheduled duration, the boundary included', () => {
    expect(isLearningExperience(45 * MIN, 90, 0.5)).toBe(true);
    expect(isLearningExperience(45 * MIN - 1, 90, 0.5)).toBe(false);
    expect(isLearningExperience(1, 90, 0)).toBe(true);
    expect(isLearningExperience(0, 90, 0)).toBe(false);
  });

  it('rounds minutes to the nearest and hours to two decimals of the exact total', () => {
    expect(toMinutes(89.5 * MIN)).toBe(90);
    expect(toHours(3 * 20 * MIN + 1)).toBe(1);
    expect(toHours(100 * MIN)).toBe(1.67);
  });
});
