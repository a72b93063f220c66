/** The month calendar of a person's sessions across programmes. */
export { calendarPages } from './pages';
