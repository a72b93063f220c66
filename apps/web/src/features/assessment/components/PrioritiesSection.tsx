import {
  type AssessmentRoundDto,
  type MemberDto,
  PLANNED_ACTIVITY_KINDS,
  PLANNED_ACTIVITY_LABELS,
  type PlannedActivityKind,
  type PriorityDto,
  type SessionDto,
} from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { formReader, optional } from '../../../lib/forms';
import { formatDate } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { planActivity, recordPriority } from '../api/assessment';

interface Props {
  programId: string;
  round: AssessmentRoundDto;
  manager: boolean;
  members: MemberDto[];
  sessions: SessionDto[];
  onChanged: () => void;
}

/** The agreed priorities of a round and the learning plan: each priority's planned activities, owners and dates. */
export function PrioritiesSection({ programId, round, manager, members, sessions, onChanged }: Props) {
  return (
    <section aria-labelledby="priorities-title" className="panel">
      <h2 id="priorities-title">Priorities and learning plan</h2>
      {round.priorities.length === 0 && <p className="hint">No priorities recorded yet.</p>}
      <ol className="priorities">
        {round.priorities.map((p) => (
          <li key={p.id} className="priority">
            <h3>{p.title}</h3>
            <p className="hint">
              Dimension: {round.dimensions[p.dimension]?.name}
              {p.description && ` · ${p.description}`}
            </p>
            {p.activities.length > 0 && (
              <ul aria-label={`Planned activities for ${p.title}`}>
                {p.activities.map((a) => (
                  <li key={a.id}>
                    <strong>{PLANNED_ACTIVITY_LABELS[a.kind]}</strong>:{' '}
                    {a.sessionId ? <Link to={`/sessions/${a.sessionId}`}>{a.title}</Link> : a.title} · owner{' '}
                    {a.owner.displayName} · by {formatDate(`${a.dueOn}T12:00:00Z`)}
                  </li>
                ))}
              </ul>
            )}
            {manager && (
              <PlanForm programId={programId} priority={p} members={members} sessions={sessions} onSaved={onChanged} />
            )}
          </li>
        ))}
      </ol>
      {manager && <PriorityForm programId={programId} round={round} onSaved={onChanged} />}
    </section>
  );
}

function PriorityForm({
  programId,
  round,
  onSaved,
}: {
  programId: string;
  round: AssessmentRoundDto;
  onSaved: () => void;
}) {
  const action = useAction();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    void action.run(async () => {
      await recordPriority(programId, round.id, {
        dimension: Number(field('dimension')),
        title: field('title'),
        description: optional(field('description')),
      });
      form.reset();
      onSaved();
    });
  };
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Record a priority">
      <h3>Record an agreed priority</h3>
      <FormError error={action.error} fields={['dimension', 'title', 'description']} />
      <Field label="Dimension" error={action.fieldError('dimension')}>
        {(p) => (
          <select {...p} name="dimension" required>
            {round.dimensions.map((d, i) => (
              <option key={d.name} value={i}>
                {i + 1}. {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Priority" error={action.fieldError('title')}>
        {(p) => <input {...p} name="title" required maxLength={200} />}
      </Field>
      <Field label="Why (optional)" error={action.fieldError('description')}>
        {(p) => <textarea {...p} name="description" rows={2} maxLength={2000} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Record priority
        </button>
      </div>
    </form>
  );
}

function PlanForm({
  programId,
  priority,
  members,
  sessions,
  onSaved,
}: {
  programId: string;
  priority: PriorityDto;
  members: MemberDto[];
  sessions: SessionDto[];
  onSaved: () => void;
}) {
  const action = useAction();
  const [kind, setKind] = useState<PlannedActivityKind>('session');
  const series = [...new Map(sessions.filter((s) => s.seriesId).map((s) => [s.seriesId as string, s])).values()];
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    const linked = field('linked');
    const fromSession = sessions.find((s) => s.id === linked);
    void action.run(async () => {
      await planActivity(programId, priority.id, {
        kind,
        title: field('title') || fromSession?.title || '',
        ...(kind === 'session' ? { sessionId: linked } : {}),
        ...(kind === 'series' ? { seriesId: linked } : {}),
        ownerId: field('ownerId'),
        dueOn: field('dueOn'),
      });
      form.reset();
      setKind('session');
      onSaved();
    });
  };
  return (
    <details className="plan-form">
      <summary>Plan an activity for “{priority.title}”</summary>
      <form className="form" onSubmit={onSubmit} aria-label={`Plan an activity for ${priority.title}`}>
        <FormError error={action.error} fields={['kind', 'title', 'sessionId', 'seriesId', 'ownerId', 'dueOn']} />
        <Field label="Kind" error={action.fieldError('kind')}>
          {(p) => (
            <select {...p} name="kind" value={kind} onChange={(e) => setKind(e.target.value as PlannedActivityKind)}>
              {PLANNED_ACTIVITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {PLANNED_ACTIVITY_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'session' && (
          <Field label="Session" error={action.fieldError('sessionId')}>
            {(p) => (
              <select {...p} name="linked" required>
                {sessions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title} · {formatDate(s.startsAt)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {kind === 'series' && (
          <Field label="Series" error={action.fieldError('seriesId')}>
            {(p) => (
              <select {...p} name="linked" required>
                {series.map((s) => (
                  <option key={s.seriesId} value={s.seriesId ?? ''}>
                    {s.title} (from {formatDate(s.startsAt)})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          label="Title"
          hint={kind === 'session' ? 'Leave empty to use the session’s title.' : undefined}
          error={action.fieldError('title')}
        >
          {(p) => <input {...p} name="title" maxLength={200} required={kind !== 'session'} />}
        </Field>
        <Field label="Owner" error={action.fieldError('ownerId')}>
          {(p) => (
            <select {...p} name="ownerId" required>
              {members.map((m) => (
                <option key={m.user.id} value={m.user.id}>
                  {m.user.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Due date" error={action.fieldError('dueOn')}>
          {(p) => <input {...p} name="dueOn" type="date" required />}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={action.pending}>
            Add to the plan
          </button>
        </div>
      </form>
    </details>
  );
}
