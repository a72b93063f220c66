import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formReader, safeNext } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';

export function SignInPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/programs');
  const action = useAction();

  if (auth.status === 'signed-in' && !action.pending) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    void action.run(async () => {
      await auth.signIn(field('email').trim(), field('password'));
      navigate(next, { replace: true });
    });
  };

  const withNext = params.has('next') ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <section className="narrow">
      <title>Sign in · ECHO Hub</title>
      <h1>Sign in</h1>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <FormError error={action.error} fields={['email', 'password']} />
        <Field label="Email" error={action.fieldError('email')}>
          {(p) => <input {...p} name="email" type="email" autoComplete="email" required />}
        </Field>
        <Field label="Password" error={action.fieldError('password')}>
          {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Sign in
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to={`/sign-up${withNext}`}>Create an account</Link>
      </p>
      <p>
        Joining from a clinic or a new network? <Link to="/connection-test">Test my connection</Link>
      </p>
    </section>
  );
}
