import type { GroupMemberDto, GroupSummary, JoinRequestDto, MemberDto } from '@echo-hub/protocol';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { listMembers } from '../../programs';
import {
  addGroupMember,
  decideJoinRequest,
  listGroupMembers,
  listJoinRequests,
  removeGroupMember,
  setGroupRole,
} from '../api/community';

/** For moderators: requests to join, members and moderators (every action is written to the audit log). */
export function GroupMembersPanel({ group, onChanged }: { group: GroupSummary; onChanged: () => void }) {
  const members = useResource(`group-members:${group.id}`, () => listGroupMembers(group.id));
  const requests = useResource(group.isPrivate ? `group-requests:${group.id}` : null, () => listJoinRequests(group.id));
  const program = useResource(group.isPrivate ? `members:${group.programId}` : null, () =>
    listMembers(group.programId),
  );
  const action = useAction();
  const [adding, setAdding] = useState('');

  const change = (work: () => Promise<unknown>) =>
    void action.run(async () => {
      await work();
      members.reload();
      requests.reload();
      onChanged();
    });

  const decide = (r: JoinRequestDto, status: 'approved' | 'declined') =>
    change(() => decideJoinRequest(group.id, r.id, status));

  const shown: GroupMemberDto[] =
    members.status === 'ready' ? members.data.filter((m) => group.isPrivate || m.role === 'moderator') : [];
  const inGroup = new Set(members.status === 'ready' ? members.data.filter((m) => m.role).map((m) => m.user.id) : []);
  const candidates: MemberDto[] = program.status === 'ready' ? program.data.filter((m) => !inGroup.has(m.user.id)) : [];
  const openPeople = !group.isPrivate && members.status === 'ready' ? members.data.filter((m) => !m.role) : [];

  return (
    <section aria-labelledby="members-title" className="panel">
      <h2 id="members-title">{group.isPrivate ? 'Members and moderators' : 'Moderators'}</h2>
      {action.error && <ErrorAlert error={action.error} />}
      {group.isPrivate && requests.status === 'ready' && requests.data.length > 0 && (
        <div className="join-requests">
          <h3>Requests to join</h3>
          <ul className="plain-list">
            {requests.data.map((r) => (
              <li key={r.id}>
                <strong>{r.user.displayName}</strong>
                {r.message && <q className="muted-inline"> {r.message}</q>}{' '}
                <button type="button" className="button button-small" onClick={() => decide(r, 'approved')}>
                  Approve {r.user.displayName}
                </button>{' '}
                <button type="button" className="button button-small" onClick={() => decide(r, 'declined')}>
                  Decline
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {members.status === 'loading' && <Loading>Loading members…</Loading>}
      {shown.length === 0 && members.status === 'ready' && (
        <p>No moderators of their own: the programme’s facilitators and coordinators moderate it.</p>
      )}
      {shown.length > 0 && (
        <ul className="plain-list member-list">
          {shown.map((m) => (
            <li key={m.user.id}>
              <span>
                {m.user.displayName} <span className="muted-inline">{m.role === 'moderator' ? '· moderator' : ''}</span>
              </span>
              <span className="row-actions">
                {group.isPrivate && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() =>
                      change(() => setGroupRole(group.id, m.user.id, m.role === 'moderator' ? 'member' : 'moderator'))
                    }
                  >
                    {m.role === 'moderator' ? 'Make member' : 'Make moderator'}
                  </button>
                )}
                <button
                  type="button"
                  className="button button-small button-danger"
                  aria-label={`Remove ${m.user.displayName}`}
                  onClick={() => change(() => removeGroupMember(group.id, m.user.id))}
                >
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {(group.isPrivate ? candidates.length > 0 : openPeople.length > 0) && (
        <div className="field-row field-row-end inline-form">
          <div className="field">
            <label htmlFor={`add-${group.id}`}>{group.isPrivate ? 'Add a member' : 'Add a moderator'}</label>
            <select id={`add-${group.id}`} value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose someone…</option>
              {(group.isPrivate ? candidates.map((m) => m.user) : openPeople.map((m) => m.user)).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            disabled={!adding || action.pending}
            onClick={() => {
              change(() => addGroupMember(group.id, adding, group.isPrivate ? 'member' : 'moderator'));
              setAdding('');
            }}
          >
            Add
          </button>
        </div>
      )}
    </section>
  );
}
