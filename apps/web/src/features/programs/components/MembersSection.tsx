import type { MemberDto, ProgramRole, ResetLinkResponse, SiteDto } from '@echo-hub/protocol';
import { useState } from 'react';
import { CopyField } from '../../../components/CopyField';
import { LoadMore } from '../../../components/LoadMore';
import { ErrorAlert, FormError, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { createResetLink } from '../../auth';
import { memberPage, removeMember, updateMember } from '../api/programs';
import { PARTICIPATION_LABELS, ROLE_LABELS } from '../roles';
import { AddMemberForm } from './AddMemberForm';
import { MemberEmailsSetting } from './MemberEmailsSetting';
import { RoleSelect } from './Selects';

interface MembersSectionProps {
  programId: string;
  /** The program's setting: whether every member sees the others' e-mail addresses. */
  emailsVisible: boolean;
  sites: SiteDto[];
  manager: boolean;
  /** After the program's setting changed. */
  onChanged: () => void;
}

/** Who is in the program, a page at a time by name; managers change roles, remove people and add them by email. */
export function MembersSection({ programId, emailsVisible, sites, manager, onChanged }: MembersSectionProps) {
  const { user } = useAuth();
  // Keyed by the e-mail setting too: who sees which addresses changes with it.
  const members = useResource(`member-page:${programId}:${emailsVisible}`, () => memberPage(programId));
  const more = async () => {
    if (members.status !== 'ready' || !members.data.next) return;
    const page = await memberPage(programId, members.data.next);
    members.update((data) => ({ items: [...data.items, ...page.items], next: page.next }));
  };
  const action = useAction();
  const [message, setMessage] = useState('');
  const [resetLink, setResetLink] = useState<(ResetLinkResponse & { name: string }) | null>(null);
  const siteName = (id: string | null) => sites.find((s) => s.id === id)?.organisation ?? '—';

  const changeRole = (member: MemberDto, role: ProgramRole) =>
    action.run(async () => {
      setMessage('');
      await updateMember(programId, member.id, { role });
      members.update((data) => ({
        ...data,
        items: data.items.map((m) => (m.id === member.id ? { ...m, role } : m)),
      }));
      setMessage(`${member.user.displayName} is now ${ROLE_LABELS[role]}.`);
    });
  const remove = (member: MemberDto) =>
    action.run(async () => {
      setMessage('');
      await removeMember(programId, member.id);
      members.update((data) => ({ ...data, items: data.items.filter((m) => m.id !== member.id) }));
      setMessage(`Removed ${member.user.displayName} from the program.`);
    });
  const issueResetLink = (member: MemberDto) =>
    action.run(async () => {
      const link = await createResetLink(member.user.id);
      setResetLink({ ...link, name: member.user.displayName });
    });

  return (
    <section aria-labelledby="members-title" className="panel">
      <h2 id="members-title">Members</h2>
      <FormError error={action.error} />
      {manager && <MemberEmailsSetting programId={programId} visible={emailsVisible} onChanged={onChanged} />}
      <p role="status" className="hint">
        {message}
      </p>
      <div className="table-wrap" role="region" aria-labelledby="members-title" tabIndex={0}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Site</th>
              <th scope="col">Profession</th>
              <th scope="col">Participation</th>
              {manager && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {(members.status === 'ready' ? members.data.items : []).map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.user.displayName}</th>
                <td>
                  {member.user.email ?? (
                    <span title="Shown to the program's hosts only, unless they show it to everyone">—</span>
                  )}
                </td>
                <td>
                  {manager ? (
                    <RoleSelect
                      aria-label={`Role for ${member.user.displayName}`}
                      value={member.role}
                      disabled={action.pending}
                      onChange={(e) => void changeRole(member, e.target.value as ProgramRole)}
                    />
                  ) : (
                    ROLE_LABELS[member.role]
                  )}
                </td>
                <td>{siteName(member.siteId)}</td>
                <td>{member.profession ?? '—'}</td>
                <td>{PARTICIPATION_LABELS[member.participationType]}</td>
                {manager && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-small button-danger"
                      aria-label={`Remove ${member.user.displayName}`}
                      disabled={action.pending}
                      onClick={() => void remove(member)}
                    >
                      Remove
                    </button>
                    {user?.isAdmin && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Reset password of ${member.user.displayName}`}
                        disabled={action.pending}
                        onClick={() => void issueResetLink(member)}
                      >
                        Reset password
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {members.status === 'loading' && <Loading>Loading the members…</Loading>}
      {members.status === 'error' && <ErrorAlert error={members.error} />}
      {members.status === 'ready' && members.data.next && <LoadMore what="members" onMore={more} />}
      {resetLink && (
        <div className="notice">
          <CopyField label={`Password reset link for ${resetLink.name}`} value={resetLink.resetUrl} />
          <p className="hint">
            Give it to {resetLink.name} privately. It works until {formatDate(resetLink.expiresAt)}.
          </p>
        </div>
      )}
      {manager && <AddMemberForm programId={programId} sites={sites} />}
    </section>
  );
}
