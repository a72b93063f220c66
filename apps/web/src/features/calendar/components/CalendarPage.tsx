import type { SessionDto } from '@echo-hub/protocol';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../../components/Status';
import { dateKey, formatTime } from '../../../lib/time';
import { useResource } from '../../../lib/useResource';
import { listPrograms } from '../../programs';
import { useMonthSessions } from '../hooks/useMonthSessions';
import { addMonths, formatMonthParam, monthWeeks, parseMonth } from '../month';

/** A month grid of the sessions of all my programs; the month lives in `?month=YYYY-MM`. */
export function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const month = parseMonth(params.get('month'));
  const weeks = monthWeeks(month);
  const lastDay = weeks[weeks.length - 1][6];
  const from = weeks[0][0];
  const to = new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1);

  const programs = useResource('programs', listPrograms);
  const sessions = useMonthSessions(programs.status === 'ready' ? programs.data : null, from, to);

  const sessionList = sessions.status === 'ready' ? sessions.data : [];
  const byDay = new Map<string, SessionDto[]>();
  for (const session of sessionList) {
    const key = dateKey(new Date(session.startsAt));
    byDay.set(key, [...(byDay.get(key) ?? []), session]);
  }
  const today = dateKey(new Date());
  const title = new Date(month.year, month.month, 1).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
  const go = (by: number) => setParams({ month: formatMonthParam(addMonths(month, by)) });

  return (
    <section>
      <title>{`Calendar · ${title} · ECHO Hub`}</title>
      <div className="page-header">
        <h1>Calendar</h1>
        <div className="actions">
          <button type="button" className="button" onClick={() => go(-1)}>
            <span aria-hidden="true">← </span>Previous month
          </button>
          <button type="button" className="button" onClick={() => setParams({})}>
            This month
          </button>
          <button type="button" className="button" onClick={() => go(1)}>
            Next month<span aria-hidden="true"> →</span>
          </button>
        </div>
      </div>
      <h2 id="month-title" aria-live="polite">
        {title}
      </h2>
      {programs.status === 'error' && <ErrorAlert error={programs.error} />}
      {sessions.status === 'error' && <ErrorAlert error={sessions.error} />}
      {(programs.status === 'loading' || sessions.status === 'loading') && programs.status !== 'error' && (
        <Loading>Loading sessions…</Loading>
      )}
      {programs.status === 'ready' && programs.data.length === 0 && (
        <p className="notice">
          You are not in any program yet, so there are no sessions to show. <Link to="/programs">See programs</Link>
        </p>
      )}
      {sessions.status === 'ready' && programs.status === 'ready' && programs.data.length > 0 && (
        <p role="status" className="hint">
          {sessionList.length === 0
            ? 'No sessions in this month.'
            : `${sessionList.length} session${sessionList.length === 1 ? '' : 's'} in view.`}
        </p>
      )}
      <table className="month-grid" aria-labelledby="month-title">
        <thead>
          <tr>
            {weeks[0].map((day) => (
              <th key={day.getDay()} scope="col">
                <span aria-hidden="true">{day.toLocaleDateString(undefined, { weekday: 'short' })}</span>
                <span className="sr-only">{day.toLocaleDateString(undefined, { weekday: 'long' })}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={dateKey(week[0])}>
              {week.map((day) => {
                const key = dateKey(day);
                const daySessions = byDay.get(key) ?? [];
                const classes = [
                  'day',
                  day.getMonth() !== month.month && 'day-outside',
                  key === today && 'day-today',
                  daySessions.length === 0 && 'day-empty',
                ];
                return (
                  <td
                    key={key}
                    className={classes.filter(Boolean).join(' ')}
                    aria-current={key === today ? 'date' : undefined}
                  >
                    <span className="day-number" aria-hidden="true">
                      {day.getDate()}
                    </span>
                    <span className="day-full">
                      {day.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}
                      {key === today && ' (today)'}
                    </span>
                    {daySessions.length > 0 && (
                      <ul className="day-sessions">
                        {daySessions.map((session) => (
                          <li key={session.id}>
                            <Link
                              to={`/sessions/${session.id}`}
                              title={session.title}
                              className={session.status === 'cancelled' ? 'chip chip-cancelled' : 'chip'}
                            >
                              <time dateTime={session.startsAt}>{formatTime(session.startsAt)}</time> {session.title}
                              {session.status === 'cancelled' && <span className="sr-only"> (cancelled)</span>}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
