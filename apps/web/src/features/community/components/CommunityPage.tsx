import type { GroupSummary } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { ErrorAlert, FormError, LoadFailure, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { canManage } from '../../programs';
import { createGroup, listBookmarks, listGroups } from '../api/community';
import { ago, plural } from '../lib/format';
import { LoadMore } from '../../../components/LoadMore';
import { SearchBox } from './SearchBox';
import '../community.css';

/** A program's community: its groups with unread badges, search, bookmarks, and for managers a new group. */
export function CommunityPage() {
  const { programId = '' } = useParams();
  const [searchParams] = useSearchParams();
  // Arriving from a session's or a case's page to start a thread about it: carried to the chosen group.
  const session = searchParams.get('session');
  const caseId = searchParams.get('case');
  const topic = session
    ? `?session=${encodeURIComponent(session)}`
    : caseId
      ? `?case=${encodeURIComponent(caseId)}`
      : '';
  const { user, memberships } = useAuth();
  const groups = useResource(`groups:${programId}`, () => listGroups(programId));
  const membership = memberships.find((m) => m.programId === programId);

  if (groups.status === 'loading') return <Loading>Loading the community…</Loading>;
  if (groups.status === 'error') return <LoadFailure error={groups.error} what="Community" />;
  const moderator = groups.data.some((g) => g.access.moderate);
  return (
    <article className="community-page">
      <title>{`Community · ${membership?.programName ?? 'ECHO Hub'}`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${programId}`}>← {membership?.programName ?? 'The program'}</Link>
      </p>
      <div className="page-header">
        <h1>Community</h1>
        {moderator && (
          <Link className="button" to={`/programs/${programId}/community/moderation`}>
            Moderation
          </Link>
        )}
      </div>
      <p className="lede">
        Peer support between sessions: ask, share what worked, and keep talking. All teach, all learn — and nothing that
        could identify a patient.
      </p>
      {session && <p className="notice">Choose a group, then start a thread to continue the session’s discussion.</p>}
      {caseId && <p className="notice">Choose a group, then start a thread to follow up the case.</p>}
      <SearchBox programId={programId} />
      <section aria-labelledby="groups-title" className="panel">
        <h2 id="groups-title">Groups</h2>
        {groups.data.length === 0 && <p>No groups yet.</p>}
        <ul className="group-list">
          {groups.data.map((g) => (
            <GroupRow key={g.id} group={g} topic={topic} />
          ))}
        </ul>
        {canManage(membership?.role ?? null, user) && <NewGroupForm programId={programId} onCreated={groups.reload} />}
      </section>
      <Bookmarks programId={programId} />
    </article>
  );
}

function GroupRow({ group: g, topic }: { group: GroupSummary; topic: string }) {
  const to = `/groups/${g.id}${g.access.post ? topic : ''}`;
  return (
    <li className={`group-row${g.unreadPosts ? ' group-unread' : ''}`}>
      <div>
        <h3>
          <Link to={to}>{g.name}</Link>
        </h3>
        {g.description && <p className="group-description">{g.description}</p>}
        <p className="hint">
          {g.access.read
            ? `${plural(g.threadCount, 'thread')}${g.lastPostAt ? ` · last post ${ago(g.lastPostAt)}` : ''}`
            : g.access.joinRequest === 'pending'
              ? 'You have asked to join'
              : 'Private: ask to join'}
        </p>
      </div>
      <div className="chips">
        {g.isPrivate && <span className="tag">Private</span>}
        {g.unreadPosts > 0 && (
          <span className="count-badge" aria-label={`${plural(g.unreadPosts, 'unread post')} in ${g.name}`}>
            {g.unreadPosts}
          </span>
        )}
      </div>
    </li>
  );
}

function NewGroupForm({ programId, onCreated }: { programId: string; onCreated: () => void }) {
  const action = useAction();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  if (!open) {
    return (
      <p>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          New group
        </button>
      </p>
    );
  }
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    void action.run(async () => {
      const group = await createGroup(programId, {
        name: String(data.get('name') ?? '').trim(),
        description: String(data.get('description') ?? '').trim(),
        private: data.get('private') === 'on',
      });
      onCreated();
      navigate(`/groups/${group.id}`);
    });
  };
  return (
    <form className="form inline-form" onSubmit={onSubmit} aria-labelledby="new-group-title" noValidate>
      <h3 id="new-group-title">New group</h3>
      <FormError error={action.error} fields={['name', 'description']} />
      <Field label="Group name" error={action.fieldError('name')}>
        {(p) => <input {...p} name="name" required maxLength={100} />}
      </Field>
      <Field label="What is it for?" error={action.fieldError('description')}>
        {(p) => <textarea {...p} name="description" rows={2} maxLength={2000} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" name="private" /> Private peer-support group (people ask to join; a moderator approves)
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Create group
        </button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Bookmarks({ programId }: { programId: string }) {
  const bookmarks = useResource(`bookmarks:${programId}`, () => listBookmarks(programId));
  const more = async () => {
    if (bookmarks.status !== 'ready' || !bookmarks.data.next) return;
    const page = await listBookmarks(programId, bookmarks.data.next);
    bookmarks.update((shown) => ({ items: [...shown.items, ...page.items], next: page.next }));
  };
  if (bookmarks.status !== 'ready' || (bookmarks.data.items.length === 0 && !bookmarks.data.next)) {
    return bookmarks.status === 'error' ? <ErrorAlert error={bookmarks.error} /> : null;
  }
  return (
    <section aria-labelledby="bookmarks-title" className="panel">
      <h2 id="bookmarks-title">Your bookmarks</h2>
      <ul className="plain-list">
        {bookmarks.data.items.map((b) => (
          <li key={b.postId}>
            <Link to={`/threads/${b.threadId}#post-${b.postId}`}>{b.threadTitle}</Link>{' '}
            <span className="muted-inline">
              · {b.author.displayName} in {b.groupName}: {b.excerpt}
            </span>
          </li>
        ))}
      </ul>
      {bookmarks.data.next && <LoadMore what="bookmarks" onMore={more} />}
    </section>
  );
}
