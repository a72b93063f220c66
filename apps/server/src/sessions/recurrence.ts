import type { Recurrence } from '@echo-hub/protocol';
import { DateTime } from 'luxon';

export const MAX_OCCURRENCES = 104;
/** Without a count or an end date, a series has this many sessions (a typical ECHO cycle). */
export const DEFAULT_OCCURRENCES = 12;

export interface RecurrenceRule {
  frequency: Recurrence;
  count?: number;
  until?: string;
  exceptions?: string[];
}

/**
 * The start times of a series, keeping the first session's wall-clock time in its time
 * zone (so 12:30 in London stays 12:30 across a daylight-saving change). `count`
 * counts sessions held: dates in `exceptions` are skipped and do not count.
 */
export function occurrences(first: DateTime, rule?: RecurrenceRule): DateTime[] {
  if (!rule) return [first];
  const limit = Math.min(rule.count ?? (rule.until ? MAX_OCCURRENCES : DEFAULT_OCCURRENCES), MAX_OCCURRENCES);
  const until = rule.until ? DateTime.fromISO(rule.until, { zone: first.zone }).endOf('day') : null;
  const skip = new Set(rule.exceptions ?? []);
  const out: DateTime[] = [];
  for (let i = 0; out.length < limit && i < MAX_OCCURRENCES * 2; i++) {
    const t = nth(first, rule.frequency, i);
    if (until && t > until) break;
    if (!skip.has(t.toISODate() ?? '')) out.push(t);
  }
  return out;
}

function nth(first: DateTime, frequency: Recurrence, i: number): DateTime {
  if (frequency === 'weekly') return first.plus({ weeks: i });
  if (frequency === 'fortnightly') return first.plus({ weeks: 2 * i });
  return sameWeekdayOfMonth(first, i);
}

/** The same weekday of the month as `first` (2nd Tuesday …), `i` months on; a 5th weekday means the last. */
function sameWeekdayOfMonth(first: DateTime, i: number): DateTime {
  const week = Math.ceil(first.day / 7);
  const month = first.startOf('month').plus({ months: i });
  const time = { hour: first.hour, minute: first.minute, second: 0, millisecond: 0 };
  if (week === 5) {
    const last = month.endOf('month').startOf('day');
    return last.minus({ days: (last.weekday - first.weekday + 7) % 7 }).set(time);
  }
  const firstSame = month.plus({ days: (first.weekday - month.weekday + 7) % 7 });
  return firstSame.plus({ weeks: week - 1 }).set(time);
}
