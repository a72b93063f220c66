import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FormError } from '../../../components/Status';
import { formReader } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { resetPassword } from '../api/auth';
import { checkPasswordLength } from '../password';
import { NewPasswordField } from './NewPasswordField';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const action = useAction();
  const [done, setDone] = useState(false);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const newPassword = formReader(e.currentTarget)('newPassword');
    void action.run(async () => {
      checkPasswordLength(newPassword, 'newPassword');
      await resetPassword({ token: token ?? '', newPassword });
      setDone(true);
    });
  };

  return (
    <section className="narrow">
      <title>Choose a new password · ECHO Hub</title>
      <h1>Choose a new password</h1>
      <div role="status">
        {done && (
          <p className="notice">
            Your password has been changed. <Link to="/sign-in">Sign in with your new password</Link>.
          </p>
        )}
      </div>
      {!token && (
        <p role="alert" className="alert">
          This link has no reset token. <Link to="/forgot-password">Ask for a new link</Link>.
        </p>
      )}
      {token && !done && (
        <form className="form card" onSubmit={onSubmit} noValidate>
          <FormError error={action.error} fields={['newPassword']} />
          <NewPasswordField name="newPassword" label="New password" error={action.fieldError('newPassword')} />
          <button type="submit" className="button button-primary" disabled={action.pending}>
            Set new password
          </button>
          {action.error && !action.error.body.fields && (
            <p>
              The link may have expired or been used already. <Link to="/forgot-password">Ask for a new link</Link>.
            </p>
          )}
        </form>
      )}
    </section>
  );
}
