/** Sessions: scheduling, agenda, slides and the session page. */
export { getSession, listSessions } from './api/sessions';
export { SessionWhen } from './components/SessionWhen';
export { UpcomingSessions } from './components/UpcomingSessions';
export { sessionPages } from './pages';
