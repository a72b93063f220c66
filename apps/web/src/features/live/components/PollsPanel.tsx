import { can, type PollView } from '@echo-hub/protocol';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useAction } from '../../../lib/useAction';
import { ActionError } from './ActionError';
import { type PollsState, usePolls } from '../hooks/usePolls';
import type { LiveRoomClient, LiveSnapshot } from '../lib/LiveRoomClient';
import { answerCount, emptyDraft, PollQuestionFields, toQuestion } from '../../polls';
import { PollAnswerForm } from './PollAnswerForm';
import { PollChart } from './PollChart';

interface PollsPanelProps {
  polls: PollsState;
  /** Hosts and experts (`live.run-polls`): ask, launch, close and share. */
  mayRun: boolean;
  people: string[];
  places: string[];
}

const STATUS_TEXT: Record<PollView['status'], string> = { draft: 'Prepared', open: 'Open', closed: 'Closed' };

/** The room's polls panel: runs the polls of the visit; whether you may run them comes from the permission table. */
export function RoomPolls({ room, snapshot }: { room: LiveRoomClient; snapshot: LiveSnapshot }) {
  const polls = usePolls(room, snapshot.status);
  const participants = snapshot.state?.participants ?? [];
  const role = participants.find((p) => p.userId === snapshot.you?.userId)?.role ?? null;
  const mayRun =
    Boolean(snapshot.you?.host) ||
    (role !== null && can({ role: role === 'admin' ? null : role, isAdmin: role === 'admin' }, 'live.run-polls'));
  return (
    <PollsPanel
      polls={polls}
      mayRun={mayRun}
      people={participants.map((p) => p.displayName)}
      places={snapshot.places}
    />
  );
}

/**
 * Polls and knowledge checks in the room, as a panel that opens and closes (a dot says a poll opened while it
 * was closed). Everyone answers the open polls and sees the live count and the shared results; hosts and
 * experts ask on the spot, launch prepared polls, close them and share the results.
 */
export function PollsPanel({ polls, mayRun, people, places }: PollsPanelProps) {
  const [open, setOpen] = useState(false);
  const [unseen, setUnseen] = useState(false);
  const bodyId = useId();
  const openIds = polls.polls
    .filter((p) => p.status === 'open')
    .map((p) => p.id)
    .join();
  const seenOpen = useRef(openIds);
  useEffect(() => {
    const before = new Set(seenOpen.current.split(','));
    if (!open && openIds.split(',').some((id) => id && !before.has(id))) setUnseen(true);
    seenOpen.current = openIds;
  }, [openIds, open]);

  const asked = polls.polls.filter((p) => p.status !== 'draft').reverse();
  const drafts = polls.polls.filter((p) => p.status === 'draft');
  return (
    <section role="region" aria-label="Polls" className="live-panel live-polls">
      <h2>
        <button
          type="button"
          className="live-panel-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => {
            setOpen(!open);
            setUnseen(false);
          }}
        >
          Polls
          {unseen && (
            <span className="live-notify-dot" role="img" aria-label="a new poll is open" title="A new poll is open" />
          )}
        </button>
      </h2>
      <p className="sr-only" aria-live="polite">
        {polls.announcement}
      </p>
      <div id={bodyId} hidden={!open}>
        {mayRun && <AskPoll onAsk={polls.ask} />}
        {mayRun && drafts.length > 0 && (
          <>
            <h3>Prepared</h3>
            <ul className="live-list">
              {drafts.map((p) => (
                <li key={p.id}>
                  <span>{p.question}</span>
                  <ActionButton label={`Launch: ${p.question}`} text="Launch" run={() => polls.launch(p.id)} />
                </li>
              ))}
            </ul>
          </>
        )}
        {asked.length === 0 ? (
          <p className="hint">No polls yet.</p>
        ) : (
          <ol className="live-poll-list">
            {asked.map((poll) => (
              <PollItem key={poll.id} poll={poll} polls={polls} mayRun={mayRun} people={people} places={places} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function PollItem({
  poll,
  polls,
  mayRun,
  people,
  places,
}: { poll: PollView } & Omit<PollsPanelProps, 'mayRun'> & {
    mayRun: boolean;
  }) {
  const results = poll.results ?? polls.ownResults[poll.id] ?? null;
  return (
    <li className="live-poll" aria-label={poll.question}>
      <p className="live-poll-head">
        <strong>{poll.question}</strong>
        <span className="hint">
          {' '}
          · {STATUS_TEXT[poll.status]}
          {poll.knowledgeCheck && ' · knowledge check'}
          {!poll.anonymous && ' · named'}
        </span>
      </p>
      <p className="live-poll-count" data-testid="poll-count">
        {answerCount(poll.answers)}
      </p>
      {poll.status === 'open' && (
        <PollAnswerForm
          poll={poll}
          answered={polls.answered.has(poll.id)}
          people={people}
          places={places}
          onAnswer={polls.answer}
        />
      )}
      {mayRun && (
        <div className="actions">
          {poll.status === 'open' && (
            <ActionButton label={`Close: ${poll.question}`} text="Close" run={() => polls.close(poll.id)} />
          )}
          {!poll.shared && (
            <ActionButton
              label={`Share results: ${poll.question}`}
              text="Share results"
              run={() => polls.share(poll.id)}
            />
          )}
        </div>
      )}
      {results && <PollChart poll={poll} results={results} />}
      {results && !poll.shared && <p className="hint">Only you see these results until you share them.</p>}
    </li>
  );
}

/** A button running a request, with the hub's refusal said next to it. */
function ActionButton({ label, text, run }: { label: string; text: string; run: () => Promise<void> }) {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-label={label}
        disabled={action.pending}
        onClick={() => void action.run(run)}
      >
        {text}
      </button>
      {action.error && (
        <span role="alert" className="live-error">
          {action.error.message}
        </span>
      )}
    </>
  );
}

/** Hosts: a question asked on the spot (created and opened at once). */
function AskPoll({ onAsk }: { onAsk: PollsState['ask'] }) {
  const [draft, setDraft] = useState(emptyDraft);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await onAsk(toQuestion(draft));
      setDraft(emptyDraft());
    });
  };
  return (
    <details className="live-poll-ask">
      <summary>Ask a question</summary>
      <form className="form" onSubmit={submit} aria-label="Ask a question">
        <PollQuestionFields draft={draft} onChange={setDraft} />
        <div className="actions">
          <button type="submit" className="button button-small button-primary" disabled={action.pending}>
            Ask now
          </button>
        </div>
        <ActionError error={action.error} />
      </form>
    </details>
  );
}
