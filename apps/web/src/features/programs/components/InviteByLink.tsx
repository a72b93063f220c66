import { type InvitationDto, ProgramRole, type SiteDto } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { formReader, optional } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { createInvitation } from '../api/programs';
import { InvitationNotice } from './InvitationNotice';
import { RoleSelect, SiteSelect } from './Selects';

/** Makes an invitation link to share (and emails it when an address is given and the hub can send email). */
export function InviteByLink({ programId, sites }: { programId: string; sites: SiteDto[] }) {
  const action = useAction();
  const [invitation, setInvitation] = useState<InvitationDto | null>(null);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    setInvitation(null);
    void action.run(async () => {
      setInvitation(
        await createInvitation(programId, {
          role: field('role') as ProgramRole,
          email: optional(field('email')),
          siteId: optional(field('siteId')),
        }),
      );
    });
  };

  return (
    <section aria-labelledby="invite-title" className="panel">
      <h2 id="invite-title">Invite someone by link</h2>
      <form className="form" onSubmit={onSubmit} aria-labelledby="invite-title" noValidate>
        <FormError error={action.error} fields={['role', 'email', 'siteId']} />
        <Field label="Invitation role" error={action.fieldError('role')}>
          {(p) => <RoleSelect {...p} name="role" defaultValue={ProgramRole.Participant} />}
        </Field>
        <Field
          label="Only for this email"
          hint="Optional. Leave empty for a link anyone you send it to can use."
          error={action.fieldError('email')}
        >
          {(p) => <input {...p} name="email" type="email" />}
        </Field>
        <Field label="Invitation site" error={action.fieldError('siteId')}>
          {(p) => <SiteSelect {...p} name="siteId" sites={sites} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={action.pending}>
            Invite by link
          </button>
        </div>
      </form>
      <InvitationNotice invitation={invitation} />
    </section>
  );
}
