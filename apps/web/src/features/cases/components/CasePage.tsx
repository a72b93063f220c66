import type { CaseDto } from '@echo-hub/protocol';
import { Link, useLocation, useParams } from 'react-router-dom';
import { LoadFailure, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../lib/time';
import { useResource } from '../../../lib/useResource';
import { Discussion } from '../../community';
import { canManage, userCan } from '../../programs';
import { getSession, SessionWhen } from '../../sessions';
import { getCase } from '../api/cases';
import { FIELD_LABELS, sexLabel } from '../caseForm';
import { CaseAttachmentsSection } from './CaseAttachments';
import { CaseStatusBadge, isWaiting, UrgentBadge } from './CaseStatusBadge';
import { DownloadPdfButton } from './DownloadPdfButton';
import type { CaseSavedState } from './NewCasePage';
import { RecommendationForm } from './RecommendationForm';
import '../cases.css';

const SECTIONS = [
  'presentingQuestion',
  'summary',
  'history',
  'medications',
  'investigations',
  'tried',
  'socialContext',
  'specificQuestions',
] as const;

function savedMessage(state: CaseSavedState | null): string | null {
  switch (state?.saved) {
    case 'submitted':
      return state.position ? `Case submitted: it is number ${state.position} in the queue.` : 'Case submitted.';
    case 'follow-up':
      return state.position ? `Follow-up posted: it is number ${state.position} in the queue.` : 'Follow-up posted.';
    case 'draft':
      return 'Draft saved. Only you and the hub team can see it until you submit it.';
    case 'updated':
      return 'Changes saved.';
    case 'withdrawn':
      return 'Case withdrawn: it has left the queue.';
    default:
      return null;
  }
}

/** `/cases/:caseId`: the case as presented, where it is in the queue, and the hub's written recommendations. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const location = useLocation();
  const { user, memberships } = useAuth();
  const found = useResource(`case:${caseId}`, () => getCase(caseId));
  const sessionId = found.status === 'ready' ? found.data.sessionId : null;
  const session = useResource(sessionId && `session:${sessionId}`, () => getSession(sessionId ?? ''));
  const followed = useResource(
    found.status === 'ready' && found.data.followUpOfId ? `case:${found.data.followUpOfId}` : null,
    () => getCase(found.status === 'ready' ? (found.data.followUpOfId ?? '') : ''),
  );

  if (found.status === 'loading') return <Loading>Loading the case…</Loading>;
  if (found.status === 'error') return <LoadFailure error={found.error} what="Case" />;
  const c = found.data;
  const role = memberships.find((m) => m.programId === c.programId)?.role ?? null;
  const presenter = c.presenter.id === user?.id;
  const manager = canManage(role, user);
  const recommender = userCan(role, user, 'cases.recommend');
  const editable = (presenter || manager) && (c.status === 'draft' || isWaiting(c.status));
  const canFollowUp = (presenter || manager) && c.status !== 'draft' && c.status !== 'withdrawn';
  const message = savedMessage(location.state as CaseSavedState | null);
  const s = session.status === 'ready' ? session.data : null;

  return (
    <article className="case-page">
      <title>{`${c.title} · ECHO Hub`}</title>
      <p className="breadcrumb">
        {s ? (
          <Link to={`/sessions/${s.id}`}>← {s.title}</Link>
        ) : (
          <Link to={`/programs/${c.programId}/my-cases`}>← My cases</Link>
        )}
      </p>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <div className="page-header">
        <h1>{c.title}</h1>
        <span>
          <CaseStatusBadge status={c.status} /> {c.urgent && <UrgentBadge />}
        </span>
      </div>
      <dl className="facts">
        <dt>Presented by</dt>
        <dd>{presenter ? `${c.presenter.displayName} (you)` : c.presenter.displayName}</dd>
        {s && (
          <>
            <dt>Session</dt>
            <dd>
              <Link to={`/sessions/${s.id}`}>{s.title}</Link>
              <SessionWhen session={s} />
            </dd>
          </>
        )}
        {c.position !== null && isWaiting(c.status) && (
          <>
            <dt>Place in the queue</dt>
            <dd>Number {c.position}</dd>
          </>
        )}
        {c.ageBand && (
          <>
            <dt>Age band</dt>
            <dd>{c.ageBand}</dd>
          </>
        )}
        {c.sex && (
          <>
            <dt>Sex</dt>
            <dd>{sexLabel(c.sex)}</dd>
          </>
        )}
        {c.followUpOfId && (
          <>
            <dt>Follow-up of</dt>
            <dd>
              <Link to={`/cases/${c.followUpOfId}`}>
                {followed.status === 'ready' ? followed.data.title : 'the original case'}
              </Link>
            </dd>
          </>
        )}
      </dl>
      {(editable || canFollowUp) && (
        <p className="actions">
          {editable && (
            <Link className="button" to={`/cases/${c.id}/edit`}>
              {c.status === 'draft' ? 'Finish and submit' : 'Edit case'}
            </Link>
          )}
          {canFollowUp && (
            <Link className="button" to={`/cases/${c.id}/follow-up`}>
              Post a follow-up
            </Link>
          )}
        </p>
      )}
      <CaseSections c={c} />
      <CaseAttachmentsSection
        c={c}
        editable={editable}
        onChange={(change) => found.update((d: CaseDto) => ({ ...d, attachments: change(d.attachments) }))}
      />
      {c.confirmations.length > 0 && (
        <details className="case-confirmations">
          <summary>
            De-identification: {c.confirmations.length} {c.confirmations.length === 1 ? 'span was' : 'spans were'}{' '}
            confirmed not identifying
          </summary>
          <ul>
            {c.confirmations.map((x) => (
              <li key={`${x.field}-${x.start}-${x.end}`}>
                <q>{x.text}</q> in {FIELD_LABELS[x.field]}, confirmed by {x.by} on{' '}
                <time dateTime={x.at}>{formatDate(x.at)}</time>
              </li>
            ))}
          </ul>
        </details>
      )}
      <section aria-labelledby="recommendations-title" className="panel">
        <h2 id="recommendations-title">Recommendations</h2>
        {c.recommendations.length === 0 ? (
          <p>
            {c.status === 'withdrawn'
              ? 'This case was withdrawn.'
              : 'No recommendations yet: they appear here after the case is discussed.'}
          </p>
        ) : (
          <>
            <ol className="case-recommendations">
              {c.recommendations.map((r) => (
                <li key={r.id} className="card">
                  <blockquote className="case-text">{r.body}</blockquote>
                  <p className="hint">
                    {r.author.displayName} · <time dateTime={r.createdAt}>{formatDate(r.createdAt)}</time>
                  </p>
                </li>
              ))}
            </ol>
            <DownloadPdfButton caseId={c.id} />
          </>
        )}
      </section>
      {recommender && c.status !== 'draft' && c.status !== 'withdrawn' && (
        <RecommendationForm
          caseId={c.id}
          onAdded={(r) =>
            found.update((d: CaseDto) => ({
              ...d,
              status: 'recommendations_sent',
              recommendations: [...d.recommendations, r],
            }))
          }
        />
      )}
      {c.status !== 'draft' && <Discussion about={{ kind: 'case', id: c.id }} programId={c.programId} />}
    </article>
  );
}

function CaseSections({ c }: { c: CaseDto }) {
  return (
    <div className="case-sections">
      {SECTIONS.filter((field) => c[field]).map((field) => (
        <section key={field} aria-labelledby={`case-${field}`}>
          <h2 id={`case-${field}`}>{FIELD_LABELS[field]}</h2>
          <p className="case-text">{c[field]}</p>
        </section>
      ))}
    </div>
  );
}
