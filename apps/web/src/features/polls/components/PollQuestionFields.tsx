import { PollLimits } from '@echo-hub/protocol';
import { useId } from 'react';
import type { PollDraft } from '../polls';
import '../polls.css';

const KIND_LABELS: Record<PollDraft['kind'], string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  scale: 'Scale 1–5',
  text: 'Free text',
};

/**
 * The fields of a poll's question (asked on the spot in the room, or prepared on the agenda page): its kind,
 * the question, the options with the correct ones (a knowledge check), and whether answers are anonymous.
 */
export function PollQuestionFields({ draft, onChange }: { draft: PollDraft; onChange: (draft: PollDraft) => void }) {
  const id = useId();
  const choice = draft.kind === 'single' || draft.kind === 'multiple';
  const set = (change: Partial<PollDraft>) => onChange({ ...draft, ...change });
  const setOption = (i: number, text: string) => set({ options: draft.options.map((o, j) => (j === i ? text : o)) });
  const toggleCorrect = (i: number, on: boolean) =>
    set({
      correct: on ? (draft.kind === 'single' ? [i] : [...draft.correct, i]) : draft.correct.filter((x) => x !== i),
    });
  const removeOption = (i: number) =>
    set({
      options: draft.options.filter((_, j) => j !== i),
      correct: draft.correct.filter((x) => x !== i).map((x) => (x > i ? x - 1 : x)),
    });

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-question`}>Question</label>
        <input
          id={`${id}-question`}
          value={draft.question}
          maxLength={PollLimits.questionMaxLength}
          onChange={(e) => set({ question: e.target.value })}
        />
      </div>
      <fieldset className="radios">
        <legend>Kind</legend>
        {(Object.keys(KIND_LABELS) as PollDraft['kind'][]).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={draft.kind === kind}
              onChange={() => set({ kind, correct: kind === 'multiple' ? draft.correct : draft.correct.slice(0, 1) })}
            />{' '}
            {KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      {choice && (
        <fieldset className="poll-option-fields">
          <legend>Options (mark the correct ones for a knowledge check)</legend>
          {draft.options.map((option, i) => (
            <div key={i} className="poll-option-field">
              <label htmlFor={`${id}-option-${i}`} className="sr-only">
                Option {i + 1}
              </label>
              <input
                id={`${id}-option-${i}`}
                value={option}
                maxLength={PollLimits.optionMaxLength}
                placeholder={`Option ${i + 1}`}
                onChange={(e) => setOption(i, e.target.value)}
              />
              <label>
                <input
                  type="checkbox"
                  aria-label={`Option ${i + 1} is correct`}
                  checked={draft.correct.includes(i)}
                  onChange={(e) => toggleCorrect(i, e.target.checked)}
                />{' '}
                Correct
              </label>
              {draft.options.length > PollLimits.minOptions && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove option ${i + 1}`}
                  onClick={() => removeOption(i)}
                >
                  Remove
                </button>
              )}
            </div>
          ))}
          {draft.options.length < PollLimits.maxOptions && (
            <button
              type="button"
              className="button button-small"
              onClick={() => set({ options: [...draft.options, ''] })}
            >
              Add an option
            </button>
          )}
        </fieldset>
      )}
      <label className="poll-anonymous">
        <input type="checkbox" checked={draft.anonymous} onChange={(e) => set({ anonymous: e.target.checked })} />{' '}
        Anonymous (uncheck to show who answered what)
      </label>
    </>
  );
}
