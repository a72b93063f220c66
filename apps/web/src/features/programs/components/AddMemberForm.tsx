import { type MemberDto, type ParticipationType, ProgramRole, type SiteDto } from '@echo-hub/protocol';
import type { FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { formReader, optional } from '../../../lib/forms';
import { useAction } from '../../../lib/useAction';
import { addMember } from '../api/programs';
import { ParticipationSelect, RoleSelect, SiteSelect } from './Selects';

const FIELDS = ['email', 'role', 'siteId', 'profession', 'participationType'];

interface AddMemberFormProps {
  programId: string;
  sites: SiteDto[];
  onAdded: (member: MemberDto) => void;
}

/** Adds someone who already has an account on the hub, by email. */
export function AddMemberForm({ programId, sites, onAdded }: AddMemberFormProps) {
  const action = useAction();

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    void action.run(async () => {
      const member = await addMember(programId, {
        email: field('email').trim(),
        role: field('role') as ProgramRole,
        siteId: optional(field('siteId')),
        profession: optional(field('profession')),
        participationType: field('participationType') as ParticipationType,
      });
      form.reset();
      onAdded(member);
    });
  };

  return (
    <form className="form inline-form" onSubmit={onSubmit} aria-labelledby="add-member-title" noValidate>
      <h3 id="add-member-title">Add a member</h3>
      <p className="hint">For people who already have an account here. Otherwise, invite them by link.</p>
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
      <Field label="Profession" hint="For example: practice nurse" error={action.fieldError('profession')}>
        {(p) => <input {...p} name="profession" />}
      </Field>
      <Field label="Participation type" error={action.fieldError('participationType')}>
        {(p) => <ParticipationSelect {...p} name="participationType" />}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={action.pending}>
          Add member
        </button>
      </div>
    </form>
  );
}
