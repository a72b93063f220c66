import { lazyPage } from '../../lib/lazyPage';

/** The feature's pages for the router, each a chunk of its own downloaded when it is first visited. */
export const registrationPages = {
  RegisterPage: lazyPage(() => import('./components/RegisterPage'), 'RegisterPage'),
};
