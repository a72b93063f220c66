/** A programme's session recordings. */
export { recordingPages } from './pages';
