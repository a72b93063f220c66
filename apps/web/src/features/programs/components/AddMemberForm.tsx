import { type InvitationDto, ProgramRole, type SiteDto } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { formReader, optional } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { addMember } from '../api/programs';
import { InvitationNotice } from './InvitationNotice';
import { RoleSelect, SiteSelect } from './Selects';

const FIELDS = ['email', 'role', 'siteId'];

/**
 * Adds someone by e-mail: they get an invitation for that address and join once they accept it (giving their
 * profession and participation type). The hub answers the same whether or not the address has an account.
 */
export function AddMemberForm({ programId, sites }: { programId: string; sites: SiteDto[] }) {
  const action = useAction();
  const [invitation, setInvitation] = useState<InvitationDto | null>(null);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    setInvitation(null);
    void action.run(async () => {
      setInvitation(
        await addMember(programId, {
          email: field('email').trim(),
          role: field('role') as ProgramRole,
          siteId: optional(field('siteId')),
        }),
      );
      form.reset();
    });
  };

  return (
    <form className="form inline-form" onSubmit={onSubmit} aria-labelledby="add-member-title" noValidate>
      <h3 id="add-member-title">Add a member</h3>
      <p className="hint">They get an invitation for this e-mail and join when they accept it.</p>
      <FormError error={action.error} fields={FIELDS} />
      <Field label="Member email" error={action.fieldError('email')}>
        {(p) => <input {...p} name="email" type="email" required />}
      </Field>
      <Field label="Member role" error={action.fieldError('role')}>
        {(p) => <RoleSelect {...p} name="role" defaultValue={ProgramRole.Participant} />}
      </Field>
      <Field label="Member site" error={action.fieldError('siteId')}>
        {(p) => <SiteSelect {...p} name="siteId" sites={sites} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={action.pending}>
          Invite member
        </button>
      </div>
      <InvitationNotice invitation={invitation} />
    </form>
  );
}
