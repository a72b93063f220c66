import type { ImpactSession } from '@echo-hub/protocol';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/time';
import { knowledgeLines } from '../knowledge-checks';
import { percent } from './charts/scale';

/** Each delivered session: who came, who did not, what counted, how it was rated, what the knowledge checks found. */
export function SessionsTable({ sessions }: { sessions: ImpactSession[] }) {
  return (
    <section aria-labelledby="impact-sessions-title" className="panel">
      <h2 id="impact-sessions-title">Sessions</h2>
      {sessions.length === 0 ? (
        <p className="hint">No delivered sessions in this selection.</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="impact-sessions-title" tabIndex={0}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Present</th>
                <th scope="col">Absent</th>
                <th scope="col">Learning experiences</th>
                <th scope="col">Hours</th>
                <th scope="col">Service users and carers</th>
                <th scope="col">Survey responses</th>
                <th scope="col">Knowledge checks</th>
              </tr>
            </thead>
            <tbody>
              {[...sessions].reverse().map((s) => (
                <tr key={s.sessionId}>
                  <th scope="row">
                    <Link to={`/sessions/${s.sessionId}`}>{s.title}</Link>
                    <span className="muted-inline"> · {formatDate(s.startsAt)}</span>
                    {s.status === 'live' && <span className="badge status-live">live</span>}
                  </th>
                  <td>{s.present}</td>
                  <td>{s.absent}</td>
                  <td>{s.learningExperiences}</td>
                  <td>{s.hours.toFixed(1)}</td>
                  <td>{percent(s.representationShare)}</td>
                  <td>
                    {s.survey ? `${s.survey.responded} of ${s.survey.sent} (${percent(s.survey.responseRate)})` : '—'}
                  </td>
                  <td>
                    {s.knowledgeChecks.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="impact-knowledge">
                        {knowledgeLines(s.knowledgeChecks).map((line, i) => (
                          <li key={i}>
                            {line.question}: {line.text}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
