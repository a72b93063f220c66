import { Link, useParams } from 'react-router-dom';

/** Placeholder until the live session room is built. */
export function LiveSessionPage() {
  const { sessionId = '' } = useParams();
  return (
    <section>
      <title>Live session · ECHO Hub</title>
      <h1>Live session</h1>
      <p className="notice">The live session room opens here.</p>
      <p>
        <Link to={`/sessions/${sessionId}`}>Back to the session</Link>
      </p>
    </section>
  );
}
