import { PARTICIPATION_TYPES, PROGRAM_ROLES, type SiteDto } from '@echo-hub/protocol';
import type { SelectHTMLAttributes } from 'react';
import { PARTICIPATION_LABELS, ROLE_LABELS } from '../roles';

type SelectProps = SelectHTMLAttributes<HTMLSelectElement>;

export function RoleSelect(props: SelectProps) {
  return (
    <select {...props}>
      {PROGRAM_ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}

export function ParticipationSelect(props: SelectProps) {
  return (
    <select {...props}>
      {PARTICIPATION_TYPES.map((type) => (
        <option key={type} value={type}>
          {PARTICIPATION_LABELS[type]}
        </option>
      ))}
    </select>
  );
}

/** The program's sites, with "No site" (value '') first. */
export function SiteSelect({ sites, ...props }: SelectProps & { sites: SiteDto[] }) {
  return (
    <select {...props}>
      <option value="">No site</option>
      {sites.map((site) => (
        <option key={site.id} value={site.id}>
          {site.organisation}
        </option>
      ))}
    </select>
  );
}
