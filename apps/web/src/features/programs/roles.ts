import {
  can,
  type ParticipationType,
  type Permission,
  PROGRAM_ROLES,
  type ProgramRole,
  type UserDto,
} from '@echo-hub/protocol';

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

/**
 * Whether the signed-in `user`, with `role` in a program, holds `permission` there: libs/protocol's permission
 * table, the one the server enforces (so what the page offers is what the server allows).
 */
export function userCan(role: string | null, user: UserDto | null, permission: Permission): boolean {
  const programRole = PROGRAM_ROLES.find((r) => r === role) ?? null;
  return Boolean(user) && can({ role: programRole, isAdmin: Boolean(user?.isAdmin) }, permission);
}

/** Those who manage the program (its members, sites, invitations, sessions and agendas): `program.manage`. */
export function canManage(role: string | null, user: UserDto | null): boolean {
  return userCan(role, user, 'program.manage');
}

export function roleLabel(role: string | null): string {
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as ProgramRole] : 'Administrator';
}
