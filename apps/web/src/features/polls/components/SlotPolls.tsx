import type { PreparedPoll } from '@echo-hub/protocol';
import { useEffect, useState } from 'react';
import { useAction } from '../../../lib/useAction';
import { deletePreparedPoll, listPreparedPolls, preparePoll, replacePreparedPoll } from '../api/polls';
import { draftOf, emptyDraft, type PollDraft, toQuestion } from '../polls';
import { PollQuestionFields } from './PollQuestionFields';

interface SlotPollsProps {
  sessionId: string;
  agendaItemId: string;
  slotLabel: string;
}

/**
 * The polls prepared for one agenda slot (launched in the room by a host): added, changed and deleted here until
 * launched. It sits inside the agenda form, so it has no form of its own: its buttons are plain buttons.
 */
export function SlotPolls({ sessionId, agendaItemId, slotLabel }: SlotPollsProps) {
  const [polls, setPolls] = useState<PreparedPoll[]>([]);
  const [editing, setEditing] = useState<{ id: string | null; draft: PollDraft } | null>(null);
  const action = useAction();

  useEffect(() => {
    let live = true;
    listPreparedPolls(sessionId).then(
      (all) => live && setPolls(all.filter((p) => p.agendaItemId === agendaItemId && p.status === 'draft')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [sessionId, agendaItemId]);

  const save = () =>
    void action.run(async () => {
      if (!editing) return;
      const question = toQuestion(editing.draft, agendaItemId);
      const saved = editing.id
        ? await replacePreparedPoll(sessionId, editing.id, question)
        : await preparePoll(sessionId, question);
      setPolls((list) => (editing.id ? list.map((p) => (p.id === saved.id ? saved : p)) : [...list, saved]));
      setEditing(null);
    });
  const remove = (poll: PreparedPoll) =>
    void action.run(async () => {
      await deletePreparedPoll(sessionId, poll.id);
      setPolls((list) => list.filter((p) => p.id !== poll.id));
    });

  return (
    <div className="slot-polls" role="group" aria-label={`Polls for ${slotLabel}`}>
      <h4>Polls for this slot</h4>
      {polls.length > 0 && (
        <ul>
          {polls.map((p) => (
            <li key={p.id}>
              {p.question}
              <span className="hint">{p.knowledgeCheck ? ' · knowledge check' : ''}</span>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Edit poll: ${p.question}`}
                onClick={() => setEditing({ id: p.id, draft: draftOf(p) })}
              >
                Edit
              </button>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Delete poll: ${p.question}`}
                onClick={() => remove(p)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <div className="slot-poll-editor">
          <PollQuestionFields draft={editing.draft} onChange={(draft) => setEditing({ ...editing, draft })} />
          <div className="actions">
            <button type="button" className="button button-small" disabled={action.pending} onClick={save}>
              Save poll
            </button>
            <button type="button" className="link-button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button-small"
          onClick={() => setEditing({ id: null, draft: emptyDraft() })}
        >
          Prepare a poll
        </button>
      )}
      {action.error && (
        <p role="alert" className="field-error">
          {action.error.message}
        </p>
      )}
    </div>
  );
}
