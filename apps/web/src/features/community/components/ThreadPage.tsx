import type { ConfirmedSpan, GroupSummary, PostDto, ReactionSummary, ThreadDetail } from '@echo-hub/protocol';
import { CommunityLimits } from '@echo-hub/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { LoadMore } from '../../../components/LoadMore';
import { LoadFailure, Loading } from '../../../components/Status';
import { type ApiError, type ApiPage, toApiError } from '../../../lib/api';
import { useAuth } from '../../../lib/auth';
import { errorText } from '../../../lib/errors';
import {
  getThread,
  listGroups,
  markThreadRead,
  moveThread,
  replyTo,
  threadPosts,
  updateThread,
} from '../api/community';
import { community } from '../lib/connection';
import { notificationsChanged } from '../lib/events';
import { fullTime } from '../lib/format';
import { displayOrder, flattenTree, quoteMarkdown } from '../lib/tree';
import { Composer, type ComposerHandle } from './Composer';
import { PostView } from './PostView';
import '../community.css';

interface Loaded {
  detail: ThreadDetail;
  /** Every post loaded so far, flat; live events and later pages add and replace by id, so nothing shows twice. */
  posts: PostDto[];
  /** The cursor of the posts not loaded yet (the thread's later pages); null when all are in. */
  next: string | null;
  bookmarks: Set<string>;
}

const upsert = (posts: PostDto[], post: PostDto) =>
  posts.some((p) => p.id === post.id) ? posts.map((p) => (p.id === post.id ? post : p)) : [...posts, post];

/** A later page of posts into the loaded state. */
const withPage = (s: Loaded, page: ApiPage<PostDto>): Loaded => ({
  ...s,
  posts: page.items.reduce(upsert, s.posts),
  next: page.next,
});

/** A fresh client id per draft: a retry of the same draft is stored once. */
const newClientId = () => crypto.randomUUID();

/** A thread: its posts as a tree (indented up to four levels), live updates, reply and moderation. */
export function ThreadPage() {
  const { threadId = '' } = useParams();
  const { user } = useAuth();
  const [state, setState] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [replyTarget, setReplyTarget] = useState<PostDto | null>(null);
  const mainComposer = useRef<ComposerHandle>(null);
  const replyComposer = useRef<ComposerHandle>(null);
  const clientIds = useRef(new Map<string, string>());
  const readTimer = useRef<number | undefined>(undefined);
  /** What the live handlers need to know of the loaded thread. */
  const seen = useRef({ moderate: false, groupId: '' });
  useEffect(() => {
    if (state) seen.current = { moderate: state.detail.access.moderate, groupId: state.detail.groupId };
  }, [state]);

  const load = useCallback(async () => {
    try {
      const detail = await getThread(threadId);
      setState({
        detail,
        posts: flattenTree(detail.posts),
        next: detail.nextPostsCursor,
        bookmarks: new Set(detail.bookmarkedPostIds),
      });
      setError(null);
    } catch (e) {
      setError(toApiError(e));
    }
  }, [threadId]);

  const markRead = useCallback(() => {
    window.clearTimeout(readTimer.current);
    readTimer.current = window.setTimeout(() => {
      if (document.visibilityState === 'hidden') return;
      void markThreadRead(threadId).then(notificationsChanged, () => undefined);
    }, 800);
  }, [threadId]);

  useEffect(() => {
    setState(null);
    void load().then(markRead);
  }, [load, markRead]);

  useEffect(() => {
    const stop = [
      community.watch({ threadId }),
      community.on('community:post', (e) => {
        if (e.threadId !== threadId) return;
        setState((s) => s && { ...s, posts: upsert(s.posts, e.post) });
        markRead();
      }),
      community.on('community:postUpdated', (e) => {
        if (e.threadId !== threadId) return;
        // Broadcasts carry what everyone may see; a moderator (or the author) reloads to see a hidden post.
        setState((s) => s && { ...s, posts: upsert(s.posts, e.post) });
        const ownHidden = e.post.author.id === user?.id && (e.post.hidden || e.post.deleted);
        if ((e.post.hidden || e.post.deleted) && (seen.current.moderate || ownHidden)) void load();
      }),
      community.on('community:reaction', (e) => {
        if (e.threadId !== threadId) return;
        setState(
          (s) => s && { ...s, posts: s.posts.map((p) => (p.id === e.postId ? { ...p, reactions: e.reactions } : p)) },
        );
      }),
      community.on('community:thread', (e) => {
        if (e.thread.id !== threadId) return;
        if (e.thread.groupId !== seen.current.groupId) void load();
        setState((s) => s && { ...s, detail: { ...s.detail, ...e.thread, unreadPosts: 0 } });
      }),
      community.onReconnect(() => void load()),
    ];
    return () => stop.forEach((off) => off());
  }, [threadId, load, markRead, user?.id]);

  useEffect(() => () => window.clearTimeout(readTimer.current), []);

  // A link to one post (from a notification, search or bookmark) scrolls to it once the thread is in, loading the
  // thread's later pages first when the post is on one of them.
  const { hash } = useLocation();
  const wanted = hash.startsWith('#post-') ? hash.slice('#post-'.length) : '';
  const hasWanted = state !== null && (!wanted || state.posts.some((p) => p.id === wanted));
  const next = state?.next ?? null;
  useEffect(() => {
    if (!wanted || hasWanted || !next) return;
    let live = true;
    threadPosts(threadId, next, wanted).then(
      (page) => live && setState((s) => s && withPage(s, page)),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [threadId, wanted, hasWanted, next]);
  useEffect(() => {
    if (wanted && hasWanted) document.getElementById(`post-${wanted}`)?.scrollIntoView({ block: 'center' });
  }, [wanted, hasWanted]);
  const morePosts = async () => {
    if (!state?.next) return;
    const page = await threadPosts(threadId, state.next);
    setState((s) => s && withPage(s, page));
  };

  const order = useMemo(() => (state ? displayOrder(state.posts, CommunityLimits.indentLevels) : []), [state]);

  if (error) return <LoadFailure error={error} what="Thread" />;
  if (!state) return <Loading>Loading the thread…</Loading>;

  const { detail } = state;
  const me = user?.id ?? '';
  const canPost = detail.access.post;

  const send = async (body: string, parent: PostDto | null, confirmedSpans: ConfirmedSpan[]) => {
    const key = parent?.id ?? '';
    const clientId = clientIds.current.get(key) ?? newClientId();
    clientIds.current.set(key, clientId);
    const post = await replyTo(threadId, {
      body,
      clientId,
      ...(parent ? { parentId: parent.id } : {}),
      ...(confirmedSpans.length ? { confirmedSpans } : {}),
    });
    clientIds.current.delete(key);
    setState((s) => s && { ...s, posts: upsert(s.posts, post) });
    if (parent) setReplyTarget(null);
  };

  const changed = (post: PostDto) => setState((s) => s && { ...s, posts: upsert(s.posts, post) });
  const reactions = (postId: string, list: ReactionSummary[]) =>
    setState((s) => s && { ...s, posts: s.posts.map((p) => (p.id === postId ? { ...p, reactions: list } : p)) });
  const bookmarked = (postId: string, on: boolean) =>
    setState((s) => {
      if (!s) return s;
      const next = new Set(s.bookmarks);
      if (on) next.add(postId);
      else next.delete(postId);
      return { ...s, bookmarks: next };
    });

  return (
    <article className="thread-page">
      <title>{`${detail.title} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${detail.programId}/community`}>Community</Link> ›{' '}
        <Link to={`/groups/${detail.group.id}`}>{detail.group.name}</Link>
      </p>
      <div className="page-header">
        <h1>{detail.title}</h1>
        <div className="chips">
          {detail.group.isPrivate && <span className="tag">Private group</span>}
          {detail.pinned && <span className="tag">Pinned</span>}
          {detail.locked && <span className="tag tag-warn">Locked</span>}
          {detail.hidden && <span className="tag tag-warn">Hidden</span>}
        </div>
      </div>
      {detail.session && (
        <p className="notice">
          Continues the discussion of <Link to={`/sessions/${detail.session.id}`}>{detail.session.title}</Link> (
          {fullTime(detail.session.startsAt)}).
        </p>
      )}
      {detail.case && (
        <p className="notice">
          {detail.case.visible ? (
            <>
              Follows up the case <Link to={`/cases/${detail.case.id}`}>{detail.case.title}</Link>.
            </>
          ) : (
            'Follows up a case that you cannot see.'
          )}
        </p>
      )}
      {detail.access.moderate && (
        <ModeratorTools
          detail={detail}
          onChanged={(t) => setState((s) => s && { ...s, detail: { ...s.detail, ...t } })}
        />
      )}

      <ol className="post-list" aria-label="Posts">
        {order.map(({ post, depth, replyingTo }) => (
          <li key={post.id} className={`post-item depth-${depth}`}>
            <PostView
              post={post}
              groupId={detail.groupId}
              me={me}
              canPost={canPost}
              moderator={detail.access.moderate}
              locked={detail.locked}
              bookmarked={state.bookmarks.has(post.id)}
              replyingTo={replyingTo}
              onReply={(p) => {
                setReplyTarget(p);
                requestAnimationFrame(() => replyComposer.current?.focus());
              }}
              onQuote={(p) => mainComposer.current?.insert(quoteMarkdown(p))}
              onChanged={changed}
              onReactions={reactions}
              onBookmarked={bookmarked}
            />
            {replyTarget?.id === post.id && (
              <div className="inline-reply">
                <Composer
                  ref={replyComposer}
                  groupId={detail.groupId}
                  label={`Your reply to ${post.author.displayName}`}
                  submitLabel="Post reply"
                  autoFocus
                  onSubmit={(body, confirmed) => send(body, post, confirmed)}
                  onCancel={() => setReplyTarget(null)}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
      {state.next && <LoadMore what="posts" onMore={morePosts} />}

      {canPost ? (
        <section aria-labelledby="reply-title" className="panel">
          <h2 id="reply-title">Reply to the thread</h2>
          <Composer
            ref={mainComposer}
            groupId={detail.groupId}
            label="Your reply"
            submitLabel="Post reply"
            onSubmit={(body, confirmed) => send(body, null, confirmed)}
          />
        </section>
      ) : (
        <p className="notice">This thread is locked: only moderators can reply.</p>
      )}
    </article>
  );
}

/** Pin, lock and move: for the group's moderators (and facilitators, coordinators, admins). */
function ModeratorTools({
  detail,
  onChanged,
}: {
  detail: ThreadDetail;
  onChanged: (t: Partial<ThreadDetail>) => void;
}) {
  const [groups, setGroups] = useState<GroupSummary[]>([]);
  const [problem, setProblem] = useState('');
  const [target, setTarget] = useState('');
  useEffect(() => {
    let live = true;
    listGroups(detail.programId).then(
      (list) => live && setGroups(list.filter((g) => g.access.moderate && g.id !== detail.groupId)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [detail.programId, detail.groupId]);

  const act = (work: () => Promise<Partial<ThreadDetail>>) => {
    setProblem('');
    work().then(onChanged, (e: unknown) => setProblem(errorText(toApiError(e))));
  };

  return (
    <section className="moderator-tools" aria-label="Moderator tools">
      <button
        type="button"
        className="button button-small"
        onClick={() => act(() => updateThread(detail.id, { pinned: !detail.pinned }))}
      >
        {detail.pinned ? 'Unpin' : 'Pin'}
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => act(() => updateThread(detail.id, { locked: !detail.locked }))}
      >
        {detail.locked ? 'Unlock' : 'Lock'}
      </button>
      {groups.length > 0 && (
        <span className="move-thread">
          <label>
            Move to{' '}
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">choose a group…</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            className="button button-small"
            disabled={!target}
            onClick={() => act(() => moveThread(detail.id, target))}
          >
            Move
          </button>
        </span>
      )}
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
