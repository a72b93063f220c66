/** Programmes: their list and dashboard, members, roles, sites and invitations. */
export {
  acceptInvitation,
  getInvitation,
  getProgramOverview,
  getProgramWithMembers,
  listMembers,
  listPrograms,
} from './api/programs';
export { ProgramsPage } from './components/ProgramsPage';
export { ParticipationSelect } from './components/Selects';
export { canManage, PARTICIPATION_LABELS, ROLE_DESCRIPTIONS, ROLE_LABELS, roleLabel, userCan } from './roles';
export { programPages } from './pages';
