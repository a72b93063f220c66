import type { FlaggedPostDto } from '@echo-hub/protocol';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, LoadFailure, Loading } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { auditLog, dismissFlags, hidePost, listFlagged } from '../api/community';
import { fullTime } from '../lib/format';
import { LoadMore } from '../../../components/LoadMore';
import { FLAG_LABELS } from './PostView';
import '../community.css';

/** For moderators: posts people flagged, and the audit log of every moderator action. */
export function ModerationPage() {
  const { programId = '' } = useParams();
  const flagged = useResource(`flags:${programId}`, () => listFlagged(programId));
  const audit = useResource(`audit:${programId}`, () => auditLog(programId));
  const moreFlagged = async () => {
    if (flagged.status !== 'ready' || !flagged.data.next) return;
    const more = await listFlagged(programId, flagged.data.next);
    flagged.update((page) => ({ items: [...page.items, ...more.items], next: more.next }));
  };
  const moreAudit = async () => {
    if (audit.status !== 'ready' || !audit.data.next) return;
    const more = await auditLog(programId, audit.data.next);
    audit.update((page) => ({ items: [...page.items, ...more.items], next: more.next }));
  };

  if (flagged.status === 'loading') return <Loading>Loading the moderation queue…</Loading>;
  if (flagged.status === 'error') return <LoadFailure error={flagged.error} what="Moderation" />;
  const refresh = () => {
    flagged.reload();
    audit.reload();
  };
  return (
    <article className="moderation-page">
      <title>Moderation · ECHO Hub</title>
      <p className="breadcrumb">
        <Link to={`/programs/${programId}/community`}>← Community</Link>
      </p>
      <h1>Moderation</h1>
      <section aria-labelledby="flags-title" className="panel">
        <h2 id="flags-title">Flagged posts</h2>
        {flagged.data.items.length === 0 && <p>Nothing is waiting for a moderator.</p>}
        <ul className="plain-list flag-list">
          {flagged.data.items.map((p) => (
            <FlaggedPost key={p.postId} post={p} onDone={refresh} />
          ))}
        </ul>
        {flagged.data.next && <LoadMore what="flagged posts" onMore={moreFlagged} />}
      </section>
      <section aria-labelledby="audit-title" className="panel">
        <h2 id="audit-title">Audit log</h2>
        {audit.status === 'loading' && <Loading>Loading the audit log…</Loading>}
        {audit.status === 'error' && <ErrorAlert error={audit.error} />}
        {audit.status === 'ready' && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Group</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>{fullTime(a.createdAt)}</td>
                    <td>{a.actor?.displayName ?? 'The system'}</td>
                    <td>{a.action}</td>
                    <td>{a.groupName ?? ''}</td>
                    <td>{a.threadId ? <Link to={`/threads/${a.threadId}`}>{a.detail || 'thread'}</Link> : a.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {audit.status === 'ready' && audit.data.next && <LoadMore what="entries" onMore={moreAudit} />}
      </section>
    </article>
  );
}

function FlaggedPost({ post, onDone }: { post: FlaggedPostDto; onDone: () => void }) {
  const action = useAction();
  const [reason, setReason] = useState('Contains information that could identify someone');
  return (
    <li className="flagged">
      <p>
        <Link to={`/threads/${post.threadId}#post-${post.postId}`}>{post.threadTitle}</Link>{' '}
        <span className="muted-inline">
          · {post.author.displayName} in {post.groupName}
          {post.hidden ? ' · hidden' : ''}
        </span>
      </p>
      <blockquote>{post.excerpt}</blockquote>
      <ul>
        {post.flags.map((f, i) => (
          <li key={i}>
            {FLAG_LABELS[f.reason]} — {f.by.displayName}
            {f.note ? `: “${f.note}”` : ''}
          </li>
        ))}
      </ul>
      {action.error && <ErrorAlert error={action.error} />}
      <div className="actions">
        {!post.hidden && (
          <>
            <label>
              Reason <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
            </label>
            <button
              type="button"
              className="button button-danger button-small"
              disabled={!reason.trim() || action.pending}
              onClick={() => void action.run(async () => void (await hidePost(post.postId, reason.trim()), onDone()))}
            >
              Hide post
            </button>
          </>
        )}
        <button
          type="button"
          className="button button-small"
          disabled={action.pending}
          onClick={() => void action.run(async () => void (await dismissFlags(post.postId), onDone()))}
        >
          Dismiss flags
        </button>
      </div>
    </li>
  );
}
