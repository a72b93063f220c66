import { ErrorAlert, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { listAccessibilityNeeds } from '../api/coproduction';

/** For the session's facilitators only: the accessibility needs people gave when they registered. */
export function AccessibilityNeeds({ sessionId }: { sessionId: string }) {
  const needs = useResource(`accessibility-needs:${sessionId}`, () => listAccessibilityNeeds(sessionId));
  return (
    <section aria-labelledby="accessibility-title" className="panel">
      <h2 id="accessibility-title">Accessibility needs</h2>
      <p className="hint">Given at registration; shown to the session’s facilitators and coordinators only.</p>
      {needs.status === 'loading' && <Loading>Loading accessibility needs…</Loading>}
      {needs.status === 'error' && <ErrorAlert error={needs.error} />}
      {needs.status === 'ready' &&
        (needs.data.length === 0 ? (
          <p>Nobody has told us of accessibility needs.</p>
        ) : (
          <ul className="plain-list" aria-label="Accessibility needs">
            {needs.data.map((n) => (
              <li key={n.userId}>
                <strong>{n.displayName}</strong>: {n.needs}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
