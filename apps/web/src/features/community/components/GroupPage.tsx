import type { ConfirmedSpan, GroupSummary, SessionDto, ThreadSummary } from '@echo-hub/protocol';
import { can, ErrorCode } from '@echo-hub/protocol';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert, LoadFailure, Loading } from '../../../components/Status';
import { ApiError } from '../../../lib/api';
import { useAuth } from '../../../lib/auth';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { CoproductionRoles } from '../../coproduction';
import { listSessions } from '../../sessions';
import { askToJoin, createThread, getGroup, listThreads } from '../api/community';
import { community } from '../lib/connection';
import { ago, plural } from '../lib/format';
import { Composer } from './Composer';
import { GroupMembersPanel } from './GroupMembersPanel';
import { LoadMore } from '../../../components/LoadMore';
import '../community.css';

/** A group: its threads (pinned first, then by last activity) with unread counts, and a new-thread form. */
export function GroupPage() {
  const { groupId = '' } = useParams();
  const group = useResource(`group:${groupId}`, () => getGroup(groupId));
  const { user, memberships } = useAuth();

  if (group.status === 'loading') return <Loading>Loading the group…</Loading>;
  if (group.status === 'error') return <LoadFailure error={group.error} what="Group" />;
  const g = group.data;
  return (
    <article className="group-page">
      <title>{`${g.name} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${g.programId}/community`}>← Community</Link>
      </p>
      <div className="page-header">
        <h1>{g.name}</h1>
        <div className="chips">
          {g.isPrivate && <span className="tag">Private group</span>}
          {g.access.role === 'moderator' && <span className="tag">You moderate</span>}
        </div>
      </div>
      {g.description && <p className="lede">{g.description}</p>}
      {g.isPrivate && (
        <p className="hint">
          Only its members, its moderators and the programme’s facilitators and coordinators can read this group.
        </p>
      )}
      {g.access.read ? (
        <>
          <Threads group={g} />
          {g.access.moderate && <GroupMembersPanel group={g} onChanged={group.reload} />}
          {/* issue 20: group-level co-production roles */}
          <CoproductionRoles
            place={{ kind: 'groups', id: g.id }}
            programId={g.programId}
            manager={can(
              {
                role: memberships.find((m) => m.programId === g.programId)?.role ?? null,
                isAdmin: Boolean(user?.isAdmin),
              },
              'coproduction.manage',
            )}
          />
        </>
      ) : (
        <JoinPanel group={g} onAsked={group.reload} />
      )}
    </article>
  );
}

function JoinPanel({ group, onAsked }: { group: GroupSummary; onAsked: () => void }) {
  const action = useAction();
  const [message, setMessage] = useState('');
  if (group.access.joinRequest === 'pending') {
    return <p className="notice">You have asked to join. A moderator of the group will decide.</p>;
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await askToJoin(group.id, message.trim());
      onAsked();
    });
  };
  return (
    <form className="form panel narrow" onSubmit={onSubmit} aria-labelledby="join-title">
      <h2 id="join-title">Ask to join</h2>
      {group.access.joinRequest === 'declined' && <p>Your last request was declined; you may ask again.</p>}
      <label className="field">
        <span>A word for the moderators (optional)</span>
        <textarea value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} rows={3} />
      </label>
      {action.error && <ErrorAlert error={action.error} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Ask to join
        </button>
      </div>
    </form>
  );
}

function Threads({ group }: { group: GroupSummary }) {
  const { user } = useAuth();
  const threads = useResource(`threads:${group.id}`, () => listThreads(group.id));
  const [searchParams] = useSearchParams();
  const [composing, setComposing] = useState(searchParams.has('session'));
  const counted = useRef(new Set<string>());
  const { update: updatePage } = threads;
  const update = useCallback(
    (change: (list: ThreadSummary[]) => ThreadSummary[]) =>
      updatePage((page) => ({ ...page, items: change(page.items) })),
    [updatePage],
  );
  const loadMore = async () => {
    if (threads.status !== 'ready' || !threads.data.next) return;
    const more = await listThreads(group.id, threads.data.next);
    updatePage((page) => {
      const known = new Set(page.items.map((t) => t.id));
      return { items: [...page.items, ...more.items.filter((t) => !known.has(t.id))], next: more.next };
    });
  };

  useEffect(() => {
    const me = user?.id;
    const stop = [
      community.watch({ groupId: group.id }),
      community.on('community:post', (e) => {
        if (e.groupId !== group.id || counted.current.has(e.post.id)) return;
        counted.current.add(e.post.id);
        update((list) =>
          list.map((t) =>
            t.id === e.threadId
              ? {
                  ...t,
                  lastPostAt: e.post.createdAt,
                  replyCount: t.replyCount + 1,
                  unreadPosts: t.unreadPosts + (e.post.author.id === me ? 0 : 1),
                }
              : t,
          ),
        );
      }),
      community.on('community:thread', (e) => {
        update((list) => {
          const known = list.find((t) => t.id === e.thread.id);
          if (e.thread.groupId !== group.id) return list.filter((t) => t.id !== e.thread.id);
          if (known) return list.map((t) => (t.id === e.thread.id ? { ...e.thread, unreadPosts: t.unreadPosts } : t));
          return [{ ...e.thread, unreadPosts: e.thread.author.id === me ? 0 : 1 }, ...list];
        });
      }),
      community.onReconnect(threads.reload),
    ];
    return () => stop.forEach((off) => off());
  }, [group.id, update, threads.reload, user?.id]);

  const sorted =
    threads.status === 'ready'
      ? [...threads.data.items].sort(
          (a, b) => Number(b.pinned) - Number(a.pinned) || b.lastPostAt.localeCompare(a.lastPostAt),
        )
      : [];
  return (
    <section aria-labelledby="threads-title" className="panel">
      <div className="section-header">
        <h2 id="threads-title">Threads</h2>
        {group.access.post && !composing && (
          <button type="button" className="button button-primary" onClick={() => setComposing(true)}>
            New thread
          </button>
        )}
      </div>
      {composing && <NewThreadForm group={group} onCancel={() => setComposing(false)} />}
      {threads.status === 'loading' && <Loading>Loading threads…</Loading>}
      {threads.status === 'error' && <ErrorAlert error={threads.error} />}
      {threads.status === 'ready' && sorted.length === 0 && <p>No threads yet. Start the first one.</p>}
      {sorted.length > 0 && (
        <ul className="thread-list">
          {sorted.map((t) => (
            <ThreadRow key={t.id} thread={t} />
          ))}
        </ul>
      )}
      {threads.status === 'ready' && threads.data.next && <LoadMore what="threads" onMore={loadMore} />}
    </section>
  );
}

function ThreadRow({ thread: t }: { thread: ThreadSummary }) {
  return (
    <li className={`thread-row${t.unreadPosts ? ' thread-unread' : ''}`}>
      <div>
        <h3>
          <Link to={`/threads/${t.id}`}>{t.title}</Link>
        </h3>
        <p className="hint">
          {t.author.displayName} · {plural(t.replyCount, 'reply', 'replies')} · last post {ago(t.lastPostAt)}
        </p>
      </div>
      <div className="chips">
        {t.pinned && <span className="tag">Pinned</span>}
        {t.locked && <span className="tag tag-warn">Locked</span>}
        {t.hidden && <span className="tag tag-warn">Hidden</span>}
        {t.unreadPosts > 0 && (
          <span className="count-badge" aria-label={plural(t.unreadPosts, 'unread post')}>
            {t.unreadPosts}
          </span>
        )}
      </div>
    </li>
  );
}

function NewThreadForm({ group, onCancel }: { group: GroupSummary; onCancel: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [title, setTitle] = useState('');
  const [sessionId, setSessionId] = useState(searchParams.get('session') ?? '');
  const [caseId, setCaseId] = useState(searchParams.get('case') ?? '');
  const [sessions, setSessions] = useState<SessionDto[]>([]);
  const clientId = useRef(crypto.randomUUID());

  useEffect(() => {
    let live = true;
    const now = Date.now();
    listSessions(group.programId, new Date(now - 90 * 86_400_000), new Date(now + 120 * 86_400_000)).then(
      (list) => live && setSessions(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [group.programId]);

  const start = async (body: string, confirmedSpans: ConfirmedSpan[]) => {
    if (!title.trim()) {
      throw new ApiError({ statusCode: 400, error: ErrorCode.ValidationFailed, message: 'Give the thread a title.' });
    }
    const created = await createThread(group.id, {
      title: title.trim(),
      body,
      clientId: clientId.current,
      ...(sessionId ? { sessionId } : {}),
      ...(caseId ? { caseId } : {}),
      ...(confirmedSpans.length ? { confirmedSpans } : {}),
    });
    navigate(`/threads/${created.id}`);
  };

  return (
    <div className="new-thread inline-form">
      <h3>Start a thread</h3>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
      </div>
      {sessions.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-session`}>Continue the discussion of a session (optional)</label>
          <select id={`${id}-session`} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
            <option value="">No session</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} — {new Date(s.startsAt).toLocaleDateString()}
              </option>
            ))}
          </select>
        </div>
      )}
      {caseId && (
        <p className="notice">
          This thread will follow up the case you came from; its readers who may see the case get a link to it.{' '}
          <button type="button" className="link-button" onClick={() => setCaseId('')}>
            Do not link the case
          </button>
        </p>
      )}
      <Composer
        groupId={group.id}
        label="Opening post"
        submitLabel="Start thread"
        onSubmit={start}
        onCancel={onCancel}
      />
    </div>
  );
}
