import { Link } from 'react-router-dom';
import { useResource } from '../../../lib/useResource';
import { sessionThreads } from '../api/community';
import { plural } from '../lib/format';

/** On a session's page: threads that continue its discussion, and a way to start one. */
export function SessionDiscussion({ sessionId, programId }: { sessionId: string; programId: string }) {
  const threads = useResource(`session-threads:${sessionId}`, () => sessionThreads(sessionId));
  return (
    <section aria-labelledby="discussion-title" className="panel">
      <h2 id="discussion-title">Discussion</h2>
      {threads.status === 'ready' && threads.data.length > 0 && (
        <ul className="plain-list">
          {threads.data.map((t) => (
            <li key={t.id}>
              <Link to={`/threads/${t.id}`}>{t.title}</Link>{' '}
              <span className="muted-inline">· {plural(t.replyCount, 'reply', 'replies')}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/programs/${programId}/community?session=${encodeURIComponent(sessionId)}`}>
          Continue the discussion in the community
        </Link>
      </p>
    </section>
  );
}
