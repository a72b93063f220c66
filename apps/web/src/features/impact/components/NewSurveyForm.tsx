import {
  type SurveyAudience,
  type SurveyQuestionInput,
  SURVEY_QUESTION_KINDS,
  type SurveyQuestionKind,
} from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { createSurvey } from '../api/impact';

const KIND_LABELS: Record<SurveyQuestionKind, string> = {
  rating: 'Rating, 1 to 5',
  confidence: 'Confidence before and after',
  text: 'Free text',
  choice: 'One of several options',
};

interface Draft {
  key: number;
  kind: SurveyQuestionKind;
  text: string;
  options: string;
}

let nextKey = 1;
const blank = (kind: SurveyQuestionKind = 'rating'): Draft => ({ key: nextKey++, kind, text: '', options: '' });

/** A program-level survey: a title and questions, sent to the participants (or everyone) at once. */
export function NewSurveyForm({ programId, onCreated }: { programId: string; onCreated: () => void }) {
  const action = useAction();
  const [title, setTitle] = useState('');
  const [audience, setAudience] = useState<SurveyAudience>('participants');
  const [questions, setQuestions] = useState<Draft[]>(() => [blank('rating'), blank('text')]);
  const [done, setDone] = useState('');
  const change = (key: number, patch: Partial<Draft>) =>
    setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...patch } : q)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    void action.run(async () => {
      const body: SurveyQuestionInput[] = questions.map((q) => ({
        kind: q.kind,
        text: q.text.trim(),
        ...(q.kind === 'choice'
          ? {
              options: q.options
                .split('\n')
                .map((o) => o.trim())
                .filter(Boolean),
            }
          : {}),
      }));
      const created = await createSurvey(programId, { title: title.trim(), questions: body, audience });
      setDone(`Sent “${created.title}” to ${created.sent} ${created.sent === 1 ? 'person' : 'people'}.`);
      setTitle('');
      setQuestions([blank('rating'), blank('text')]);
      onCreated();
    });
  };

  return (
    <form className="form new-survey" aria-labelledby="new-survey-title" onSubmit={onSubmit} noValidate>
      <h3 id="new-survey-title">New program survey</h3>
      <FormError error={action.error} fields={['title']} />
      <Field label="Survey title" error={action.fieldError('title')}>
        {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />}
      </Field>
      <Field label="Send to">
        {(p) => (
          <select {...p} value={audience} onChange={(e) => setAudience(e.target.value as SurveyAudience)}>
            <option value="participants">Participants</option>
            <option value="everyone">Every member</option>
          </select>
        )}
      </Field>
      {questions.map((q, i) => (
        <fieldset key={q.key} className="survey-question-editor">
          <legend>Question {i + 1}</legend>
          <Field label={`Question ${i + 1} kind`}>
            {(p) => (
              <select
                {...p}
                value={q.kind}
                onChange={(e) => change(q.key, { kind: e.target.value as SurveyQuestionKind })}
              >
                {SURVEY_QUESTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={`Question ${i + 1} text`} error={action.fieldError(`questions.${i}.text`)}>
            {(p) => (
              <input {...p} value={q.text} onChange={(e) => change(q.key, { text: e.target.value })} maxLength={300} />
            )}
          </Field>
          {q.kind === 'choice' && (
            <Field
              label={`Question ${i + 1} options, one per line`}
              error={action.fieldError(`questions.${i}.options`)}
            >
              {(p) => (
                <textarea
                  {...p}
                  rows={3}
                  value={q.options}
                  onChange={(e) => change(q.key, { options: e.target.value })}
                />
              )}
            </Field>
          )}
          {questions.length > 1 && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}
            >
              Remove question {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="button" onClick={() => setQuestions((qs) => [...qs, blank()])}>
          Add question
        </button>
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Send survey
        </button>
      </div>
      <p role="status" className="hint">
        {done}
      </p>
    </form>
  );
}
