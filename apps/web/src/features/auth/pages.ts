import { lazyPage } from '../../lib/lazyPage';

/** The feature's pages for the router, each a chunk of its own downloaded when it is first visited. */
export const authPages = {
  SignUpPage: lazyPage(() => import('./components/SignUpPage'), 'SignUpPage'),
  ForgotPasswordPage: lazyPage(() => import('./components/ForgotPasswordPage'), 'ForgotPasswordPage'),
  ActivatePage: lazyPage(() => import('./components/ActivatePage'), 'ActivatePage'),
  ResetPasswordPage: lazyPage(() => import('./components/ResetPasswordPage'), 'ResetPasswordPage'),
  AccountPage: lazyPage(() => import('./components/AccountPage'), 'AccountPage'),
};
