import { Link } from 'react-router-dom';
import { useResource } from '../../../lib/useResource';
import { caseThreads, sessionThreads } from '../api/community';
import { plural } from '../lib/format';

/** What a discussion is about: a session ("continue the discussion") or a case ("follow up"). */
export type DiscussionTopic = { kind: 'session'; id: string } | { kind: 'case'; id: string };

const WORDING = {
  session: 'Continue the discussion in the community',
  case: 'Start a follow-up discussion in the community',
};

/** On a session's or a case's page: the community threads about it, and a way to start one. */
export function Discussion({ about, programId }: { about: DiscussionTopic; programId: string }) {
  const threads = useResource(`${about.kind}-threads:${about.id}`, () =>
    about.kind === 'session' ? sessionThreads(about.id) : caseThreads(about.id),
  );
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
        <Link to={`/programs/${programId}/community?${about.kind}=${encodeURIComponent(about.id)}`}>
          {WORDING[about.kind]}
        </Link>
      </p>
    </section>
  );
}
