import type { ProgramRole } from './auth';

const everyone: readonly ProgramRole[] = ['facilitator', 'expert', 'coordinator', 'participant'];
const hubManagers: readonly ProgramRole[] = ['facilitator', 'coordinator'];
const hubTeam: readonly ProgramRole[] = ['facilitator', 'coordinator', 'expert'];

/**
 * Who may do what, written once for the server and the web client: each permission (`resource.action`) and
 * the program-scoped roles that hold it. An instance admin holds every permission; someone who is not a member
 * of the program holds none. Where it is used:
 * - the server's HTTP guard: a route declares `@Access(permission, scope)`, the scope (a `ResourceScope`)
 *   says how the route's `:id` leads to its program, the caller's role there is looked up in this table;
 * - the live gateway: `live.*` (who runs the room, who skips the lobby, who writes the live recommendations);
 * - the web client: `can()` decides which controls a person is shown (the server checks again).
 * README.md's "Who may do what" table is checked against this one by a test.
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
  // Correct a person's minutes at a session, with a reason (issue #20).
  'attendance.correct': hubManagers,
  // The public registration form (issue #20): configure it, read who registered (e-mails, accessibility needs).
  'enrolment.manage': hubManagers,
  'surveys.manage': hubManagers,
  'slides.upload': ['facilitator', 'coordinator', 'expert'],
  'cases.submit': everyone,
  'cases.manage': hubManagers,
  'cases.recommend': ['facilitator', 'expert'],
  'community.read': everyone,
  'community.post': everyone,
  // Any role may be made a group moderator: the service checks the caller moderates the group.
  'community.moderate': everyone,
  // Also: reads every private group of the program.
  'community.manage': hubManagers,
  // Live sessions: run the room (open, phases, lock, admit, remove, mute, spotlight, record, end, close a case).
  'live.host': hubManagers,
  // Join before a host opens the room (everyone else waits in the lobby).
  'live.join-closed': hubTeam,
  // Write the open case's recommendations in the shared editor.
  'live.write-notes': hubTeam,
  // Ask, launch, close and share polls and knowledge checks in the room.
  'live.run-polls': hubTeam,
  // Split the room into breakout rooms, broadcast to them, move people, join any room, end them.
  'live.run-breakouts': hubTeam,
  // Captions: make someone in the room the captioner (any role may be), turn automatic captions on or off.
  'live.captions': hubManagers,
  // Webinar layout (issue #17): turn it on or off, bring a viewer on stage and send them back.
  'live.stage': hubManagers,
  // Always on a webinar's stage (everyone else watches, receive-only, until brought on stage).
  'live.present': hubTeam,
  // The programme around the sessions (issue #20 A): everyone sees the self-assessment and answers it; the
  // managers keep the templates, open rounds and record priorities and the learning plan.
  'assessment.read': everyone,
  'assessment.answer': everyone,
  'assessment.manage': hubManagers,
  // Exchanges, study visits, mentoring: everyone logs their own and reads the log; the managers set up pairs.
  'exchanges.read': everyone,
  'exchanges.log': everyone,
  'exchanges.manage': hubManagers,
  // Co-production (issue #20): everyone sees who co-facilitates; the managers assign roles, record payments and
  // expenses (and export them for finance), and see the accessibility needs given at registration.
  'coproduction.read': everyone,
  'coproduction.manage': hubManagers,
  'payments.manage': hubManagers,
  'accessibility.read': hubManagers,
} satisfies Record<string, readonly ProgramRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** How a program-scoped route finds its program: from the `:id` of one of these. */
export type ResourceScope = 'program' | 'session' | 'case' | 'recording' | 'group' | 'thread' | 'post' | 'attachment';

/** Someone in a program: their role there (null when not a member) and whether they are an instance admin. */
export interface Grantee {
  role: ProgramRole | null;
  isAdmin: boolean;
}

/** Whether `who` holds `permission` in the program. */
export function can(who: Grantee, permission: Permission): boolean {
  return who.isAdmin || (who.role !== null && (PERMISSIONS[permission] as readonly ProgramRole[]).includes(who.role));
}
