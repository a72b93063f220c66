import { onStage, type RoomState } from '@echo-hub/protocol';
import type { LiveRoomClient } from '../lib/LiveRoomClient';

interface WebinarPanelProps {
  state: RoomState;
  youId: string;
  host: boolean;
  room: LiveRoomClient;
}

/**
 * The webinar layout of a large session: hosts turn it on, bring people with a raised hand on stage and send them
 * back; viewers are told they watch (and receive only) until brought on stage.
 */
export function WebinarPanel({ state, youId, host, room }: WebinarPanelProps) {
  const webinar = !!state.webinar;
  const brought = (state.stageUserIds ?? [])
    .map((id) => state.participants.find((p) => p.userId === id))
    .filter((p) => p !== undefined);
  const waiting = state.hands.filter((h) => !onStage(state, h.userId));
  return (
    <section role="region" aria-label="Webinar stage" className="live-panel">
      <h2>Webinar stage</h2>
      {host && (
        <label className="checkbox">
          <input type="checkbox" checked={webinar} onChange={(e) => void room.setWebinar(e.target.checked)} />
          Webinar layout (only the stage sends audio and video)
        </label>
      )}
      {webinar && !host && (
        <p role="status" className="hint">
          {onStage(state, youId)
            ? 'You are on stage: everyone sees and hears you.'
            : 'You are watching. Raise your hand to be brought on stage.'}
        </p>
      )}
      {webinar && host && (
        <>
          <h3>Brought on stage</h3>
          {brought.length === 0 ? (
            <p className="hint">Nobody yet: the hub team is always on stage.</p>
          ) : (
            <ul className="live-list">
              {brought.map((p) => (
                <li key={p.userId}>
                  <span>{p.displayName}</span>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void room.setStage(p.userId, false)}
                  >
                    {`Send ${p.displayName} back`}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {waiting.length > 0 && (
            <>
              <h3>Hands raised</h3>
              <ul className="live-list">
                {waiting.map((h) => (
                  <li key={h.userId}>
                    <span>{h.displayName}</span>
                    <button
                      type="button"
                      className="button button-small button-primary"
                      onClick={() => void room.setStage(h.userId, true)}
                    >
                      {`Bring ${h.displayName} on stage`}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
