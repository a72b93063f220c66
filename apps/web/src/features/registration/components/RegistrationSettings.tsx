import type { RegistrationFormDto } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { NumberField, SettingsForm } from '../../../components/SettingsForm';
import { ApiError } from '../../../lib/api';
import { formReader } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { getRegistrationForm, listRegistrations, saveRegistrationForm } from '../api/registration';

/** The coordinator configures the program's public registration form and sees who registered. */
export function RegistrationSettings({ programId, onSaved }: { programId: string; onSaved: () => void }) {
  const form = useResource(`registration-form:${programId}`, () =>
    // None configured yet: an empty form to fill in.
    getRegistrationForm(programId).catch((e: unknown) => {
      if (e instanceof ApiError && e.body.statusCode === 404) return null;
      throw e;
    }),
  );
  const registrations = useResource(`registrations:${programId}`, () => listRegistrations(programId));
  const action = useAction();
  const [saved, setSaved] = useState('');
  const current: RegistrationFormDto | null = form.status === 'ready' ? form.data : null;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    const open = new FormData(e.currentTarget).get('open') === 'yes';
    setSaved('');
    void action.run(async () => {
      const f = await saveRegistrationForm(programId, {
        title: field('title'),
        intro: field('intro'),
        questions: field('questions')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((label) => ({ label })),
        completionSessions: Number(field('completionSessions')),
        open,
      });
      form.update(() => f);
      setSaved('Registration form saved.');
      onSaved();
    });
  };

  if (form.status === 'loading') return null;
  const link = `${window.location.origin}/register/${programId}`;
  return (
    <SettingsForm
      title="Public registration"
      label="Registration form settings"
      intro={
        current?.open && (
          <p>
            Anyone can register at <a href={`/register/${programId}`}>{link}</a>
          </p>
        )
      }
      error={action.error}
      fields={['title', 'intro', 'questions', 'completionSessions']}
      pending={action.pending}
      submitLabel="Save the registration form"
      saved={saved}
      onSubmit={onSubmit}
      after={
        registrations.status === 'ready' &&
        registrations.data.length > 0 && (
          <div className="table-wrap" role="region" aria-labelledby="registrations-caption" tabIndex={0}>
            <table className="data">
              <caption id="registrations-caption">Registrations ({registrations.data.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Site</th>
                  <th scope="col">Role</th>
                  <th scope="col">May contact</th>
                  <th scope="col">Accessibility needs</th>
                  <th scope="col">Joined</th>
                </tr>
              </thead>
              <tbody>
                {registrations.data.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{r.siteName ?? '—'}</td>
                    <td>{r.profession ?? '—'}</td>
                    <td>{r.consentToContact ? 'Yes' : 'No'}</td>
                    <td>{r.accessibilityNeeds || '—'}</td>
                    <td>{r.joined ? 'Yes' : 'Not yet'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    >
      <Field label="Title of the form" error={action.fieldError('title')}>
        {(p) => <input {...p} name="title" required maxLength={200} defaultValue={current?.title ?? ''} />}
      </Field>
      <Field label="Introduction" error={action.fieldError('intro')}>
        {(p) => <textarea {...p} name="intro" rows={2} maxLength={2000} defaultValue={current?.intro ?? ''} />}
      </Field>
      <Field label="Extra questions (one a line, optional answers)" error={action.fieldError('questions')}>
        {(p) => (
          <textarea
            {...p}
            name="questions"
            rows={3}
            defaultValue={current?.questions.map((q) => q.label).join('\n') ?? ''}
          />
        )}
      </Field>
      <NumberField
        label="Sessions attended to complete the series"
        hint="Each attended as a learning experience; the funnel's third stage."
        error={action.fieldError('completionSessions')}
        name="completionSessions"
        min={1}
        max={100}
        required
        defaultValue={current?.completionSessions ?? 6}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="open" value="yes" defaultChecked={current?.open ?? true} /> Open for registration
        </label>
      </div>
    </SettingsForm>
  );
}
