import type { UserDto } from '@echo-hub/protocol';
import { Link } from 'react-router-dom';
import { canReadImpact } from '../access';

/** "Impact report" on the program page, for those who may read it. */
export function ImpactLink({
  programId,
  role,
  user,
}: {
  programId: string;
  role: string | null;
  user: UserDto | null;
}) {
  if (!canReadImpact(role, user)) return null;
  return (
    <Link className="button" to={`/programs/${programId}/impact`}>
      Impact report
    </Link>
  );
}
