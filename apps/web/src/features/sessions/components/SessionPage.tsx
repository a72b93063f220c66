import { Link, useLocation, useParams } from 'react-router-dom';
import { LoadFailure, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { useResource } from '../../../lib/useResource';
import { canManage, userCan } from '../../programs';
import { SlotPolls } from '../../polls';
import { CaseQueue } from '../../cases';
import { Discussion } from '../../community';
import { AccessibilityNeeds, CoproductionRoles } from '../../coproduction';
import { SessionAttendance } from '../../impact';
import { getSession } from '../api/sessions';
import { PracticeToggle } from './PracticeToggle';
import { AgendaManager } from './AgendaManager';
import { AgendaView } from './AgendaView';
import { SessionWhen } from './SessionWhen';
import { StatusBadge } from './StatusBadge';

/** Navigation state the scheduling page leaves: how many sessions it created. */
interface ScheduledState {
  scheduled?: number;
}

export function SessionPage() {
  const { sessionId = '' } = useParams();
  const { user, memberships } = useAuth();
  const location = useLocation();
  const session = useResource(`session:${sessionId}`, () => getSession(sessionId));

  if (session.status === 'loading') return <Loading>Loading the session…</Loading>;
  if (session.status === 'error') return <LoadFailure error={session.error} what="Session" />;

  const s = session.data;
  const programName = memberships.find((m) => m.programId === s.programId)?.programName;
  const scheduled = (location.state as ScheduledState | null)?.scheduled;
  return (
    <article>
      <title>{`${s.title} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${s.programId}`}>{programName ? `← ${programName}` : '← Back to the program'}</Link>
      </p>
      {scheduled !== undefined && (
        <p role="status" className="notice">
          {scheduled === 1 ? 'Session scheduled.' : `${scheduled} sessions scheduled.`}
        </p>
      )}
      <div className="page-header">
        <h1>{s.title}</h1>
        <StatusBadge status={s.status} />
        {s.practice && <span className="badge status-practice">Practice</span>}
      </div>
      {s.practice && (
        <p className="hint">
          A practice run: it counts nowhere (attendance, impact, certificates) and sends no survey.
        </p>
      )}
      {canManage(s.myRole, user) && s.status !== 'cancelled' && (
        <PracticeToggle session={s} onChange={(next) => session.update(() => next)} />
      )}
      <SessionWhen session={s} />
      <p>{s.durationMinutes} minutes</p>
      {s.joinable && (
        <p>
          <Link className="button button-join" to={`/sessions/${s.id}/live`}>
            Join
          </Link>
        </p>
      )}
      <h2>Agenda</h2>
      {canManage(s.myRole, user) ? (
        <AgendaManager key={s.id} session={s} onSessionChange={(next) => session.update(() => next)} />
      ) : (
        <AgendaView
          agenda={s.agenda}
          renderItemExtra={
            userCan(s.myRole, user, 'live.run-polls')
              ? (item, label) => <SlotPolls sessionId={s.id} agendaItemId={item.id} slotLabel={label} />
              : undefined
          }
        />
      )}
      <CaseQueue
        session={s}
        manager={canManage(s.myRole, user)}
        member={s.myRole !== null || Boolean(user?.isAdmin)}
        userId={user?.id ?? null}
        onQueueChange={(cases) => session.update((current) => ({ ...current, cases }))}
        onCaseLeft={session.reload}
      />
      {/* issue 20: co-production roles, and the accessibility needs for the session's facilitators */}
      <CoproductionRoles
        place={{ kind: 'sessions', id: s.id }}
        programId={s.programId}
        manager={canManage(s.myRole, user)}
      />
      {canManage(s.myRole, user) && <AccessibilityNeeds sessionId={s.id} />}
      {canManage(s.myRole, user) && <SessionAttendance session={s} />}
      <Discussion about={{ kind: 'session', id: s.id }} programId={s.programId} />
    </article>
  );
}
