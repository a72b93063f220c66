import { lazyPage } from '../../lib/lazyPage';

/** The feature's pages for the router, each a chunk of its own downloaded when it is first visited. */
export const casePages = {
  NewCasePage: lazyPage(() => import('./components/NewCasePage'), 'NewCasePage'),
  CasePage: lazyPage(() => import('./components/CasePage'), 'CasePage'),
  EditCasePage: lazyPage(() => import('./components/EditCasePage'), 'EditCasePage'),
  FollowUpPage: lazyPage(() => import('./components/FollowUpPage'), 'FollowUpPage'),
  MyCasesPage: lazyPage(() => import('./components/MyCasesPage'), 'MyCasesPage'),
};
