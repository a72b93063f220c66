import type { AssessmentRoundDto } from '@echo-hub/protocol';
import type { FormEvent } from 'react';
import { FormError } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { answerRound } from '../api/assessment';

const LEVELS = [0, 1, 2, 3, 4, 5];

/** My answer to the round: a score 0–5 for each dimension (sent again: replaces it). */
export function AnswerForm({
  programId,
  round,
  onSaved,
}: {
  programId: string;
  round: AssessmentRoundDto;
  onSaved: (round: AssessmentRoundDto) => void;
}) {
  const action = useAction();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const scores = round.dimensions.map((_, i) => Number(data.get(`d${i}`)));
    void action.run(async () => onSaved(await answerRound(programId, round.id, { scores })));
  };
  return (
    <form className="form answer-form" onSubmit={onSubmit} aria-labelledby="answer-title">
      <h3 id="answer-title">{round.myScores ? 'Your answer (change it if you wish)' : 'Your answer'}</h3>
      <p className="hint">0: nothing in place yet · 5: fully in place across the whole system.</p>
      <FormError error={action.error} fields={['scores']} />
      {round.dimensions.map((d, i) => (
        <fieldset key={`${round.id}-${d.name}`} className="score-row">
          <legend>
            {i + 1}. {d.name}
            <span className="hint"> {d.description}</span>
          </legend>
          {LEVELS.map((level) => (
            <label key={level} className="score-choice">
              <input
                type="radio"
                name={`d${i}`}
                value={level}
                required
                defaultChecked={round.myScores?.[i] === level}
              />{' '}
              {level}
            </label>
          ))}
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Save my answer
        </button>
      </div>
    </form>
  );
}
