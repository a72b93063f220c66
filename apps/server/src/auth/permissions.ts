import type { ProgramRole } from '@echo-hub/protocol';

const everyone: ProgramRole[] = ['facilitator', 'expert', 'coordinator', 'participant'];
const hubManagers: ProgramRole[] = ['facilitator', 'coordinator'];

/**
 * Who may do what inside a program, by program-scoped role. Instance admins may do
 * everything. README.md's authorization table is checked against this one by a test.
 */
export const PERMISSIONS = {
  'program.read': everyone,
  'program.manage': hubManagers,
  'members.read': everyone,
  'members.manage': hubManagers,
  'sites.manage': hubManagers,
  'invitations.manage': hubManagers,
  'sessions.read': everyone,
  'sessions.manage': hubManagers,
  // Impact: the hub team sees the figures; only the managers see who attended (names, emails).
  'impact.read': ['facilitator', 'coordinator', 'expert'],
  'attendance.read': hubManagers,
  'surveys.manage': hubManagers,
  'slides.upload': ['facilitator', 'coordinator', 'expert'],
  'cases.submit': everyone,
  'cases.manage': hubManagers,
  'cases.recommend': ['facilitator', 'expert'],
  'community.read': everyone,
  'community.post': everyone,
  // Any role may be made a group moderator: the service checks the caller moderates the group.
  'community.moderate': everyone,
  'community.manage': hubManagers,
} satisfies Record<string, ProgramRole[]>;

export type Permission = keyof typeof PERMISSIONS;
