import type { CaseDto } from '@echo-hub/protocol';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadFailure, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { useResource } from '../../../lib/useResource';
import { canManage } from '../../programs';
import { getCase, updateCase, withdrawCase } from '../api/cases';
import { type Confirmation, valuesFromCase } from '../caseForm';
import { forgetDraft } from '../drafts';
import { CaseForm } from './CaseForm';
import type { CaseSavedState } from './NewCasePage';

const EDITABLE = ['draft', 'submitted', 'scheduled'];

export const confirmationsOf = (c: CaseDto): Confirmation[] =>
  c.confirmations.map(({ field, start, end, text }) => ({ field, start, end, text }));

/** `/cases/:caseId/edit`: the presenter (or a facilitator/coordinator) changes, submits or withdraws a case. */
export function EditCasePage() {
  const { caseId = '' } = useParams();
  const { user, memberships } = useAuth();
  const navigate = useNavigate();
  const found = useResource(`case:${caseId}`, () => getCase(caseId));

  if (found.status === 'loading') return <Loading>Loading the case…</Loading>;
  if (found.status === 'error') return <LoadFailure error={found.error} what="Case" />;
  const c = found.data;
  const role = memberships.find((m) => m.programId === c.programId)?.role ?? null;
  const allowed = c.presenter.id === user?.id || canManage(role, user);
  const back = (
    <p className="breadcrumb">
      <Link to={`/cases/${c.id}`}>← {c.title}</Link>
    </p>
  );
  if (!allowed || !EDITABLE.includes(c.status)) {
    return (
      <article>
        <title>{`${c.title} · ECHO Hub`}</title>
        {back}
        <h1>This case cannot be edited</h1>
        <p>
          {allowed
            ? 'It has already been presented or withdrawn. Post a follow-up from the case page instead.'
            : 'Only the presenter, a facilitator or a coordinator may change it.'}
        </p>
      </article>
    );
  }
  const go = (state: CaseSavedState) => navigate(`/cases/${c.id}`, { state });
  return (
    <article>
      <title>{`Edit ${c.title} · ECHO Hub`}</title>
      {back}
      <h1>{c.status === 'draft' ? 'Finish your case' : 'Edit the case'}</h1>
      <CaseForm
        mode={c.status === 'draft' ? 'draft' : 'submitted'}
        initial={valuesFromCase(c)}
        initialConfirmations={confirmationsOf(c)}
        onSave={async (request, draft) => {
          const saved = await updateCase(c.id, c.status === 'draft' && !draft ? { ...request, draft: false } : request);
          if (saved.status !== 'draft' && user) forgetDraft(user.id, c.id);
          go({
            saved: saved.status === 'draft' ? 'draft' : c.status === 'draft' ? 'submitted' : 'updated',
            position: saved.position,
          });
        }}
        onWithdraw={async () => {
          await withdrawCase(c.id);
          if (user) forgetDraft(user.id, c.id);
          go({ saved: 'withdrawn' });
        }}
      />
    </article>
  );
}
