import type { CaseStatus, SessionDto } from '@echo-hub/protocol';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../lib/time';
import { useResource } from '../../../lib/useResource';
import { listSessions } from '../../sessions';
import { getCase } from '../api/cases';
import { forgetDraft, rememberedDrafts } from '../drafts';
import { CaseStatusBadge, isWaiting, UrgentBadge } from './CaseStatusBadge';
import '../cases.css';

const DAY = 86_400_000;

interface MyCase {
  id: string;
  title: string;
  status: CaseStatus;
  urgent: boolean;
  position: number | null;
  session: SessionDto | null;
}

/**
 * The signed-in person's cases in one program: those in the queues of the program's sessions
 * (two years back, a year ahead) and the drafts saved in this browser.
 */
async function loadMyCases(programId: string, userId: string): Promise<MyCase[]> {
  const now = Date.now();
  const sessions = await listSessions(programId, new Date(now - 730 * DAY), new Date(now + 400 * DAY));
  const queued: MyCase[] = sessions.flatMap((session) =>
    session.cases
      .filter((c) => c.presenter.id === userId)
      .map((c) => ({ id: c.id, title: c.title, status: c.status, urgent: c.urgent, position: c.position, session })),
  );
  const drafts = rememberedDrafts(userId).filter((d) => d.programId === programId);
  const loaded = await Promise.all(
    drafts.map(async (d) => {
      try {
        const c = await getCase(d.id);
        if (c.status !== 'draft') forgetDraft(userId, d.id);
        return c.status === 'draft' ? [{ ...c, session: sessions.find((s) => s.id === c.sessionId) ?? null }] : [];
      } catch {
        forgetDraft(userId, d.id);
        return [];
      }
    }),
  );
  const draftCases: MyCase[] = loaded.flat().map((c) => ({
    id: c.id,
    title: c.title,
    status: c.status,
    urgent: c.urgent,
    position: null,
    session: c.session,
  }));
  // Newest sessions first; drafts on top.
  return [...draftCases, ...queued.reverse()];
}

/** `/programs/:programId/my-cases`: what I presented, where each case stands, and its recommendations. */
export function MyCasesPage() {
  const { programId = '' } = useParams();
  const { user, memberships } = useAuth();
  const userId = user?.id ?? '';
  const cases = useResource(userId ? `my-cases:${programId}:${userId}` : null, () => loadMyCases(programId, userId));
  const programName = memberships.find((m) => m.programId === programId)?.programName;

  return (
    <article>
      <title>{`My cases · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${programId}`}>{programName ? `← ${programName}` : '← Back to the program'}</Link>
      </p>
      <h1>My cases</h1>
      <p className="lede">
        Cases you presented or are waiting to present. Open one to see the hub&rsquo;s recommendations or post a
        follow-up.
      </p>
      {cases.status === 'loading' && <Loading>Loading your cases…</Loading>}
      {cases.status === 'error' && <ErrorAlert error={cases.error} />}
      {cases.status === 'ready' &&
        (cases.data.length === 0 ? (
          <p>
            You have not presented a case yet. Open a session from the program page and choose &ldquo;Present a
            case&rdquo;.
          </p>
        ) : (
          <ul className="case-list" aria-label="My cases">
            {cases.data.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>{c.title}</Link>
                <CaseStatusBadge status={c.status} />
                {c.urgent && <UrgentBadge />}
                {c.position !== null && isWaiting(c.status) && <span>number {c.position} in the queue</span>}
                {c.session && (
                  <span className="hint">
                    <Link to={`/sessions/${c.session.id}`}>{c.session.title}</Link>,{' '}
                    <time dateTime={c.session.startsAt}>{formatDate(c.session.startsAt)}</time>
                  </span>
                )}
              </li>
            ))}
          </ul>
        ))}
    </article>
  );
}
