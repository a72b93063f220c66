import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { formReader } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { requestPasswordReset } from '../api/auth';

export function ForgotPasswordPage() {
  const action = useAction();
  const [sent, setSent] = useState(false);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const email = formReader(e.currentTarget)('email').trim();
    void action.run(async () => {
      await requestPasswordReset({ email });
      setSent(true);
    });
  };

  return (
    <section className="narrow">
      <title>Forgot password · ECHO Hub</title>
      <h1>Forgot your password?</h1>
      <div role="status">
        {sent && (
          <p className="notice">
            If an account uses that address, we have emailed it a link to choose a new password. If nothing arrives, ask
            your hub administrator for a reset link.
          </p>
        )}
      </div>
      {!sent && (
        <form className="form card" onSubmit={onSubmit} noValidate>
          <p>Enter the email you signed up with and we will send you a link to choose a new password.</p>
          <FormError error={action.error} fields={['email']} />
          <Field label="Email" error={action.fieldError('email')}>
            {(p) => <input {...p} name="email" type="email" autoComplete="email" required />}
          </Field>
          <button type="submit" className="button button-primary" disabled={action.pending}>
            Send reset link
          </button>
        </form>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </section>
  );
}
