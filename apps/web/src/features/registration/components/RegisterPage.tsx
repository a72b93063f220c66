import { PARTICIPATION_TYPES, type ParticipationType } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError, LoadFailure, Loading } from '../../../components/Status';
import { formReader, optional } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { PARTICIPATION_LABELS } from '../../programs';
import { getPublicForm, register } from '../api/registration';

/** `/register/:programId`, public: register for a program through the form its coordinator configured. */
export function RegisterPage() {
  const { programId = '' } = useParams();
  const form = useResource(`register:${programId}`, () => getPublicForm(programId));
  const action = useAction();
  const [done, setDone] = useState<{ emailed: boolean } | null>(null);
  if (form.status === 'loading') return <Loading>Loading the registration form…</Loading>;
  if (form.status === 'error') return <LoadFailure error={form.error} what="Registration form" />;
  const f = form.data;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    const consent = new FormData(e.currentTarget).get('consentToContact') === 'yes';
    void action.run(async () => {
      setDone(
        await register(programId, {
          name: field('name'),
          email: field('email'),
          siteId: optional(field('siteId')),
          profession: optional(field('profession')),
          participationType: field('participationType') as ParticipationType,
          answers: f.questions.map((q) => ({ questionId: q.id, answer: field(q.id) })).filter((a) => a.answer),
          consentToContact: consent,
          accessibilityNeeds: f.askAccessibility ? optional(field('accessibilityNeeds')) : undefined,
        }),
      );
    });
  };

  return (
    <section className="narrow">
      <title>{`${f.title} · ECHO Hub`}</title>
      <h1>{f.title}</h1>
      <p>{f.programName}</p>
      {f.intro && <p>{f.intro}</p>}
      {done ? (
        <p role="status" className="notice">
          Thank you: you are registered.{' '}
          {done.emailed
            ? 'An invitation to join is on its way to your e-mail.'
            : 'The hub team will send you an invitation to join.'}
        </p>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate aria-label="Register">
          <FormError
            error={action.error}
            fields={['name', 'email', 'siteId', 'profession', 'participationType', 'consentToContact', 'answers']}
          />
          <Field label="Your name" error={action.fieldError('name')}>
            {(p) => <input {...p} name="name" autoComplete="name" required maxLength={100} />}
          </Field>
          <Field label="E-mail" error={action.fieldError('email')}>
            {(p) => <input {...p} name="email" type="email" autoComplete="email" required />}
          </Field>
          {f.sites.length > 0 && (
            <Field label="Your site" error={action.fieldError('siteId')}>
              {(p) => (
                <select {...p} name="siteId">
                  <option value="">Not listed</option>
                  {f.sites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.organisation}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field
            label="Your role or job"
            hint="e.g. Practice nurse, Family carer"
            error={action.fieldError('profession')}
          >
            {(p) => <input {...p} name="profession" maxLength={100} />}
          </Field>
          <Field label="You take part as" error={action.fieldError('participationType')}>
            {(p) => (
              <select {...p} name="participationType" defaultValue="staff">
                {PARTICIPATION_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {PARTICIPATION_LABELS[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {f.questions.map((q) => (
            <Field
              key={q.id}
              label={q.required ? q.label : `${q.label} (optional)`}
              error={action.fieldError(`answers.${q.id}`)}
            >
              {(p) =>
                q.options.length ? (
                  <select {...p} name={q.id} required={q.required}>
                    <option value="">Choose…</option>
                    {q.options.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </select>
                ) : (
                  <input {...p} name={q.id} required={q.required} maxLength={2000} />
                )
              }
            </Field>
          ))}
          {f.askAccessibility && (
            <Field
              label="Accessibility needs (optional)"
              hint="e.g. live captions, a BSL interpreter, breaks, large print"
              error={action.fieldError('accessibilityNeeds')}
            >
              {(p) => <textarea {...p} name="accessibilityNeeds" maxLength={1000} rows={3} />}
            </Field>
          )}
          <div className="field">
            <label>
              <input type="checkbox" name="consentToContact" value="yes" /> The hub team may contact me about this
              programme (invitation and session reminders)
            </label>
          </div>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={action.pending}>
              Register
            </button>
          </div>
        </form>
      )}
      <p>
        <Link to="/">ECHO Hub</Link>
      </p>
    </section>
  );
}
