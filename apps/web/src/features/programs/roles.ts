import { type ParticipationType, ProgramRole, type UserDto } from '@echo-hub/protocol';

export const ROLE_LABELS: Record<ProgramRole, string> = {
  facilitator: 'Facilitator',
  expert: 'Expert',
  coordinator: 'Coordinator',
  participant: 'Participant',
};

export const ROLE_DESCRIPTIONS: Record<ProgramRole, string> = {
  facilitator: 'runs the sessions and the program',
  expert: 'part of the hub team, teaches and gives recommendations',
  coordinator: 'organises sessions, sites and members',
  participant: 'joins sessions, presents cases and learns with peers',
};

export const PARTICIPATION_LABELS: Record<ParticipationType, string> = {
  staff: 'Staff',
  volunteer: 'Volunteer',
  service_user: 'Service user',
  carer: 'Carer',
};

/** Facilitators, coordinators and instance admins manage members, sites, invitations, sessions and agendas. */
export function canManage(role: string | null, user: UserDto | null): boolean {
  return Boolean(user?.isAdmin) || role === ProgramRole.Facilitator || role === ProgramRole.Coordinator;
}

export function roleLabel(role: string | null): string {
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as ProgramRole] : 'Administrator';
}
