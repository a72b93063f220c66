import { ParticipationType } from '@echo-hub/protocol';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { ErrorAlert, FormError, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formReader, optional } from '../../../lib/forms';
import { formatDate } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { acceptInvitation, getInvitation, ParticipationSelect, ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../programs';

/** `/invite/:token`: what the invitation is for, then sign in (or create an account) and accept. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const auth = useAuth();
  const navigate = useNavigate();
  const invitation = useResource(`invitation:${token}`, () => getInvitation(token));
  const action = useAction();

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = formReader(e.currentTarget);
    void action.run(async () => {
      const member = await acceptInvitation(token, {
        profession: optional(field('profession')),
        participationType: field('participationType') as ParticipationType,
      });
      await auth.refresh();
      navigate(`/programs/${member.programId}`);
    });
  };

  if (invitation.status === 'loading') return <Loading>Loading the invitation…</Loading>;
  if (invitation.status === 'error')
    return (
      <section className="narrow">
        <h1>Invitation</h1>
        <ErrorAlert error={invitation.error} notFound="This invitation link is not valid. Ask for a new one." />
      </section>
    );

  const { programName, role, expiresAt } = invitation.data;
  const here = encodeURIComponent(`/invite/${token}`);
  return (
    <section className="narrow">
      <title>{`Join ${programName} · ECHO Hub`}</title>
      <h1>Join {programName}</h1>
      <p className="lede">
        You are invited as <strong>{ROLE_LABELS[role]}</strong>: {ROLE_DESCRIPTIONS[role]}.
      </p>
      <p className="hint">This invitation works until {formatDate(expiresAt)}.</p>
      {auth.status === 'loading' && <Loading>Checking your sign-in…</Loading>}
      {(auth.status === 'signed-out' || auth.status === 'unavailable') && (
        <div className="card">
          <p>To accept, sign in first. New to this hub? Create an account, then you come back here.</p>
          <div className="actions">
            <Link className="button button-primary" to={`/sign-in?next=${here}`}>
              Sign in to accept
            </Link>
            <Link className="button" to={`/sign-up?next=${here}`}>
              Create an account
            </Link>
          </div>
        </div>
      )}
      {auth.user && (
        <form className="form card" onSubmit={onSubmit} noValidate>
          <p>
            Signed in as {auth.user.displayName} ({auth.user.email}).
          </p>
          <FormError error={action.error} fields={['profession', 'participationType']} />
          <Field
            label="Profession"
            hint="For example: pharmacist, social worker"
            error={action.fieldError('profession')}
          >
            {(p) => <input {...p} name="profession" autoComplete="organization-title" />}
          </Field>
          <Field
            label="Participation type"
            hint="How you take part. Helps the program show that service users and carers are represented."
            error={action.fieldError('participationType')}
          >
            {(p) => <ParticipationSelect {...p} name="participationType" defaultValue={ParticipationType.Staff} />}
          </Field>
          <button type="submit" className="button button-primary" disabled={action.pending}>
            Accept invitation
          </button>
        </form>
      )}
    </section>
  );
}
