import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';

/** Layout route for pages that need an account: sends signed-out visitors to sign in and back. */
export function RequireAuth() {
  const auth = useAuth();
  const location = useLocation();
  switch (auth.status) {
    case 'loading':
      return <Loading>Checking your sign-in…</Loading>;
    case 'unavailable':
      return (
        <div role="alert" className="alert">
          <p>{auth.problem}</p>
          <button type="button" className="button" onClick={() => void auth.refresh()}>
            Try again
          </button>
        </div>
      );
    case 'signed-out':
      return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    case 'signed-in':
      return <Outlet />;
  }
}
