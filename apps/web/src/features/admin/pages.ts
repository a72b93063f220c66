import { lazyPage } from '../../lib/lazyPage';

/** The feature's pages for the router, each a chunk of its own downloaded when it is first visited. */
export const adminPages = {
  AdminUsersPage: lazyPage(() => import('./components/AdminUsersPage'), 'AdminUsersPage'),
  AdminAuditPage: lazyPage(() => import('./components/AdminAuditPage'), 'AdminAuditPage'),
};
