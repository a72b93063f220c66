import { can, CASE_STAGES, type CaseStage, type JoinResponse, type LiveCase, type RoomState } from '@echo-hub/protocol';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/useResource';
import { getCase, FIELD_LABELS, sexLabel, CaseAttachmentList, isWaiting } from '../../cases';
import { getSession } from '../../sessions';
import type { LiveRoomClient } from '../lib/LiveRoomClient';
import { CaseNotesEditor } from './CaseNotesEditor';
import { SlotTimer } from './SlotTimer';

export const STAGE_LABELS: Record<CaseStage, string> = {
  presentation: 'Presentation',
  'clarifying-spokes': 'Clarifying questions — spokes',
  'clarifying-hub': 'Clarifying questions — hub',
  'recommendations-spokes': 'Recommendations — spokes',
  'recommendations-hub': 'Recommendations — hub',
  summary: 'Summary',
};

interface CasePanelProps {
  sessionId: string;
  state: RoomState;
  you: JoinResponse['you'];
  room: LiveRoomClient;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The case being presented: the case itself, its stage with a countdown, and the shared
 * recommendations editor (hosts and experts write, everyone reads). Hosts open the next case
 * from the session's queue, move through the stages and close the case.
 */
export function CasePanel({ sessionId, state, you, room }: CasePanelProps) {
  const live = state.liveCase;
  const [error, setError] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!live && !you.host) return null;

  const run = async (work: () => Promise<void>, done?: string) => {
    setBusy(true);
    setError(null);
    setClosed(null);
    try {
      await work();
      if (done) setClosed(done);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section role="region" aria-label="Case" className="live-panel live-case-panel">
      <h2>Case</h2>
      {live ? (
        <OpenCase key={live.caseId} live={live} state={state} you={you} room={room} busy={busy} run={run} />
      ) : (
        <NextCase sessionId={sessionId} room={room} busy={busy} run={run} />
      )}
      {closed && (
        <p role="status" className="notice">
          {closed}
        </p>
      )}
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </section>
  );
}

type Run = (work: () => Promise<void>, done?: string) => Promise<void>;

/** No case open: the host sees which case is next in the queue and opens it. */
function NextCase({
  sessionId,
  room,
  busy,
  run,
}: {
  sessionId: string;
  room: LiveRoomClient;
  busy: boolean;
  run: Run;
}) {
  const session = useResource(`live-queue:${sessionId}`, () => getSession(sessionId));
  if (session.status === 'loading') return <Loading>Loading the case queue…</Loading>;
  if (session.status === 'error') return <ErrorAlert error={session.error} />;
  const waiting = session.data.cases.filter((c) => isWaiting(c.status));
  const next = waiting[0];
  return (
    <>
      {next ? (
        <p>
          Next in the queue: <strong>{next.title}</strong>, presented by {next.presenter.displayName}
          {waiting.length > 1 && <span className="hint"> ({waiting.length - 1} more waiting)</span>}
        </p>
      ) : (
        <p>No case is waiting in this session&rsquo;s queue.</p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-primary button-small"
          disabled={!next || busy}
          onClick={() => next && void run(() => room.openCase(next.id))}
        >
          Open next case
        </button>
        <button type="button" className="link-button" onClick={session.reload}>
          Refresh the queue
        </button>
      </div>
    </>
  );
}

interface OpenCaseProps {
  live: LiveCase;
  state: RoomState;
  you: JoinResponse['you'];
  room: LiveRoomClient;
  busy: boolean;
  run: Run;
}

function OpenCase({ live, state, you, room, busy, run }: OpenCaseProps) {
  const found = useResource(`live-case:${live.caseId}`, () => getCase(live.caseId));
  const flushNotes = useRef<(() => Promise<void>) | null>(null);
  const role = state.participants.find((p) => p.userId === you.userId)?.role;
  const editor = can({ role: role === 'admin' ? null : (role ?? null), isAdmin: role === 'admin' }, 'live.write-notes');
  const stageIndex = CASE_STAGES.indexOf(live.stage);
  const next = CASE_STAGES[stageIndex + 1];

  return (
    <>
      <p className="live-case-not-recorded">
        {state.recording ? 'Case discussion — recorded with everyone’s consent' : 'Case discussion — not recorded'}
      </p>
      {found.status === 'loading' && <Loading>Loading the case…</Loading>}
      {found.status === 'error' && <ErrorAlert error={found.error} />}
      {found.status === 'ready' && (
        <>
          <h3>{found.data.title}</h3>
          <p className="live-case-meta hint">
            Presented by {found.data.presenter.displayName}
            {found.data.ageBand && ` · age ${found.data.ageBand}`}
            {found.data.sex && ` · ${sexLabel(found.data.sex)}`} ·{' '}
            <Link to={`/cases/${found.data.id}`} target="_blank" rel="noopener">
              Open the case page
            </Link>
          </p>
          <p>
            <strong>{FIELD_LABELS.presentingQuestion}:</strong>{' '}
            <span className="case-text">{found.data.presentingQuestion}</span>
          </p>
          <p className="case-text">{found.data.summary}</p>
          <details className="live-case-details">
            <summary>More about the case</summary>
            {(['history', 'medications', 'investigations', 'tried', 'socialContext', 'specificQuestions'] as const)
              .filter((field) => found.data[field])
              .map((field) => (
                <p key={field}>
                  <strong>{FIELD_LABELS[field]}:</strong> <span className="case-text">{found.data[field]}</span>
                </p>
              ))}
          </details>
          {found.data.attachments.length > 0 && (
            <CaseAttachmentList caseId={found.data.id} attachments={found.data.attachments} />
          )}
        </>
      )}
      <div className="live-case-stage-line">
        <p>
          Stage: <strong>{STAGE_LABELS[live.stage]}</strong>
        </p>
        <SlotTimer
          timer={{ slot: null, startedAt: live.stageStartedAt, seconds: live.stageSeconds }}
          label={STAGE_LABELS[live.stage]}
        />
      </div>
      {you.host && (
        <>
          <p>
            <button
              type="button"
              className="button button-small button-primary"
              disabled={!next || busy}
              onClick={() => next && void run(() => room.setCaseStage(next))}
            >
              Next stage
            </button>
            {next && <span className="hint"> then {STAGE_LABELS[next]}</span>}
          </p>
          <div className="live-case-stages" role="group" aria-label="Case stage">
            {CASE_STAGES.map((stage) => (
              <button
                key={stage}
                type="button"
                className="button button-small"
                aria-pressed={stage === live.stage}
                disabled={busy}
                onClick={() => void run(() => room.setCaseStage(stage))}
              >
                {STAGE_LABELS[stage]}
              </button>
            ))}
          </div>
        </>
      )}
      {editor ? (
        <CaseNotesEditor remote={live.notes} onSend={(text) => room.setCaseNotes(text)} flushRef={flushNotes} />
      ) : (
        <div className="live-case-notes">
          <h3>Recommendations</h3>
          <p className="live-case-notes-readonly case-text">
            {live.notes || 'The hub team writes the recommendations here during the discussion.'}
          </p>
        </div>
      )}
      {you.host && (
        <p>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await flushNotes.current?.();
                await room.closeCase();
              }, 'Case closed. The recommendations were saved for the presenter.')
            }
          >
            Close case
          </button>
        </p>
      )}
    </>
  );
}
