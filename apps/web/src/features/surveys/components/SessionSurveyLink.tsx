import type { PendingSurveyDto } from '@echo-hub/protocol';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { listPendingSurveys } from '../api/surveys';

/**
 * After a session ends, the link to its survey. The server sends the survey just after it
 * closes the room, so this looks a few times before giving up (then the notice will show it).
 */
export function SessionSurveyLink({ sessionId }: { sessionId: string }) {
  const [survey, setSurvey] = useState<PendingSurveyDto | null>(null);
  useEffect(() => {
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      const found = (await listPendingSurveys().catch(() => [])).find((s) => s.sessionId === sessionId);
      if (found) setSurvey(found);
      else if (++tries < 12) timer = setTimeout(() => void look(), 1500);
    };
    void look();
    return () => clearTimeout(timer);
  }, [sessionId]);
  if (!survey) return null;
  return (
    <p className="notice">
      How was it? <Link to={`/surveys/${survey.id}`}>Answer the two-minute survey</Link> — it helps the hub team, and it
      is anonymous.
    </p>
  );
}
