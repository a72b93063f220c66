import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadFailure, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { useResource } from '../../../lib/useResource';
import { getSession, SessionWhen } from '../../sessions';
import { submitCase } from '../api/cases';
import { emptyCaseValues } from '../caseForm';
import { rememberDraft } from '../drafts';
import { CaseForm } from './CaseForm';

/** What the case page says after a save: submitted (with the queue position) or saved as a draft. */
export interface CaseSavedState {
  saved: 'submitted' | 'draft' | 'updated' | 'withdrawn' | 'follow-up';
  position?: number | null;
}

/** `/sessions/:sessionId/cases/new`: a spoke presents a case to a session. */
export function NewCasePage() {
  const { sessionId = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const session = useResource(`session:${sessionId}`, () => getSession(sessionId));

  if (session.status === 'loading') return <Loading>Loading the session…</Loading>;
  if (session.status === 'error') return <LoadFailure error={session.error} what="Session" />;
  const s = session.data;
  return (
    <article>
      <title>{`Present a case · ${s.title} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/sessions/${s.id}`}>← {s.title}</Link>
      </p>
      <h1>Present a case</h1>
      <SessionWhen session={s} />
      <p className="lede">
        The hub team and your peers will ask clarifying questions, then recommend next steps. You get the
        recommendations in writing afterwards.
      </p>
      <CaseForm
        mode="new"
        initial={emptyCaseValues()}
        onSave={async (request, draft) => {
          const created = await submitCase(s.id, { ...request, draft });
          if (draft && user) rememberDraft(user.id, { id: created.id, programId: s.programId });
          const state: CaseSavedState = { saved: draft ? 'draft' : 'submitted', position: created.position };
          navigate(`/cases/${created.id}`, { state });
        }}
      />
    </article>
  );
}
