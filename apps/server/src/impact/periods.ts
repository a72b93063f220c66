import { DateTime } from 'luxon';

/** Months and years in the program's time zone: report periods and certificate periods. */

export interface Period {
  /** YYYY-MM or YYYY. */
  key: string;
  label: string;
  /** [start, end) as ISO instants. */
  start: string;
  end: string;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

/** `2026-11` (a month) or `2026` (a year) in `zone`, or null when it is neither. */
export function parsePeriod(key: string, zone: string): Period | null {
  const m = PERIOD.exec(key);
  if (!m) return null;
  const start = DateTime.fromObject({ year: Number(m[1]), month: m[2] ? Number(m[2]) : 1, day: 1 }, { zone });
  const end = start.plus(m[2] ? { months: 1 } : { years: 1 });
  return {
    key,
    label: m[2] ? start.setLocale('en-GB').toFormat('LLLL yyyy') : m[1],
    start: start.toUTC().toISO() ?? '',
    end: end.toUTC().toISO() ?? '',
  };
}

/** The month (YYYY-MM) an instant falls in, in `zone`. */
export const monthOf = (iso: string, zone: string): string => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM');

/** The local date (YYYY-MM-DD) of an instant in `zone`. */
export const dateOf = (iso: string, zone: string): string => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd');

/** "June 2026" for 2026-06. */
export const monthLabel = (month: string): string =>
  DateTime.fromFormat(month, 'yyyy-MM').setLocale('en-GB').toFormat('LLLL yyyy');

/**
 * A report bound as an instant: a bare date is the start of that day in `zone` (`to` dates are
 * inclusive, so they mean the start of the next day); anything else is parsed as ISO 8601.
 */
export function boundOf(value: string, zone: string, inclusiveEnd = false): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone });
    return (inclusiveEnd ? day.plus({ days: 1 }) : day).toUTC().toISO() ?? value;
  }
  return new Date(value).toISOString();
}

/** End of a local date (YYYY-MM-DD) in `zone`, as ms. */
export const endOfDateMs = (date: string, zone: string): number =>
  DateTime.fromISO(date, { zone }).plus({ days: 1 }).toMillis();
