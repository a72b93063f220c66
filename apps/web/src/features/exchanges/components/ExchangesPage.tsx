import {
  type FieldFinding,
  LEARNING_ACTIVITY_KINDS,
  LEARNING_ACTIVITY_LABELS,
  type LearningActivityKind,
  type MemberDto,
  type MentoringPairDto,
} from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { ErrorAlert, FormError, LoadFailure, Loading } from '../../../components/Status';
import { type ApiError, toApiError } from '../../../lib/api';
import { useAuth } from '../../../lib/auth';
import { errorText, fieldMessages } from '../../../lib/errors';
import { formReader, optional } from '../../../lib/forms';
import { formatDate } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { canManage, getProgramWithMembers } from '../../programs';
import { listActivities, listPairs, logActivity, setUpPair } from '../api/exchanges';

const day = (d: string) => formatDate(`${d}T12:00:00Z`);

/** `/programs/:programId/exchanges`: learning outside sessions, logged by the people who took part; mentoring pairs. */
export function ExchangesPage() {
  const { programId = '' } = useParams();
  const { user } = useAuth();
  const overview = useResource(`program-members:${programId}`, () => getProgramWithMembers(programId));
  const activities = useResource(`activities:${programId}`, () => listActivities(programId));
  const pairs = useResource(`pairs:${programId}`, () => listPairs(programId));

  if (overview.status === 'loading') return <Loading>Loading the program…</Loading>;
  if (overview.status === 'error') return <LoadFailure error={overview.error} what="Program" />;
  const { program, members } = overview.data;
  const manager = canManage(program.myRole, user);
  const pairList = pairs.status === 'ready' ? pairs.data : [];

  return (
    <article className="exchanges">
      <title>{`Exchanges and mentoring · ${program.name} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${program.id}`}>← {program.name}</Link>
      </p>
      <div className="page-header">
        <h1>Exchanges and mentoring</h1>
      </div>
      <p className="lede">
        Exchanges, job-shadowing, study visits, expert missions, secondments and mentoring meetings count as learning
        experiences beside session attendance: one for each person who took part.
      </p>
      <LogForm
        programId={program.id}
        members={members}
        me={user?.id ?? ''}
        pairs={pairList}
        onLogged={() => {
          activities.reload();
          pairs.reload();
        }}
      />
      <section aria-labelledby="log-title" className="panel">
        <h2 id="log-title">Activities logged</h2>
        {activities.status === 'loading' && <Loading>Loading the log…</Loading>}
        {activities.status === 'error' && <ErrorAlert error={activities.error} />}
        {activities.status === 'ready' && activities.data.length === 0 && <p className="hint">Nothing logged yet.</p>}
        {activities.status === 'ready' && activities.data.length > 0 && (
          <ul className="activity-log" aria-label="Learning activities">
            {activities.data.map((a) => (
              <li key={a.id}>
                <strong>{LEARNING_ACTIVITY_LABELS[a.kind]}</strong>: {a.title} · {a.place} · {day(a.startsOn)}
                {a.endsOn !== a.startsOn && ` to ${day(a.endsOn)}`} · {a.hours} h ·{' '}
                {a.participants.map((p) => p.displayName).join(', ')}
                {a.reflection && <blockquote>{a.reflection}</blockquote>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="pairs-title" className="panel">
        <h2 id="pairs-title">Mentoring pairs</h2>
        {pairs.status === 'error' && <ErrorAlert error={pairs.error} />}
        {pairList.length === 0 && pairs.status === 'ready' && <p className="hint">No mentoring pairs yet.</p>}
        {pairList.length > 0 && (
          <div className="table-wrap" role="region" aria-labelledby="pairs-title" tabIndex={0}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Mentor</th>
                  <th scope="col">Mentee</th>
                  <th scope="col">Goals</th>
                  <th scope="col">Meetings</th>
                  <th scope="col">Hours</th>
                  <th scope="col">Last met</th>
                </tr>
              </thead>
              <tbody>
                {pairList.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.mentor.displayName}</th>
                    <td>{p.mentee.displayName}</td>
                    <td>{p.goals}</td>
                    <td>{p.meetings}</td>
                    <td>{p.hours.toFixed(1)}</td>
                    <td>{p.lastMetOn ? day(p.lastMetOn) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {manager && <PairForm programId={program.id} members={members} onSaved={pairs.reload} />}
      </section>
    </article>
  );
}

/** The findings of a 422 IDENTIFIERS_FOUND answer (none for any other error). */
function findingsOf(error: ApiError | null): FieldFinding[] {
  if (!error || error.body.error !== ('IDENTIFIERS_FOUND' as string)) return [];
  const findings = (error.body as unknown as { findings?: FieldFinding[] }).findings;
  return Array.isArray(findings) ? findings : [];
}

function LogForm({
  programId,
  members,
  me,
  pairs,
  onLogged,
}: {
  programId: string;
  members: MemberDto[];
  me: string;
  pairs: MentoringPairDto[];
  onLogged: () => void;
}) {
  const [kind, setKind] = useState<LearningActivityKind>('exchange');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState('');
  const findings = findingsOf(error);
  const fieldError = (name: string) => fieldMessages(error, name);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const field = formReader(form);
    const confirmed = data.get('confirm') === 'yes';
    setPending(true);
    setDone('');
    try {
      await logActivity(programId, {
        kind,
        title: field('title'),
        place: field('place'),
        startsOn: field('startsOn'),
        endsOn: field('endsOn') || field('startsOn'),
        hours: Number(field('hours')),
        ...(kind === 'mentoring'
          ? { pairId: field('pairId') }
          : { participantIds: data.getAll('participantIds').map(String) }),
        reflection: optional(field('reflection')),
        ...(confirmed ? { confirmedSpans: findings.map(({ start, end }) => ({ start, end })) } : {}),
      });
      setError(null);
      form.reset();
      setKind('exchange');
      setDone('Logged: it counts in the impact report.');
      onLogged();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <section aria-labelledby="log-form-title" className="panel">
      <h2 id="log-form-title">Log an activity</h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} aria-labelledby="log-form-title">
        {error && !findings.length && (
          <FormError
            error={error}
            fields={['kind', 'title', 'place', 'startsOn', 'endsOn', 'hours', 'participantIds', 'pairId', 'reflection']}
          />
        )}
        <Field label="Kind" error={fieldError('kind')}>
          {(p) => (
            <select {...p} name="kind" value={kind} onChange={(e) => setKind(e.target.value as LearningActivityKind)}>
              {LEARNING_ACTIVITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {LEARNING_ACTIVITY_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="What" error={fieldError('title')}>
          {(p) => <input {...p} name="title" required maxLength={200} />}
        </Field>
        <Field label="Where" hint="The host organisation or place (Online for a call)." error={fieldError('place')}>
          {(p) => <input {...p} name="place" required maxLength={200} />}
        </Field>
        <Field label="From" error={fieldError('startsOn')}>
          {(p) => <input {...p} name="startsOn" type="date" required />}
        </Field>
        <Field label="To" hint="Leave empty for a single day." error={fieldError('endsOn')}>
          {(p) => <input {...p} name="endsOn" type="date" />}
        </Field>
        <Field label="Hours of learning (per person)" error={fieldError('hours')}>
          {(p) => <input {...p} name="hours" type="number" min={0.25} step={0.25} required />}
        </Field>
        {kind === 'mentoring' ? (
          <Field label="Mentoring pair" error={fieldError('pairId')}>
            {(p) => (
              <select {...p} name="pairId" required>
                {pairs.map((pair) => (
                  <option key={pair.id} value={pair.id}>
                    {pair.mentor.displayName} mentoring {pair.mentee.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field
            label="Who took part"
            hint="Hold Ctrl (⌘ on a Mac) to choose several."
            error={fieldError('participantIds')}
          >
            {(p) => (
              <select
                {...p}
                name="participantIds"
                multiple
                required
                defaultValue={[me]}
                size={Math.min(6, members.length)}
              >
                {members.map((m) => (
                  <option key={m.user.id} value={m.user.id}>
                    {m.user.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          label="Reflection (optional)"
          hint="What you learnt and will try. No patient details: the text is checked for identifiers."
          error={fieldError('reflection')}
        >
          {(p) => <textarea {...p} name="reflection" rows={3} maxLength={2000} />}
        </Field>
        {findings.length > 0 && (
          <div role="alert" className="alert">
            <p>{errorText(error as ApiError)}</p>
            <label>
              <input type="checkbox" name="confirm" value="yes" /> I have checked: these identify nobody
            </label>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={pending}>
            Log activity
          </button>
        </div>
        {done && (
          <p role="status" className="hint">
            {done}
          </p>
        )}
      </form>
    </section>
  );
}

function PairForm({ programId, members, onSaved }: { programId: string; members: MemberDto[]; onSaved: () => void }) {
  const action = useAction();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    void action.run(async () => {
      await setUpPair(programId, {
        mentorId: field('mentorId'),
        menteeId: field('menteeId'),
        goals: optional(field('goals')),
      });
      form.reset();
      onSaved();
    });
  };
  const options = members.map((m) => (
    <option key={m.user.id} value={m.user.id}>
      {m.user.displayName}
    </option>
  ));
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Set up a mentoring pair">
      <h3>Set up a mentoring pair</h3>
      <FormError error={action.error} fields={['mentorId', 'menteeId', 'goals']} />
      <Field label="Mentor" error={action.fieldError('mentorId')}>
        {(p) => (
          <select {...p} name="mentorId" required>
            {options}
          </select>
        )}
      </Field>
      <Field label="Mentee" error={action.fieldError('menteeId')}>
        {(p) => (
          <select {...p} name="menteeId" required>
            {options}
          </select>
        )}
      </Field>
      <Field label="Goals (optional)" error={action.fieldError('goals')}>
        {(p) => <textarea {...p} name="goals" rows={2} maxLength={1000} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Set up pair
        </button>
      </div>
    </form>
  );
}
