/** Joining a programme through an invitation link. */
export { invitationPages } from './pages';
