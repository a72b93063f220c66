import {
  type FieldError,
  type MemberDto,
  type ProgramOverview,
  Recurrence,
  type RecurrenceRequest,
} from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError, LoadFailure, Loading } from '../../../components/Status';
import { TimeZoneSelect } from '../../../components/TimeZoneSelect';
import { ApiError } from '../../../lib/api';
import { useAuth } from '../../../lib/auth';
import { dateKey, formatDate, zonedIso } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { getProgramWithMembers, canManage } from '../../programs';
import { type AgendaSlot, agendaFieldPaths, toAgendaInput } from '../agenda';
import { createSession } from '../api/sessions';
import { AgendaEditor } from './AgendaEditor';

export function ScheduleSessionPage() {
  const { programId = '' } = useParams();
  const { user } = useAuth();
  const overview = useResource(`program-members:${programId}`, () => getProgramWithMembers(programId));

  if (overview.status === 'loading') return <Loading>Loading the program…</Loading>;
  if (overview.status === 'error') return <LoadFailure error={overview.error} what="Program" />;
  if (!canManage(overview.data.program.myRole, user))
    return (
      <section>
        <h1>Schedule a session</h1>
        <p role="alert" className="alert">
          Only facilitators and coordinators of {overview.data.program.name} can schedule sessions.
        </p>
      </section>
    );
  return <ScheduleForm overview={overview.data} />;
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** "Monthly on the second Tuesday" for the chosen first date (a fifth weekday counts as the last). */
function monthlyLabel(date: string): string {
  if (!date) return 'Monthly on the same weekday';
  const day = new Date(`${date}T12:00`);
  const weekday = day.toLocaleDateString('en-GB', { weekday: 'long' });
  return `Monthly on the ${ORDINALS[Math.ceil(day.getDate() / 7) - 1] ?? 'last'} ${weekday}`;
}

interface ScheduleState {
  title: string;
  date: string;
  time: string;
  duration: string;
  timeZone: string;
  frequency: Recurrence | '';
  ends: 'count' | 'until';
  count: string;
  until: string;
  exceptions: string[];
  exception: string;
  slots: AgendaSlot[];
  practice: boolean;
}

const FIELDS = [
  'title',
  'date',
  'time',
  'startsAt',
  'durationMinutes',
  'timeZone',
  'recurrence',
  'recurrence.frequency',
  'recurrence.count',
  'recurrence.until',
  'recurrence.exceptions',
];

function ScheduleForm({ overview }: { overview: ProgramOverview & { members: MemberDto[] } }) {
  const { program, members } = overview;
  const navigate = useNavigate();
  const action = useAction();
  const [form, setForm] = useState<ScheduleState>(() => ({
    title: '',
    date: dateKey(new Date()),
    time: '12:00',
    duration: '60',
    timeZone: program.timeZone,
    frequency: '',
    ends: 'count',
    count: '10',
    until: '',
    exceptions: [],
    exception: '',
    slots: [],
    practice: false,
  }));
  const set = (patch: Partial<ScheduleState>) => setForm((f) => ({ ...f, ...patch }));
  const errors = (...fields: string[]) => {
    const messages = fields.flatMap((field) => action.fieldError(field) ?? []);
    return messages.length ? messages : undefined;
  };

  const addException = () => {
    if (form.exception && !form.exceptions.includes(form.exception))
      set({ exceptions: [...form.exceptions, form.exception].sort(), exception: '' });
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void action.run(async () => {
      const missing: FieldError[] = [];
      if (!form.date) missing.push({ field: 'date', messages: ['Enter the date of the (first) session.'] });
      if (!form.time) missing.push({ field: 'time', messages: ['Enter the start time.'] });
      if (missing.length)
        throw new ApiError({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'Missing date', fields: missing });
      const recurrence: RecurrenceRequest | undefined = form.frequency
        ? {
            frequency: form.frequency,
            ...(form.ends === 'count' ? { count: Number(form.count) } : { until: form.until }),
            ...(form.exceptions.length ? { exceptions: form.exceptions } : {}),
          }
        : undefined;
      const created = await createSession(program.id, {
        title: form.title.trim(),
        startsAt: zonedIso(form.date, form.time, form.timeZone),
        durationMinutes: Number(form.duration),
        timeZone: form.timeZone,
        agenda: form.slots.length ? toAgendaInput(form.slots) : undefined,
        recurrence,
        ...(form.practice ? { practice: true } : {}),
      });
      navigate(`/sessions/${created.id}`, { state: { scheduled: created.occurrences.length } });
    });
  };

  return (
    <section>
      <title>{`Schedule a session · ${program.name} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${program.id}`}>← {program.name}</Link>
      </p>
      <h1>Schedule a session</h1>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError error={action.error} fields={[...FIELDS, ...agendaFieldPaths('agenda', form.slots)]} />
        <div className="card form">
          <Field label="Session title" error={errors('title')}>
            {(p) => <input {...p} value={form.title} onChange={(e) => set({ title: e.target.value })} required />}
          </Field>
          <div className="field-row">
            <Field label="Date" error={errors('date', 'startsAt')}>
              {(p) => (
                <input {...p} type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} required />
              )}
            </Field>
            <Field label="Start time" error={errors('time')}>
              {(p) => (
                <input {...p} type="time" value={form.time} onChange={(e) => set({ time: e.target.value })} required />
              )}
            </Field>
            <Field label="Duration (minutes)" error={errors('durationMinutes')}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={15}
                  step={5}
                  inputMode="numeric"
                  value={form.duration}
                  onChange={(e) => set({ duration: e.target.value })}
                  required
                />
              )}
            </Field>
          </div>
          <Field label="Time zone" hint="The session keeps its clock time in this zone." error={errors('timeZone')}>
            {(p) => <TimeZoneSelect {...p} value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />}
          </Field>
          <label className="checkbox">
            <input
              type="checkbox"
              name="practice"
              checked={form.practice}
              onChange={(e) => set({ practice: e.target.checked })}
            />{' '}
            Practice run (a dry run or sound check: not counted in attendance, impact or certificates, and no survey)
          </label>
        </div>

        <fieldset className="card form">
          <legend>Repeat</legend>
          <Field label="Repeats" error={errors('recurrence', 'recurrence.frequency')}>
            {(p) => (
              <select
                {...p}
                value={form.frequency}
                onChange={(e) => set({ frequency: e.target.value as ScheduleState['frequency'] })}
              >
                <option value="">Does not repeat</option>
                <option value={Recurrence.Weekly}>Weekly</option>
                <option value={Recurrence.Fortnightly}>Fortnightly</option>
                <option value={Recurrence.MonthlyByWeekday}>{monthlyLabel(form.date)}</option>
              </select>
            )}
          </Field>
          {form.frequency && (
            <>
              <fieldset className="radios">
                <legend>Ends</legend>
                <label>
                  <input
                    type="radio"
                    name="ends"
                    checked={form.ends === 'count'}
                    onChange={() => set({ ends: 'count' })}
                  />{' '}
                  After a set number of times
                </label>
                <label>
                  <input
                    type="radio"
                    name="ends"
                    checked={form.ends === 'until'}
                    onChange={() => set({ ends: 'until' })}
                  />{' '}
                  On a chosen date
                </label>
              </fieldset>
              {form.ends === 'count' ? (
                <Field
                  label="Number of sessions"
                  hint="Including the first, at most 104."
                  error={errors('recurrence.count')}
                >
                  {(p) => (
                    <input
                      {...p}
                      type="number"
                      min={2}
                      max={104}
                      inputMode="numeric"
                      value={form.count}
                      onChange={(e) => set({ count: e.target.value })}
                    />
                  )}
                </Field>
              ) : (
                <Field label="Last date" error={errors('recurrence.until')}>
                  {(p) => (
                    <input {...p} type="date" value={form.until} onChange={(e) => set({ until: e.target.value })} />
                  )}
                </Field>
              )}
              <div className="field-row field-row-end">
                <Field
                  label="Exception date"
                  hint="A date in the series with no session, e.g. a public holiday."
                  error={errors('recurrence.exceptions')}
                >
                  {(p) => (
                    <input
                      {...p}
                      type="date"
                      value={form.exception}
                      onChange={(e) => set({ exception: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          addException();
                        }
                      }}
                    />
                  )}
                </Field>
                <button type="button" className="button" onClick={addException}>
                  Add exception date
                </button>
              </div>
              {form.exceptions.length > 0 && (
                <ul className="chips" aria-label="Exception dates">
                  {form.exceptions.map((date) => (
                    <li key={date} className="tag">
                      {formatDate(`${date}T12:00`)}{' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Remove exception ${formatDate(`${date}T12:00`)}`}
                        onClick={() => set({ exceptions: form.exceptions.filter((d) => d !== date) })}
                      >
                        Remove
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </fieldset>

        <fieldset className="card form">
          <legend>Agenda</legend>
          <p className="hint">Slides are uploaded on the session page once it is scheduled.</p>
          <AgendaEditor
            slots={form.slots}
            onChange={(slots) => set({ slots })}
            durationMinutes={Number(form.duration) || 0}
            fieldError={action.fieldError}
            errorPrefix="agenda"
            presenterEmails={members.flatMap((m) => (m.user.email ? [m.user.email] : []))}
          />
        </fieldset>

        <div className="actions">
          <button type="submit" className="button button-primary" disabled={action.pending}>
            Schedule session
          </button>
          <Link to={`/programs/${program.id}`}>Cancel</Link>
        </div>
      </form>
    </section>
  );
}
