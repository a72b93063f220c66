import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formReader, safeNext } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { register } from '../api/auth';
import { checkPasswordLength } from '../password';
import { NewPasswordField } from './NewPasswordField';

export function SignUpPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/programs');
  const action = useAction();
  const [mailedTo, setMailedTo] = useState<string>();

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    const email = field('email').trim();
    const password = field('password');
    void action.run(async () => {
      checkPasswordLength(password, 'password');
      const { next: step } = await register({ email, password, displayName: field('displayName').trim() });
      if (step === 'check-email') return setMailedTo(email);
      await auth.signIn(email, password);
      navigate(next, { replace: true });
    });
  };

  const withNext = params.has('next') ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <section className="narrow">
      <title>Create account · ECHO Hub</title>
      <h1>Create account</h1>
      {params.has('first') ? (
        <p className="notice">
          You are setting up a new hub: this account becomes its administrator. Keep its password safe; you can make
          other people administrators later.
        </p>
      ) : (
        <p>The first account on a new hub becomes its administrator.</p>
      )}
      <div role="status">
        {mailedTo && (
          <p className="notice">
            Check your e-mail: we sent a message to {mailedTo}. Open the link in it within 24 hours to finish creating
            your account.
          </p>
        )}
      </div>
      <form className="form card" onSubmit={onSubmit} noValidate hidden={mailedTo !== undefined}>
        <FormError error={action.error} fields={['displayName', 'email', 'password']} />
        <Field
          label="Display name"
          hint="How others in your programs see you."
          error={action.fieldError('displayName')}
        >
          {(p) => <input {...p} name="displayName" autoComplete="name" required />}
        </Field>
        <Field label="Email" error={action.fieldError('email')}>
          {(p) => <input {...p} name="email" type="email" autoComplete="email" required />}
        </Field>
        <NewPasswordField name="password" label="Password" error={action.fieldError('password')} />
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link to={`/sign-in${withNext}`}>Sign in</Link>
      </p>
    </section>
  );
}
