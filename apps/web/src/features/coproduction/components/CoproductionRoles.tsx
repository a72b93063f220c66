import { COPRODUCTION_ROLE_LABELS, COPRODUCTION_ROLES, type CoproductionRole } from '@echo-hub/protocol';
import { type FormEvent, useId } from 'react';
import { Field } from '../../../components/Field';
import { ErrorAlert, FormError, Loading } from '../../../components/Status';
import { formReader } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { listMembers, PARTICIPATION_LABELS } from '../../programs';
import { assignRole, listRoles, removeRole, type RolePlace } from '../api/coproduction';
import { CoproductionBadge } from './CoproductionBadge';

interface CoproductionRolesProps {
  place: RolePlace;
  programId: string;
  /** May assign and remove roles (the session's or program's facilitators and coordinators). */
  manager: boolean;
}

/**
 * Co-production on a session or in a group: who takes part as co-facilitator, lived-experience expert or panel
 * member (everyone sees it); managers give and take roles.
 */
export function CoproductionRoles({ place, programId, manager }: CoproductionRolesProps) {
  const titleId = useId();
  const roles = useResource(`coproduction-roles:${place.kind}:${place.id}`, () => listRoles(place));
  const members = useResource(manager ? `members:${programId}` : null, () => listMembers(programId));
  const action = useAction();

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    void action.run(async () => {
      const next = await assignRole(place, { userId: field('userId'), role: field('role') as CoproductionRole });
      roles.update(() => next);
    });
  };
  const remove = (userId: string) =>
    void action.run(async () => {
      await removeRole(place, userId);
      roles.reload();
    });

  if (!manager && roles.status === 'ready' && roles.data.length === 0) return null;
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>Co-production</h2>
      {roles.status === 'loading' && <Loading>Loading roles…</Loading>}
      {roles.status === 'error' && <ErrorAlert error={roles.error} />}
      {roles.status === 'ready' &&
        (roles.data.length === 0 ? (
          <p className="hint">
            No co-production roles yet: service users and carers can take part as co-facilitators, lived-experience
            experts or panel members.
          </p>
        ) : (
          <ul className="plain-list member-list" aria-label="Co-production roles">
            {roles.data.map((r) => (
              <li key={r.userId}>
                <span>
                  {r.displayName} <CoproductionBadge role={r.role} />
                  {r.participationType && (
                    <span className="muted-inline"> · {PARTICIPATION_LABELS[r.participationType]}</span>
                  )}
                </span>
                {manager && (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={action.pending}
                    onClick={() => remove(r.userId)}
                  >
                    Remove the role of {r.displayName}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      {manager && (
        <form className="form" onSubmit={onSubmit} noValidate aria-label="Give a co-production role">
          <FormError error={action.error} fields={['userId', 'role']} />
          <Field label="Person" error={action.fieldError('userId')}>
            {(p) => (
              <select {...p} name="userId" required>
                {members.status === 'ready' &&
                  members.data.map((m) => (
                    <option key={m.user.id} value={m.user.id}>
                      {m.user.displayName} ({PARTICIPATION_LABELS[m.participationType]})
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label="Co-production role" error={action.fieldError('role')}>
            {(p) => (
              <select {...p} name="role" required>
                {COPRODUCTION_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {COPRODUCTION_ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button button-small" disabled={action.pending}>
              Give the role
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
