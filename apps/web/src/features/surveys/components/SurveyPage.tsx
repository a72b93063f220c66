import { CONFIDENCE_SCALE, type SurveyAnswer, type SurveyDto, type SurveyQuestion } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { FormError, LoadFailure, Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { answerSurvey, getMySurvey, SURVEYS_CHANGED } from '../api/surveys';
import '../surveys.css';

/** `/surveys/:surveyId`: a survey sent to me, answered once. */
export function SurveyPage() {
  const { surveyId = '' } = useParams();
  const survey = useResource(`survey:${surveyId}`, () => getMySurvey(surveyId));
  const [sent, setSent] = useState(false);

  if (survey.status === 'loading') return <Loading>Loading the survey…</Loading>;
  if (survey.status === 'error') return <LoadFailure error={survey.error} what="Survey" />;
  const s = survey.data;
  return (
    <article className="survey">
      <title>{`${s.title} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${s.programId}`}>← {s.programName}</Link>
      </p>
      <h1>{s.title}</h1>
      {s.sessionTitle && s.sessionStartsAt && (
        <p className="lede">
          {s.sessionTitle}, {formatDate(s.sessionStartsAt)}
        </p>
      )}
      {sent || s.answered ? (
        <p role="status" className="notice">
          {sent ? 'Thank you: your answers are in.' : 'You have answered this survey already. Thank you.'} Your answers
          are kept without your name.
        </p>
      ) : (
        <SurveyForm survey={s} onSent={() => setSent(true)} />
      )}
    </article>
  );
}

function SurveyForm({ survey, onSent }: { survey: SurveyDto; onSent: () => void }) {
  const action = useAction();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const number = (name: string) => {
      const v = data.get(name);
      return typeof v === 'string' && v ? Number(v) : undefined;
    };
    const answers = survey.questions.flatMap((q): SurveyAnswer[] => {
      if (q.kind === 'rating') return number(q.id) === undefined ? [] : [{ questionId: q.id, value: number(q.id) }];
      if (q.kind === 'confidence') {
        const before = number(`${q.id}-before`);
        const value = number(q.id);
        return before === undefined && value === undefined ? [] : [{ questionId: q.id, before, value }];
      }
      const text = data.get(q.id);
      return typeof text === 'string' && text.trim() ? [{ questionId: q.id, text: text.trim() }] : [];
    });
    void action.run(async () => {
      await answerSurvey(survey.id, { answers });
      window.dispatchEvent(new Event(SURVEYS_CHANGED));
      onSent();
    });
  };
  return (
    <form className="form survey-form" onSubmit={onSubmit} aria-label={survey.title}>
      {survey.intro && <p>{survey.intro}</p>}
      {survey.questions.map((q) => (
        <Question key={q.id} question={q} />
      ))}
      <FormError error={action.error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Send answers
        </button>
      </div>
    </form>
  );
}

/** 1…5 as radio buttons; `words` name each point (or only the two ends). */
function Scale({
  name,
  legend,
  words,
  required,
}: {
  name: string;
  legend: string;
  words: string[];
  required: boolean;
}) {
  return (
    <fieldset className="scale">
      <legend>{legend}</legend>
      <div className="scale-options">
        {[1, 2, 3, 4, 5].map((v) => {
          const word = words.length === 5 ? words[v - 1] : v === 1 ? words[0] : v === 5 ? words[1] : '';
          return (
            <label key={v}>
              <input type="radio" name={name} value={v} required={required} />
              <span>{word ? `${v} — ${word}` : String(v)}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function Question({ question: q }: { question: SurveyQuestion }) {
  const optional = q.required ? '' : ' (optional)';
  if (q.kind === 'rating') {
    return (
      <div className="survey-question">
        <Scale name={q.id} legend={q.text + optional} words={q.scale ?? ['Poor', 'Excellent']} required={q.required} />
      </div>
    );
  }
  if (q.kind === 'confidence') {
    return (
      <fieldset className="survey-question confidence">
        <legend>{q.text + optional}</legend>
        <p className="hint">How confident do you feel doing this?</p>
        <Scale
          name={`${q.id}-before`}
          legend="Before this session"
          words={[...CONFIDENCE_SCALE]}
          required={q.required}
        />
        <Scale name={q.id} legend="Now" words={[...CONFIDENCE_SCALE]} required={q.required} />
      </fieldset>
    );
  }
  if (q.kind === 'choice') {
    return (
      <fieldset className="survey-question">
        <legend>{q.text + optional}</legend>
        {(q.options ?? []).map((o) => (
          <label key={o} className="choice">
            <input type="radio" name={q.id} value={o} required={q.required} /> {o}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div className="survey-question field">
      <label htmlFor={`survey-${q.id}`}>{q.text + optional}</label>
      <textarea id={`survey-${q.id}`} name={q.id} rows={4} maxLength={4000} required={q.required} />
    </div>
  );
}
