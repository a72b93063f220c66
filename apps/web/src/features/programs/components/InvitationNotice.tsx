import type { InvitationDto } from '@echo-hub/protocol';
import { CopyField } from '../../../components/CopyField';
import { formatDate } from '../../../lib/time';
import { ROLE_LABELS } from '../roles';

/** A new invitation's link to share, what it grants, until when, and whether the hub emailed it. */
export function InvitationNotice({ invitation }: { invitation: InvitationDto | null }) {
  return (
    <div role="status">
      {invitation?.inviteUrl && (
        <div className="notice">
          <CopyField label="Invitation link" value={new URL(invitation.inviteUrl, window.location.origin).href} />
          <p className="hint">
            Joins as {ROLE_LABELS[invitation.role]} once accepted. Works until {formatDate(invitation.expiresAt)}.
            {invitation.emailed && invitation.email && ` We also emailed it to ${invitation.email}.`}
          </p>
        </div>
      )}
    </div>
  );
}
