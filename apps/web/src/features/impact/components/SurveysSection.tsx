import { useState } from 'react';
import { ErrorAlert, Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/time';
import { useResource } from '../../../lib/useResource';
import { listSurveys } from '../api/impact';
import { percent } from './charts/scale';
import { NewSurveyForm } from './NewSurveyForm';
import { SurveyResults } from './SurveyResults';

/** Post-session and program surveys with their response rates; results on demand; a new survey for managers. */
export function SurveysSection({
  programId,
  manager,
  version,
}: {
  programId: string;
  manager: boolean;
  /** Bumped by the page when the report reloads, so the list follows. */
  version: number;
}) {
  const [created, setCreated] = useState(0);
  const surveys = useResource(`surveys:${programId}:${version}:${created}`, () => listSurveys(programId));
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="surveys-title" className="panel">
      <h2 id="surveys-title">Surveys</h2>
      <p className="hint">
        Everyone who attends a session as a participant is asked the post-session survey when the session ends; it stays
        open for 14 days. Answers are kept without names.
      </p>
      {surveys.status === 'loading' && <Loading>Loading surveys…</Loading>}
      {surveys.status === 'error' && <ErrorAlert error={surveys.error} />}
      {surveys.status === 'ready' &&
        (surveys.data.length === 0 ? (
          <p>No surveys yet.</p>
        ) : (
          <ul className="survey-list">
            {surveys.data.slice(0, 20).map((s) => (
              <li key={s.id}>
                <div className="survey-row">
                  <span>
                    <strong>{s.title}</strong>
                    <span className="muted-inline">
                      {' '}
                      · {formatDate(s.createdAt)} · {s.responded} of {s.sent} answered ({percent(s.responseRate)})
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button button-small"
                    aria-expanded={open === s.id}
                    onClick={() => setOpen(open === s.id ? null : s.id)}
                  >
                    {open === s.id ? 'Hide results' : 'Results'}
                  </button>
                </div>
                {open === s.id && <SurveyResults programId={programId} surveyId={s.id} />}
              </li>
            ))}
          </ul>
        ))}
      {manager && <NewSurveyForm programId={programId} onCreated={() => setCreated((n) => n + 1)} />}
    </section>
  );
}
