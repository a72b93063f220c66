import type { QueuedCase, SessionDto } from '@echo-hub/protocol';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { moveCase, reorderCases, setUrgent } from '../api/cases';
import { sessionOptionLabel, useUpcomingSessions } from '../hooks/useUpcomingSessions';
import { CaseStatusBadge, isWaiting, UrgentBadge } from './CaseStatusBadge';
import '../cases.css';

interface CaseQueueProps {
  session: SessionDto;
  /** Facilitator, coordinator or admin: reorders, marks urgent, moves cases. */
  manager: boolean;
  /** A member of the program (may present a case). */
  member: boolean;
  userId: string | null;
  /** The queue as the server answered it after a change. */
  onQueueChange: (cases: QueuedCase[]) => void;
  /** A case left this session (moved): reload it. */
  onCaseLeft: () => void;
}

/** Where focus goes back to after the list re-renders in a new order. */
interface FocusTarget {
  id: string;
  control: 'up' | 'down' | 'urgent';
}

/**
 * The session's case queue. Everyone sees the order; presenters see their place; facilitators and
 * coordinators reorder it (drag and drop, or the Move up/down buttons from the keyboard), mark
 * cases urgent and move them to another session.
 */
export function CaseQueue({ session, manager, member, userId, onQueueChange, onCaseLeft }: CaseQueueProps) {
  const cases = session.cases;
  const action = useAction();
  const [announcement, setAnnouncement] = useState('');
  const [dragId, setDragId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const focusAfter = useRef<FocusTarget | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const upcoming = useUpcomingSessions(manager ? session.programId : null);
  const otherSessions = upcoming.status === 'ready' ? upcoming.data.filter((s) => s.id !== session.id) : [];
  const open = session.status === 'scheduled' || session.status === 'live';
  const waiting = cases.filter((c) => isWaiting(c.status));
  const mine = cases.filter((c) => c.presenter.id === userId && isWaiting(c.status));

  useEffect(() => {
    const target = focusAfter.current;
    if (!target || !list.current) return;
    focusAfter.current = null;
    const buttons = [...list.current.querySelectorAll<HTMLButtonElement>(`[data-case="${target.id}"]`)];
    const want = buttons.find((b) => b.dataset.control === target.control && !b.disabled);
    (want ?? buttons.find((b) => !b.disabled))?.focus();
  }, [cases]);

  /** Saves a new order of the waiting cases (the only ones that can move). */
  const saveOrder = (ids: string[], moved: QueuedCase, focus?: FocusTarget) => {
    const before = cases;
    const byId = new Map(cases.map((c) => [c.id, c]));
    const started = cases.filter((c) => !isWaiting(c.status));
    const optimistic = [...started, ...ids.map((id) => byId.get(id) as QueuedCase)].map((c, i) => ({
      ...c,
      position: i + 1,
    }));
    focusAfter.current = focus ?? null;
    onQueueChange(optimistic);
    void action.run(async () => {
      try {
        const saved = await reorderCases(session.id, ids);
        focusAfter.current = focus ?? null;
        onQueueChange(saved);
        const place = saved.find((c) => c.id === moved.id)?.position;
        setAnnouncement(`Queue saved: ${moved.title} is number ${place}.`);
      } catch (e) {
        onQueueChange(before);
        setAnnouncement('');
        throw e;
      }
    });
  };

  const step = (c: QueuedCase, by: -1 | 1) => {
    const ids = waiting.map((w) => w.id);
    const from = ids.indexOf(c.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    saveOrder(ids, c, { id: c.id, control: by < 0 ? 'up' : 'down' });
  };

  const drop = (targetId: string) => {
    const dragged = waiting.find((w) => w.id === dragId);
    setDragId(null);
    setOverId(null);
    if (!dragged || dragged.id === targetId) return;
    const ids = waiting.map((w) => w.id).filter((id) => id !== dragged.id);
    const fromIndex = waiting.findIndex((w) => w.id === dragged.id);
    const targetIndex = waiting.findIndex((w) => w.id === targetId);
    // Dropped on a case below: it goes after that case; above: before it.
    const at = ids.indexOf(targetId) + (fromIndex < targetIndex ? 1 : 0);
    ids.splice(at, 0, dragged.id);
    saveOrder(ids, dragged);
  };

  const toggleUrgent = (c: QueuedCase) =>
    void action.run(async () => {
      focusAfter.current = { id: c.id, control: 'urgent' };
      onQueueChange(await setUrgent(c.id, !c.urgent));
      setAnnouncement(c.urgent ? `${c.title} is no longer urgent.` : `${c.title} is urgent: moved to the front.`);
    });

  const move = (c: QueuedCase, targetId: string) =>
    void action.run(async () => {
      const target = otherSessions.find((s) => s.id === targetId);
      await moveCase(c.id, targetId);
      setAnnouncement(`${c.title} moved to ${target ? sessionOptionLabel(target) : 'another session'}.`);
      onCaseLeft();
    });

  const dragProps = (c: QueuedCase) =>
    manager && isWaiting(c.status)
      ? {
          draggable: true,
          onDragStart: (e: DragEvent<HTMLLIElement>) => {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', c.id);
            setDragId(c.id);
          },
          onDragEnd: () => {
            setDragId(null);
            setOverId(null);
          },
          onDragOver: (e: DragEvent<HTMLLIElement>) => {
            if (!dragId) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            if (overId !== c.id) setOverId(c.id);
          },
          onDrop: (e: DragEvent<HTMLLIElement>) => {
            e.preventDefault();
            drop(c.id);
          },
        }
      : {};

  return (
    <section aria-labelledby="case-queue-title" className="panel case-queue">
      <div className="section-header">
        <h2 id="case-queue-title">Case queue</h2>
        {member && open && (
          <Link className="button button-primary" to={`/sessions/${session.id}/cases/new`}>
            Present a case
          </Link>
        )}
      </div>
      {mine.map((c) => (
        <p key={c.id} role="status" className="notice">
          Your case is number {c.position} in the queue{mine.length > 1 ? `: ${c.title}` : ''}.
        </p>
      ))}
      {cases.length === 0 ? (
        <p>No cases yet. Spokes present de-identified cases; the hub team and peers recommend next steps.</p>
      ) : (
        <>
          {manager && waiting.length > 1 && (
            <p className="hint">Drag a waiting case to reorder the queue, or use its Up and Down buttons.</p>
          )}
          <ol ref={list} className="case-queue-list" aria-label="Case queue">
            {cases.map((c) => {
              const index = waiting.findIndex((w) => w.id === c.id);
              const classes = [
                'case-queue-item',
                c.presenter.id === userId ? 'is-mine' : '',
                dragId === c.id ? 'is-dragging' : '',
                overId === c.id && dragId !== c.id ? 'is-drop-target' : '',
              ];
              return (
                <li key={c.id} className={classes.filter(Boolean).join(' ')} {...dragProps(c)}>
                  <span className="case-queue-position">
                    <span className="sr-only">Number </span>
                    {c.position}
                  </span>
                  <span className="case-queue-main">
                    <Link to={`/cases/${c.id}`}>{c.title}</Link>
                    <span className="hint">{c.presenter.id === userId ? 'You' : c.presenter.displayName}</span>
                    <CaseStatusBadge status={c.status} />
                    {c.urgent && <UrgentBadge />}
                  </span>
                  {manager && index >= 0 && (
                    <span className="case-queue-tools">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Move ${c.title} up`}
                        data-case={c.id}
                        data-control="up"
                        disabled={index === 0 || action.pending}
                        onClick={() => step(c, -1)}
                      >
                        ↑ Up
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Move ${c.title} down`}
                        data-case={c.id}
                        data-control="down"
                        disabled={index === waiting.length - 1 || action.pending}
                        onClick={() => step(c, 1)}
                      >
                        ↓ Down
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Mark ${c.title} urgent`}
                        aria-pressed={c.urgent}
                        data-case={c.id}
                        data-control="urgent"
                        disabled={action.pending}
                        onClick={() => toggleUrgent(c)}
                      >
                        Urgent
                      </button>
                      <MoveToSession
                        title={c.title}
                        sessions={otherSessions}
                        disabled={action.pending}
                        onMove={(id) => move(c, id)}
                      />
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
      <p role="status" className="hint">
        {action.pending ? 'Saving…' : announcement}
      </p>
      {action.error && <ErrorAlert error={action.error} />}
    </section>
  );
}

interface MoveToSessionProps {
  title: string;
  sessions: SessionDto[];
  disabled: boolean;
  onMove: (sessionId: string) => void;
}

/** Picks another upcoming session of the program and moves the case to the end of its queue. */
function MoveToSession({ title, sessions, disabled, onMove }: MoveToSessionProps) {
  const [target, setTarget] = useState('');
  if (sessions.length === 0) return null;
  return (
    <span className="case-move">
      <select
        aria-label={`Move ${title} to another session`}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
      >
        <option value="">Another session…</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {sessionOptionLabel(s)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        aria-label={`Move ${title} to the chosen session`}
        disabled={disabled || !target}
        onClick={() => onMove(target)}
      >
        Move
      </button>
    </span>
  );
}
