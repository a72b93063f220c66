export interface Month {
  year: number;
  /** 0-11, like Date. */
  month: number;
}

/** `?month=2025-10` as a Month; anything else is the current month. */
export function parseMonth(value: string | null): Month {
  const match = value && /^(\d{4})-(\d{2})$/.exec(value);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12)
    return { year: Number(match[1]), month: Number(match[2]) - 1 };
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() };
}

export function formatMonthParam({ year, month }: Month): string {
  return `${year}-${String(month + 1).padStart(2, '0')}`;
}

export function addMonths({ year, month }: Month, by: number): Month {
  const date = new Date(year, month + by, 1);
  return { year: date.getFullYear(), month: date.getMonth() };
}

/** The month's weeks, Monday first, padded with days of the neighbouring months. */
export function monthWeeks({ year, month }: Month): Date[][] {
  const first = new Date(year, month, 1);
  const start = new Date(year, month, 1 - ((first.getDay() + 6) % 7));
  const weeks: Date[][] = [];
  for (let day = new Date(start); weeks.length === 0 || day.getMonth() === month;) {
    const week: Date[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    }
    weeks.push(week);
  }
  return weeks;
}
