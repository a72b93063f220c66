import { roleLabel } from '../roles';

export function RoleBadge({ role }: { role: string | null }) {
  return <span className={`badge badge-${role ?? 'admin'}`}>{roleLabel(role)}</span>;
}
