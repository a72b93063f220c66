/** The community of practice: groups, threads, posts, moderation, search and notifications. */
export { NotificationsLink } from './components/NotificationsLink';
export { Discussion } from './components/Discussion';
export { communityPages } from './pages';
