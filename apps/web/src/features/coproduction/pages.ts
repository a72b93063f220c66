import { lazyPage } from '../../lib/lazyPage';

/** The feature's pages for the router, each a chunk of its own downloaded when it is first visited. */
export const coproductionPages = {
  PaymentsPage: lazyPage(() => import('./components/PaymentsPage'), 'PaymentsPage'),
};
