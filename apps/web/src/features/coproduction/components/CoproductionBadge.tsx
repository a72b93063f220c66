import { COPRODUCTION_ROLE_LABELS, type CoproductionRole } from '@echo-hub/protocol';

/** A person's co-production role, shown beside their name (live list, session page, group). */
export function CoproductionBadge({ role }: { role: CoproductionRole | null | undefined }) {
  if (!role) return null;
  return (
    <span className="badge badge-coproduction" data-testid="coproduction-badge">
      {COPRODUCTION_ROLE_LABELS[role]}
    </span>
  );
}
