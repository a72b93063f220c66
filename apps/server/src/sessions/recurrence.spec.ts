import { DateTime } from 'luxon';
import { occurrences } from './recurrence';

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });
const local = (ts: DateTime[]) => ts.map((t) => t.toFormat('yyyy-MM-dd HH:mm'));
const utc = (ts: DateTime[]) => ts.map((t) => t.toUTC().toISO({ suppressMilliseconds: true }));

describe('occurrences', () => {
  it('keeps the local time across the March daylight-saving change (UTC moves by an hour)', () => {
    const series = occurrences(london('2026-03-17T12:30'), { frequency: 'weekly', count: 3 });
    expect(local(series)).toEqual(['2026-03-17 12:30', '2026-03-24 12:30', '2026-03-31 12:30']);
    expect(utc(series)).toEqual(['2026-03-17T12:30:00Z', '2026-03-24T12:30:00Z', '2026-03-31T11:30:00Z']);
  });

  it('runs fortnightly until a date, skipping exceptions without counting them', () => {
    const series = occurrences(london('2026-01-06T13:00'), {
      frequency: 'fortnightly',
      until: '2026-03-03',
      exceptions: ['2026-02-03'],
    });
    expect(local(series)).toEqual(['2026-01-06 13:00', '2026-01-20 13:00', '2026-02-17 13:00', '2026-03-03 13:00']);
  });

  it('counts held sessions: exceptions push the series on', () => {
    const series = occurrences(london('2026-01-06T13:00'), {
      frequency: 'weekly',
      count: 3,
      exceptions: ['2026-01-13'],
    });
    expect(local(series)).toEqual(['2026-01-06 13:00', '2026-01-20 13:00', '2026-01-27 13:00']);
  });

  it('monthly by weekday: the 2nd Tuesday of each month', () => {
    const series = occurrences(london('2026-01-13T09:00'), { frequency: 'monthly', count: 4 });
    expect(local(series)).toEqual(['2026-01-13 09:00', '2026-02-10 09:00', '2026-03-10 09:00', '2026-04-14 09:00']);
  });

  it('monthly by weekday: a 5th Thursday becomes the last Thursday', () => {
    const series = occurrences(london('2026-01-29T16:00'), { frequency: 'monthly', count: 3 });
    expect(local(series)).toEqual(['2026-01-29 16:00', '2026-02-26 16:00', '2026-03-26 16:00']);
  });

  it('a one-off session has one occurrence; a series without count or end has twelve', () => {
    expect(occurrences(london('2026-05-05T12:00'))).toHaveLength(1);
    expect(occurrences(london('2026-05-05T12:00'), { frequency: 'weekly' })).toHaveLength(12);
  });
});
