import { CONFIDENCE_SCALE } from '@echo-hub/protocol';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { getSurveyResults } from '../api/impact';

const one = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(1));

/** One survey's answers, question by question; free text without names. */
export function SurveyResults({ programId, surveyId }: { programId: string; surveyId: string }) {
  const results = useResource(`survey-results:${surveyId}`, () => getSurveyResults(programId, surveyId));
  if (results.status === 'loading') return <Loading>Loading the results…</Loading>;
  if (results.status === 'error') return <ErrorAlert error={results.error} />;
  const r = results.data;
  return (
    <div className="survey-results">
      <p>
        {r.responded} of {r.sent} answered.
      </p>
      <ol>
        {r.questions.map((q) => (
          <li key={q.id}>
            <strong>{q.text}</strong>
            {q.rating && (
              <p>
                Mean {one(q.rating.mean)} from {q.rating.n} answers (1–5: {q.rating.distribution.join(' · ')})
              </p>
            )}
            {q.confidence && (
              <p>
                Before {one(q.confidence.meanBefore)}, after {one(q.confidence.meanAfter)} ({q.confidence.improved} of{' '}
                {q.confidence.n} more confident; 1 = {CONFIDENCE_SCALE[0].toLowerCase()}, 5 ={' '}
                {CONFIDENCE_SCALE[4].toLowerCase()})
              </p>
            )}
            {q.answers &&
              (q.answers.length ? (
                <ul className="free-text">
                  {q.answers.map((a, i) => (
                    <li key={i}>{a}</li>
                  ))}
                </ul>
              ) : (
                <p className="hint">No answers yet.</p>
              ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
