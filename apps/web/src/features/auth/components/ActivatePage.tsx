import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FormError } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { activate } from '../api/auth';

/** The link mailed after a sign-up: opening it creates the account. */
export function ActivatePage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const action = useAction();
  const [email, setEmail] = useState<string>();
  const { run } = action;
  // Once per token: a second call (React's development double effect) would find the account made (409).
  const opened = useRef<string>(null);

  useEffect(() => {
    if (!token || opened.current === token) return;
    opened.current = token;
    void run(async () => setEmail((await activate({ token })).user.email));
  }, [token, run]);

  return (
    <section className="narrow">
      <title>Confirm your account · ECHO Hub</title>
      <h1>Confirm your account</h1>
      <div role="status">
        {action.pending && <p>Creating your account…</p>}
        {email && (
          <p className="notice">
            Your account {email} is ready. <Link to="/sign-in">Sign in</Link>.
          </p>
        )}
      </div>
      {!token && (
        <p role="alert" className="alert">
          This link has no activation token. <Link to="/sign-up">Sign up again</Link>.
        </p>
      )}
      {action.error && (
        <>
          <FormError error={action.error} />
          <p>
            If your account was already created, <Link to="/sign-in">sign in</Link>; otherwise{' '}
            <Link to="/sign-up">sign up again</Link>.
          </p>
        </>
      )}
    </section>
  );
}
