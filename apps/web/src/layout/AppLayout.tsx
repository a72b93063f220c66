import { NavLink, Outlet, useLocation, useNavigation } from 'react-router-dom';
import { Loading } from '../components/Status';
import { useAuth } from '../lib/auth';
import { NotificationsLink } from '../features/community';
import { PendingSurveysNotice } from '../features/surveys';
import { AccountMenu } from './AccountMenu';

export function AppLayout() {
  const { user, status } = useAuth();
  const location = useLocation();
  // "loading" only while a page's code chunk downloads (the routes have no loaders).
  const navigation = useNavigation();
  const onAuthPage = ['/sign-in', '/sign-up'].includes(location.pathname);
  const here = location.pathname + location.search;
  const signInLink = location.pathname === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          ECHO Hub
        </NavLink>
        {user && (
          <nav aria-label="Main">
            <NavLink to="/programs">Programs</NavLink>
            <NavLink to="/calendar">Calendar</NavLink>
            <NavLink to="/community">Community</NavLink>
            {user.isAdmin && <NavLink to="/admin">Admin</NavLink>}
            <NotificationsLink />
          </nav>
        )}
        <div className="topbar-end">
          {user && <AccountMenu user={user} />}
          {status === 'signed-out' && !onAuthPage && (
            <NavLink to={signInLink} className="topbar-signin">
              Sign in
            </NavLink>
          )}
        </div>
      </header>
      {user && <PendingSurveysNotice />}
      <main id="main" className="content" tabIndex={-1}>
        {navigation.state === 'loading' ? <Loading>Loading the page…</Loading> : <Outlet />}
      </main>
      <footer className="footer">All teach, all learn. Case discussions stay de-identified.</footer>
    </div>
  );
}
