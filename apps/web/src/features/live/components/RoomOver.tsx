import { Link } from 'react-router-dom';
import { SessionSurveyLink } from '../../surveys';

const TEXT = {
  ended: { heading: 'The session has ended', body: 'Thank you for taking part. All teach, all learn.' },
  removed: { heading: 'You were removed from the session', body: 'A host removed you from this live session.' },
} as const;

/** What is left on screen when the room is over for us, or could not be joined. */
export function RoomOver({
  sessionId,
  reason,
  problem,
  onRetry,
}: {
  sessionId: string;
  reason: 'ended' | 'removed' | 'failed';
  problem: string | null;
  onRetry: () => void;
}) {
  return (
    <section className="live-over">
      {reason === 'failed' ? (
        <>
          <h1>Cannot join the live session</h1>
          <p role="alert" className="alert">
            {problem ?? 'The live session could not be joined.'}
          </p>
          <p>
            <button type="button" className="button button-primary" onClick={onRetry}>
              Try again
            </button>
          </p>
        </>
      ) : (
        <>
          <h1 role="status">{TEXT[reason].heading}</h1>
          <p>{TEXT[reason].body}</p>
          {reason === 'ended' && <SessionSurveyLink sessionId={sessionId} />}
        </>
      )}
      <p>
        <Link to={`/sessions/${sessionId}`}>Back to the session page</Link>
      </p>
    </section>
  );
}
