/** Signing in and up, passwords and the account page. */
export { createResetLink } from './api/auth';
export { RequireAuth } from './components/RequireAuth';
export { SignInPage } from './components/SignInPage';
export { authPages } from './pages';
