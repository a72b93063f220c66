import { PASSWORD_MIN_LENGTH } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formReader } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { changePassword } from '../api/auth';
import { checkPasswordLength, PASSWORD_HINT } from '../password';

export function AccountPage() {
  const { user } = useAuth();
  const action = useAction();
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
      <h2>Change password</h2>
      <div role="status">{changed && <p className="notice">Your password has been changed.</p>}</div>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <FormError error={action.error} fields={['currentPassword', 'newPassword']} />
        <Field label="Current password" error={action.fieldError('currentPassword')}>
          {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" required />}
        </Field>
        <Field label="New password" hint={PASSWORD_HINT} error={action.fieldError('newPassword')}>
          {(p) => (
            <input
              {...p}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN_LENGTH}
              required
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Change password
        </button>
      </form>
    </section>
  );
}
