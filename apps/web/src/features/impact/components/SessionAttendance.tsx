import type { SessionDto } from '@echo-hub/protocol';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { PARTICIPATION_LABELS, roleLabel } from '../../programs';
import { getSessionAttendance, sendSessionSurvey } from '../api/impact';
import { AttendanceCorrections } from './AttendanceCorrections';

/** Who attended a delivered session and for how long, and who was absent (facilitators and coordinators). */
export function SessionAttendance({ session }: { session: SessionDto }) {
  const delivered = session.status === 'live' || session.status === 'ended';
  const list = useResource(delivered ? `attendance:${session.id}` : null, () => getSessionAttendance(session.id));
  const survey = useAction();
  const [sent, setSent] = useState('');
  if (!delivered) return null;
  return (
    <section aria-labelledby="attendance-title" className="panel">
      <div className="section-header">
        <h2 id="attendance-title">Attendance</h2>
        {(session.status === 'ended' || Date.parse(session.endsAt) <= Date.now()) && (
          <button
            type="button"
            className="button button-small"
            disabled={survey.pending}
            onClick={() =>
              void survey.run(async () => {
                const s = await sendSessionSurvey(session.id);
                setSent(
                  `The survey has gone to ${s.sent} ${s.sent === 1 ? 'attendee' : 'attendees'}; ${s.responded} answered.`,
                );
              })
            }
          >
            Send the survey to attendees
          </button>
        )}
      </div>
      {survey.error && <ErrorAlert error={survey.error} />}
      <p role="status" className="hint">
        {sent}
      </p>
      {list.status === 'loading' && <Loading>Loading attendance…</Loading>}
      {list.status === 'error' && <ErrorAlert error={list.error} />}
      {list.status === 'ready' && (
        <div className="table-wrap" role="region" aria-labelledby="attendance-title" tabIndex={0}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Site</th>
                <th scope="col">Participation</th>
                <th scope="col">Minutes</th>
                <th scope="col">Present</th>
                <th scope="col">Learning experience</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">{r.displayName}</th>
                  <td>{roleLabel(r.role === 'admin' ? null : r.role)}</td>
                  <td>{r.siteName ?? '—'}</td>
                  <td>{r.participationType ? PARTICIPATION_LABELS[r.participationType] : '—'}</td>
                  <td>{r.corrected ? `${r.minutes} (corrected; recorded ${r.recordedMinutes})` : r.minutes}</td>
                  <td>{r.present ? 'Yes' : 'Absent'}</td>
                  <td>{r.learningExperience ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.status === 'ready' && (
        <AttendanceCorrections
          sessionId={session.id}
          myRole={session.myRole}
          people={list.data}
          onCorrected={list.reload}
        />
      )}
    </section>
  );
}
