import { PollLimits, type PollAnswerRequest, type PollView } from '@echo-hub/protocol';
import { type FormEvent, useId, useState } from 'react';
import { useGate } from '../hooks/useGate';
import { useAction } from '../../../lib/useAction';
import { ActionError } from './ActionError';
import { GateFindings } from './GateFindings';

interface PollAnswerFormProps {
  poll: PollView;
  answered: boolean;
  people: string[];
  places: string[];
  onAnswer: (request: PollAnswerRequest) => Promise<void>;
}

/** Answering an open poll: radios (single, 1–5 scale), checkboxes (multiple) or a text box through the gate. */
export function PollAnswerForm({ poll, answered, people, places, onAnswer }: PollAnswerFormProps) {
  const [choices, setChoices] = useState<number[]>([]);
  const [text, setText] = useState('');
  const action = useAction();
  const textId = useId();
  const findingsId = useId();
  const typed = text.trim();
  const gate = useGate(poll.kind === 'text' ? typed : '', people, places);
  const multiple = poll.kind === 'multiple';
  const ready = poll.kind === 'text' ? typed !== '' && gate.unconfirmed.length === 0 : choices.length > 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || action.pending) return;
    void action.run(() =>
      onAnswer(
        poll.kind === 'text'
          ? { pollId: poll.id, text: typed, confirmedSpans: gate.spans }
          : { pollId: poll.id, choices },
      ),
    );
  };

  return (
    <form className="live-poll-answer" onSubmit={submit} aria-label={`Answer: ${poll.question}`}>
      {poll.kind === 'text' ? (
        <div className="field">
          <label htmlFor={textId}>{poll.question}</label>
          <textarea
            id={textId}
            rows={2}
            value={text}
            maxLength={PollLimits.textMaxLength}
            aria-describedby={gate.findings.length ? findingsId : undefined}
            aria-invalid={gate.unconfirmed.length > 0}
            onChange={(e) => setText(e.target.value)}
          />
          <GateFindings id={findingsId} findings={gate.findings} confirmed={gate.confirmed} onConfirm={gate.confirm} />
        </div>
      ) : (
        <fieldset className="radios live-poll-options">
          <legend>{poll.question}</legend>
          {poll.options.map((option, i) => (
            <label key={i}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`poll-${poll.id}`}
                checked={choices.includes(i)}
                onChange={(e) =>
                  setChoices((c) =>
                    multiple ? (e.target.checked ? [...c, i] : c.filter((x) => x !== i)) : e.target.checked ? [i] : c,
                  )
                }
              />{' '}
              {option}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="button button-small button-primary" disabled={!ready || action.pending}>
          {answered ? 'Change answer' : 'Send answer'}
        </button>
        <p role="status" className="hint">
          {answered ? 'Answer sent. You can change it while the poll is open.' : ''}
        </p>
      </div>
      <ActionError error={action.error} />
    </form>
  );
}
