import type { AgendaItemDto, LivePhase, RoomState } from '@echo-hub/protocol';
import { useEffect, useRef, useState } from 'react';
import { slotLabel } from '../lib/format';
import type { LiveRoomClient } from '../lib/LiveRoomClient';

interface FacilitatorPanelProps {
  state: RoomState;
  agenda: AgendaItemDto[];
  room: LiveRoomClient;
}

interface PhaseStep {
  key: string;
  label: string;
  phase: LivePhase;
  slot: number | null;
}

/** The running order from the agenda: introductions, each didactic and case slot (its timer starts), wrap-up. */
function phaseSteps(agenda: AgendaItemDto[]): PhaseStep[] {
  return [
    { key: 'introductions', label: 'Introductions', phase: 'introductions', slot: null },
    ...agenda.map((item, i) => ({
      key: item.id,
      label: `${slotLabel(item, i, agenda)} (${item.minutes} min)`,
      phase: item.kind === 'didactic' ? ('didactic' as const) : ('cases' as const),
      slot: i,
    })),
    { key: 'wrap-up', label: 'Wrap-up', phase: 'wrap-up', slot: null },
  ];
}

/** The hosts' controls: open the room, move through the agenda, mute, lock, end. */
export function FacilitatorPanel({ state, agenda, room }: FacilitatorPanelProps) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmEnd) confirmButton.current?.focus();
  }, [confirmEnd]);

  const spotlighted = state.participants.find((p) => p.userId === state.spotlightId);
  const presenter = state.participants.find((p) => p.userId === state.presenterId);
  return (
    <section role="region" aria-label="Facilitator controls" className="live-panel live-facilitator">
      <h2>Facilitator controls</h2>
      {!state.open && (
        <p>
          <button type="button" className="button button-primary" onClick={() => void room.openRoom()}>
            Open session
          </button>
          <span className="hint"> Spokes in the lobby join when you open it.</span>
        </p>
      )}
      <h3>Running order</h3>
      <ol className="live-steps">
        {phaseSteps(agenda).map((step) => {
          const current = state.phase === step.phase && state.timer.slot === step.slot;
          return (
            <li key={step.key}>
              <button
                type="button"
                className="button button-small"
                aria-pressed={current}
                onClick={() => void room.setPhase(step.phase, step.slot)}
              >
                {step.label}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="button" className="button button-small" onClick={() => void room.mute()}>
          Mute all
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={state.recording}
          disabled={!state.recording && (state.phase === 'cases' || state.liveCase !== null)}
          title="Didactic slots record by themselves; case discussions only with everyone’s consent"
          onClick={() => void room.record(!state.recording)}
        >
          {state.recording ? 'Stop recording' : 'Start recording'}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => void room.recordConsent(state.participants.filter((p) => p.online).map((p) => p.userId))}
        >
          Everyone present consents to recording the next case
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={state.locked}
          onClick={() => void room.lock(!state.locked)}
        >
          Lock room
        </button>
        {spotlighted && (
          <button type="button" className="button button-small" onClick={() => void room.spotlight(null)}>
            Clear spotlight ({spotlighted.displayName})
          </button>
        )}
        {presenter && (
          <button type="button" className="button button-small" onClick={() => void room.makePresenter(null)}>
            Clear presenter ({presenter.displayName})
          </button>
        )}
      </div>
      {confirmEnd ? (
        <div className="live-confirm" role="group" aria-label="Confirm ending the session">
          <p>End the session for everyone? Everybody is disconnected and the session is marked as ended.</p>
          <div className="actions">
            <button
              ref={confirmButton}
              type="button"
              className="button button-danger"
              onClick={() => void room.endForAll()}
            >
              Yes, end for everyone
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirmEnd(false);
                requestAnimationFrame(() => endButton.current?.focus());
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button ref={endButton} type="button" className="button button-danger" onClick={() => setConfirmEnd(true)}>
            End session for all
          </button>
        </p>
      )}
    </section>
  );
}
