import type { UserDto } from '@echo-hub/protocol';
import { userCan } from '../programs';

/** The server's impact.read, from the permission table: the hub team (facilitators, coordinators, experts) and admins. */
export function canReadImpact(role: string | null, user: UserDto | null): boolean {
  return userCan(role, user, 'impact.read');
}
