/** The community of practice: groups, threads, posts, moderation, search and notifications. */
export { NotificationsLink } from './components/NotificationsLink';
export { SessionDiscussion } from './components/SessionDiscussion';
export { communityPages } from './pages';
