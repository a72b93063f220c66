import {
  FLAG_REASONS,
  type FlagReason,
  type PostDto,
  type PostRevisionDto,
  REACTIONS,
  type ReactionSummary,
} from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { toApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import {
  deletePost,
  editPost,
  flagPost,
  hidePost,
  postRevisions,
  react,
  restorePost,
  setBookmark,
} from '../api/community';
import { ago, fullTime } from '../lib/format';
import { Composer } from './Composer';
import { PostBody } from './PostBody';

export const FLAG_LABELS: Record<FlagReason, string> = {
  identifiable: 'Could identify a patient or service user',
  inappropriate: 'Unkind or inappropriate',
  spam: 'Spam or advertising',
  off_topic: 'Off topic',
  other: 'Something else',
};

interface PostViewProps {
  post: PostDto;
  groupId: string;
  me: string;
  canPost: boolean;
  moderator: boolean;
  locked: boolean;
  bookmarked: boolean;
  replyingTo: { id: string; name: string } | null;
  onReply: (post: PostDto) => void;
  onQuote: (post: PostDto) => void;
  onChanged: (post: PostDto) => void;
  onReactions: (postId: string, reactions: ReactionSummary[]) => void;
  onBookmarked: (postId: string, on: boolean) => void;
}

/** One post: author and time, the text, reactions, and what the reader may do with it. */
export function PostView(props: PostViewProps) {
  const { post, me, moderator, bookmarked } = props;
  const [mode, setMode] = useState<'view' | 'edit' | 'flag' | 'hide' | 'delete' | 'history'>('view');
  const [revisions, setRevisions] = useState<PostRevisionDto[] | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const mine = post.author.id === me;
  const gone = post.deleted || (post.hidden && !post.body);
  const canEdit = !post.deleted && (moderator || (mine && !props.locked));

  const run = async (work: () => Promise<void>, done = '') => {
    setProblem('');
    try {
      await work();
      setStatus(done);
      setMode('view');
    } catch (e) {
      setProblem(errorText(toApiError(e)));
    }
  };

  const toggleReaction = (emoji: string) => {
    const active = !post.reactions.find((r) => r.emoji === emoji)?.userIds.includes(me);
    void run(async () => props.onReactions(post.id, await react(post.id, emoji, active)));
  };

  const showHistory = () =>
    void run(async () => {
      setRevisions(await postRevisions(post.id));
    }).then(() => setMode('history'));

  const onFlag = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const reason = String(data.get('reason')) as FlagReason;
    const note = String(data.get('note') ?? '').trim();
    void run(async () => {
      await flagPost(post.id, { reason, ...(note ? { note } : {}) });
    }, 'Thank you: the moderators will look at it.');
  };

  const onHide = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    void run(async () => props.onChanged(await hidePost(post.id, reason)), 'Hidden.');
  };

  const author = post.author.displayName || 'Someone';
  return (
    <article
      className={`post${post.opening ? ' post-opening' : ''}${mine ? ' post-mine' : ''}`}
      aria-label={`Post by ${author}`}
      id={`post-${post.id}`}
    >
      <header className="post-header">
        <strong className="post-author">{author}</strong>
        <time dateTime={post.createdAt} title={fullTime(post.createdAt)}>
          {ago(post.createdAt)}
        </time>
        {props.replyingTo && (
          <a className="replying-to" href={`#post-${props.replyingTo.id}`}>
            replying to {props.replyingTo.name}
          </a>
        )}
        {post.editedAt && !post.deleted && (
          <button
            type="button"
            className="link-button edited"
            onClick={showHistory}
            title={`Edited ${fullTime(post.editedAt)}`}
          >
            edited
          </button>
        )}
      </header>

      {post.deleted && <p className="post-removed">This post was deleted.</p>}
      {post.hidden && (
        <p className="post-removed">
          Hidden by a moderator{post.hiddenReason ? `: ${post.hiddenReason}` : ''}.
          {post.body && ' Only you and the moderators can see it.'}
        </p>
      )}
      {mode === 'edit' ? (
        <Composer
          groupId={props.groupId}
          label="Edit your post"
          submitLabel="Save changes"
          initial={post.body}
          autoFocus
          onSubmit={async (body, confirmedSpans) => {
            props.onChanged(await editPost(post.id, body, confirmedSpans));
            setMode('view');
          }}
          onCancel={() => setMode('view')}
        />
      ) : (
        !gone && <PostBody html={post.bodyHtml} />
      )}

      {mode === 'history' && revisions && (
        <section className="revisions" aria-label="Edit history">
          <h4>Earlier versions</h4>
          {revisions.length === 0 && <p>No earlier versions.</p>}
          <ol>
            {revisions.map((r) => (
              <li key={r.id}>
                <p className="hint">
                  Before {r.editor.displayName}’s edit, {fullTime(r.createdAt)}:
                </p>
                <pre className="revision-text">{r.body}</pre>
              </li>
            ))}
          </ol>
          <button type="button" className="link-button" onClick={() => setMode('view')}>
            Close history
          </button>
        </section>
      )}

      {!gone && (
        <div className="reactions" role="group" aria-label="Reactions">
          {REACTIONS.map((emoji) => {
            const r = post.reactions.find((x) => x.emoji === emoji);
            const pressed = Boolean(r?.userIds.includes(me));
            if (!r && !props.canPost) return null;
            return (
              <button
                key={emoji}
                type="button"
                className={`reaction${r ? ' reaction-used' : ''}`}
                aria-pressed={pressed}
                aria-label={`${emoji} ${r?.count ?? 0}`}
                disabled={!props.canPost}
                onClick={() => toggleReaction(emoji)}
              >
                <span aria-hidden="true">{emoji}</span>
                {r && <span className="reaction-count">{r.count}</span>}
              </button>
            );
          })}
        </div>
      )}

      {!gone && mode !== 'edit' && (
        <div className="post-actions">
          {props.canPost && (
            <>
              <button type="button" className="link-button" onClick={() => props.onReply(post)}>
                Reply
              </button>
              <button type="button" className="link-button" onClick={() => props.onQuote(post)}>
                Quote
              </button>
            </>
          )}
          <button
            type="button"
            className="link-button"
            aria-pressed={bookmarked}
            onClick={() =>
              void run(
                async () => {
                  await setBookmark(post.id, !bookmarked);
                  props.onBookmarked(post.id, !bookmarked);
                },
                bookmarked ? 'Bookmark removed.' : 'Bookmarked.',
              )
            }
          >
            {bookmarked ? 'Bookmarked' : 'Bookmark'}
          </button>
          {canEdit && (
            <button type="button" className="link-button" onClick={() => setMode('edit')}>
              Edit
            </button>
          )}
          {(mine || moderator) && (
            <button type="button" className="link-button" onClick={() => setMode('delete')}>
              Delete
            </button>
          )}
          {!mine && (
            <button type="button" className="link-button" onClick={() => setMode('flag')}>
              Flag
            </button>
          )}
          {moderator && !post.hidden && (
            <button type="button" className="link-button" onClick={() => setMode('hide')}>
              Hide
            </button>
          )}
        </div>
      )}
      {moderator && post.hidden && !post.deleted && (
        <div className="post-actions">
          <button
            type="button"
            className="link-button"
            onClick={() => void run(async () => props.onChanged(await restorePost(post.id)), 'Restored.')}
          >
            Restore
          </button>
        </div>
      )}

      {mode === 'delete' && (
        <div className="confirm" role="group" aria-label="Confirm delete">
          <p>Delete this post? Moderators can still see it, and the audit log records it.</p>
          <div className="actions">
            <button
              type="button"
              className="button button-danger button-small"
              onClick={() => void run(async () => props.onChanged(await deletePost(post.id)), 'Deleted.')}
            >
              Yes, delete
            </button>
            <button type="button" className="link-button" onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {mode === 'flag' && (
        <form className="form inline-flag" onSubmit={onFlag} aria-label="Flag this post">
          <fieldset className="radios">
            <legend>Why should a moderator look at it?</legend>
            {FLAG_REASONS.map((reason, i) => (
              <label key={reason}>
                <input type="radio" name="reason" value={reason} defaultChecked={i === 0} /> {FLAG_LABELS[reason]}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>Note for the moderators (optional)</span>
            <input name="note" maxLength={500} />
          </label>
          <div className="actions">
            <button type="submit" className="button button-small">
              Send flag
            </button>
            <button type="button" className="link-button" onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === 'hide' && (
        <form className="form inline-flag" onSubmit={onHide} aria-label="Hide this post">
          <label className="field">
            <span>Reason (shown to the author)</span>
            <input
              name="reason"
              required
              maxLength={500}
              defaultValue="Contains information that could identify someone"
            />
          </label>
          <div className="actions">
            <button type="submit" className="button button-danger button-small">
              Hide post
            </button>
            <button type="button" className="link-button" onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
      <p role="status" className="hint">
        {status}
      </p>
    </article>
  );
}
