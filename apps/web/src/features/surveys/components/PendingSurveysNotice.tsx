import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useResource } from '../../../lib/useResource';
import { listPendingSurveys, SURVEYS_CHANGED } from '../api/surveys';
import '../surveys.css';

/** A notice under the top bar while a survey sent to me waits for an answer. */
export function PendingSurveysNotice() {
  const location = useLocation();
  const [changed, setChanged] = useState(0);
  useEffect(() => {
    const reload = () => setChanged((n) => n + 1);
    window.addEventListener(SURVEYS_CHANGED, reload);
    return () => window.removeEventListener(SURVEYS_CHANGED, reload);
  }, []);
  // Looked at again on every page change, and when a survey was answered.
  const pending = useResource(`pending-surveys:${location.pathname}:${changed}`, listPendingSurveys);
  if (pending.status !== 'ready') return null;
  const waiting = pending.data.filter((s) => location.pathname !== `/surveys/${s.id}`);
  if (waiting.length === 0) return null;
  const [first] = waiting;
  return (
    <aside className="survey-notice" aria-label="Surveys to answer">
      <p>
        {waiting.length === 1 ? 'A survey is waiting for you: ' : `${waiting.length} surveys are waiting for you: `}
        <strong>{first.title}</strong>
        {!first.title.includes(first.programName) && <span className="muted-inline"> ({first.programName})</span>}
        {' — '}
        <Link to={`/surveys/${first.id}`}>Answer the survey</Link>
        <span className="muted-inline"> (two minutes, anonymous)</span>
      </p>
    </aside>
  );
}
