import { ProgramRole, type UserDto } from '@echo-hub/protocol';

/** Mirrors the server's impact.read: the hub team (facilitators, coordinators, experts) and admins. */
export function canReadImpact(role: string | null, user: UserDto | null): boolean {
  return (
    Boolean(user?.isAdmin) ||
    role === ProgramRole.Facilitator ||
    role === ProgramRole.Coordinator ||
    role === ProgramRole.Expert
  );
}
