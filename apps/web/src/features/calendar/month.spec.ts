import { describe, expect, it } from 'vitest';
import { addMonths, formatMonthParam, monthWeeks, parseMonth } from './month';

const day = (d: Date) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;

describe('month calendar', () => {
  it('reads ?month=YYYY-MM and writes it back', () => {
    expect(parseMonth('2025-10')).toEqual({ year: 2025, month: 9 });
    expect(formatMonthParam({ year: 2025, month: 0 })).toBe('2025-01');
    expect(formatMonthParam(parseMonth('2031-12'))).toBe('2031-12');
  });

  it('takes the current month for anything else', () => {
    const now = new Date();
    const current = { year: now.getFullYear(), month: now.getMonth() };
    for (const value of [null, '', '2025-13', '2025-00', '2025-1', 'October', '2025-10-01']) {
      expect(parseMonth(value)).toEqual(current);
    }
  });

  it('steps across year ends both ways', () => {
    expect(addMonths({ year: 2025, month: 11 }, 1)).toEqual({ year: 2026, month: 0 });
    expect(addMonths({ year: 2025, month: 0 }, -1)).toEqual({ year: 2024, month: 11 });
    expect(addMonths({ year: 2025, month: 5 }, 0)).toEqual({ year: 2025, month: 5 });
    expect(addMonths({ year: 2025, month: 5 }, 19)).toEqual({ year: 2027, month: 0 });
  });

  it('lays a month out in whole weeks, Monday first, padded with the neighbouring months', () => {
    // October 2025 starts on a Wednesday and ends on a Friday.
    const weeks = monthWeeks({ year: 2025, month: 9 });
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(day(weeks[0][0])).toBe('2025-9-29');
    expect(day(weeks[0][2])).toBe('2025-10-1');
    expect(day(weeks[4][6])).toBe('2025-11-2');
    expect(weeks.flat().every((d) => d.getDay() === (weeks.flat().indexOf(d) + 1) % 7)).toBe(true);
  });

  it('needs no padding when the month starts on a Monday, and six weeks when it spills', () => {
    // September 2025 starts on a Monday; March 2026 starts on a Sunday and has 31 days.
    const september = monthWeeks({ year: 2025, month: 8 });
    expect(day(september[0][0])).toBe('2025-9-1');
    expect(september).toHaveLength(5);
    const march = monthWeeks({ year: 2026, month: 2 });
    expect(day(march[0][6])).toBe('2026-3-1');
    expect(march).toHaveLength(6);
    expect(day(march[5][1])).toBe('2026-3-31');
  });

  it('counts each day once across a clock change', () => {
    // The tests run in London time (vite.config.ts), where 26 October 2025 is 25 hours long.
    expect(new Date(2025, 9, 27).getTime() - new Date(2025, 9, 26).getTime()).toBe(25 * 3600_000);
    const days = monthWeeks({ year: 2025, month: 9 }).flat().map(day);
    expect(new Set(days).size).toBe(days.length);
    expect(days).toContain('2025-10-26');
    expect(days).toContain('2025-10-27');
  });
});
