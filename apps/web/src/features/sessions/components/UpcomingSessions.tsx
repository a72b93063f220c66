import { Link } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { listSessions } from '../api/sessions';
import { SessionWhen } from './SessionWhen';
import { StatusBadge } from './StatusBadge';

const DAY = 86_400_000;

/** The program's next five sessions (including one running now), with Join when it is open. */
export function UpcomingSessions({ programId, manager }: { programId: string; manager: boolean }) {
  const sessions = useResource(`upcoming:${programId}`, () => {
    const now = Date.now();
    return listSessions(programId, new Date(now - DAY), new Date(now + 400 * DAY));
  });
  const now = Date.now();
  const upcoming =
    sessions.status === 'ready' ? sessions.data.filter((s) => Date.parse(s.endsAt) > now).slice(0, 5) : [];

  return (
    <section aria-labelledby="upcoming-title" className="panel">
      <div className="section-header">
        <h2 id="upcoming-title">Upcoming sessions</h2>
        {manager && (
          <Link className="button button-primary" to={`/programs/${programId}/sessions/new`}>
            Schedule session
          </Link>
        )}
      </div>
      {sessions.status === 'loading' && <Loading>Loading sessions…</Loading>}
      {sessions.status === 'error' && <ErrorAlert error={sessions.error} />}
      {sessions.status === 'ready' && upcoming.length === 0 && <p>No upcoming sessions.</p>}
      {upcoming.length > 0 && (
        <ul className="session-list">
          {upcoming.map((session) => (
            <li key={session.id} className="session-row">
              <div>
                <h3>
                  <Link to={`/sessions/${session.id}`}>{session.title}</Link>
                </h3>
                <StatusBadge status={session.status} />
                <SessionWhen session={session} />
              </div>
              {session.joinable && (
                <Link className="button button-join" to={`/sessions/${session.id}/live`}>
                  Join
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/calendar">Open the calendar</Link>
      </p>
    </section>
  );
}
