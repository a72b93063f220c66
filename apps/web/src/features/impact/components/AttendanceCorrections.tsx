import { type AttendanceRecord, can, PROGRAM_ROLES } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { ErrorAlert, FormError, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formReader } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { correctAttendance, listAttendanceCorrections } from '../api/impact';

interface AttendanceCorrectionsProps {
  sessionId: string;
  myRole: string | null;
  people: AttendanceRecord[];
  onCorrected: () => void;
}

/** A coordinator corrects someone's minutes with a reason; every correction is listed (who, when, before, after). */
export function AttendanceCorrections({ sessionId, myRole, people, onCorrected }: AttendanceCorrectionsProps) {
  const { user } = useAuth();
  const corrections = useResource(`attendance-corrections:${sessionId}`, () => listAttendanceCorrections(sessionId));
  const action = useAction();
  const [done, setDone] = useState('');
  const role = PROGRAM_ROLES.find((r) => r === myRole) ?? null;
  const mayCorrect = can({ role, isAdmin: Boolean(user?.isAdmin) }, 'attendance.correct');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    setDone('');
    void action.run(async () => {
      const c = await correctAttendance(sessionId, {
        userId: field('userId'),
        minutes: Number(field('minutes')),
        reason: field('reason'),
      });
      form.reset();
      setDone(`${c.displayName}: ${c.minutesBefore} → ${c.minutesAfter} minutes.`);
      corrections.reload();
      onCorrected();
    });
  };

  return (
    <section aria-labelledby="corrections-title">
      <h3 id="corrections-title">Attendance corrections</h3>
      {mayCorrect && (
        <form className="form" onSubmit={onSubmit} noValidate aria-label="Correct attendance">
          <FormError error={action.error} fields={['userId', 'minutes', 'reason']} />
          <Field label="Person" error={action.fieldError('userId')}>
            {(p) => (
              <select {...p} name="userId" required>
                {people.map((r) => (
                  <option key={r.userId} value={r.userId}>
                    {r.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Minutes attended" error={action.fieldError('minutes')}>
            {(p) => <input {...p} name="minutes" type="number" min={0} max={1440} step={1} required />}
          </Field>
          <Field
            label="Reason"
            hint="Required, e.g. joined on a colleague’s device, dropped out for 10 minutes."
            error={action.fieldError('reason')}
          >
            {(p) => <input {...p} name="reason" type="text" maxLength={500} required />}
          </Field>
          <div className="actions">
            <button type="submit" className="button button-small" disabled={action.pending}>
              Correct attendance
            </button>
          </div>
          <p role="status" className="hint">
            {done}
          </p>
        </form>
      )}
      {corrections.status === 'loading' && <Loading>Loading corrections…</Loading>}
      {corrections.status === 'error' && <ErrorAlert error={corrections.error} />}
      {corrections.status === 'ready' &&
        (corrections.data.length === 0 ? (
          <p className="hint">No corrections: the minutes are as the connections recorded them.</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="corrections-title" tabIndex={0}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Person</th>
                  <th scope="col">Minutes before</th>
                  <th scope="col">Minutes after</th>
                  <th scope="col">Reason</th>
                  <th scope="col">By</th>
                </tr>
              </thead>
              <tbody>
                {corrections.data.map((c) => (
                  <tr key={c.id}>
                    <td>{new Date(c.createdAt).toLocaleString()}</td>
                    <th scope="row">{c.displayName}</th>
                    <td>{c.minutesBefore}</td>
                    <td>{c.minutesAfter}</td>
                    <td>{c.reason}</td>
                    <td>{c.correctedBy?.displayName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
