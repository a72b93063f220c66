import { lazyPage } from '../../lib/lazyPage';

/** The feature's pages for the router, each a chunk of its own downloaded when it is first visited. */
export const communityPages = {
  CommunityHome: lazyPage(() => import('./components/CommunityHome'), 'CommunityHome'),
  CommunityPage: lazyPage(() => import('./components/CommunityPage'), 'CommunityPage'),
  SearchPage: lazyPage(() => import('./components/SearchPage'), 'SearchPage'),
  ModerationPage: lazyPage(() => import('./components/ModerationPage'), 'ModerationPage'),
  GroupPage: lazyPage(() => import('./components/GroupPage'), 'GroupPage'),
  ThreadPage: lazyPage(() => import('./components/ThreadPage'), 'ThreadPage'),
  NotificationsPage: lazyPage(() => import('./components/NotificationsPage'), 'NotificationsPage'),
};
