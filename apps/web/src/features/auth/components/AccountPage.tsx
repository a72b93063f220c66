import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formReader } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { downloadExport } from '../../admin';
import { changePassword } from '../api/auth';
import { checkPasswordLength } from '../password';
import { NewPasswordField } from './NewPasswordField';

export function AccountPage() {
  const { user } = useAuth();
  const action = useAction();
  const download = useAction();
  const [changed, setChanged] = useState(false);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    setChanged(false);
    void action.run(async () => {
      checkPasswordLength(field('newPassword'), 'newPassword');
      await changePassword({ currentPassword: field('currentPassword'), newPassword: field('newPassword') });
      form.reset();
      setChanged(true);
    });
  };

  return (
    <section className="narrow">
      <title>Your account · ECHO Hub</title>
      <h1>Your account</h1>
      {user && (
        <dl className="facts card">
          <dt>Name</dt>
          <dd>{user.displayName}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          {user.isAdmin && (
            <>
              <dt>Hub role</dt>
              <dd>Administrator</dd>
            </>
          )}
        </dl>
      )}
      <h2>Your data</h2>
      <p>A copy of everything the hub keeps about you (a zip: data.json and the files you uploaded).</p>
      <FormError error={download.error} />
      <button
        type="button"
        className="button"
        disabled={download.pending}
        onClick={() => void download.run(() => downloadExport(null))}
      >
        Download my data
      </button>
      <h2>Change password</h2>
      <div role="status">{changed && <p className="notice">Your password has been changed.</p>}</div>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <FormError error={action.error} fields={['currentPassword', 'newPassword']} />
        <Field label="Current password" error={action.fieldError('currentPassword')}>
          {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" required />}
        </Field>
        <NewPasswordField name="newPassword" label="New password" error={action.fieldError('newPassword')} />
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Change password
        </button>
      </form>
    </section>
  );
}
