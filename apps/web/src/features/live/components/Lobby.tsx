import type { RoomState } from '@echo-hub/protocol';
import { formatTime } from '../../../lib/time';

/** Where spokes wait until a host opens the room; early arrivals see when it starts. */
export function Lobby({ state, youId, startsAt }: { state: RoomState; youId: string; startsAt: string }) {
  const here = state.participants.filter((p) => p.online && p.userId !== youId);
  const minutesToStart = Math.ceil((Date.parse(startsAt) - Date.now()) / 60_000);
  return (
    <div className="live-lobby">
      <h2 role="status">
        {state.open ? 'Waiting for the facilitator to let you in' : 'Waiting for the facilitator to open the session'}
      </h2>
      <p data-testid="lobby-start">
        {minutesToStart > 0
          ? `The session starts at ${formatTime(startsAt)}, in ${minutesToStart === 1 ? '1 minute' : `${minutesToStart} minutes`}.`
          : `The session was due to start at ${formatTime(startsAt)}.`}
      </p>
      {state.lobbyMessage && (
        <p className="notice" data-testid="lobby-message">
          <strong>From the facilitator:</strong> {state.lobbyMessage}
        </p>
      )}
      <p>
        {state.open
          ? 'The facilitator has been told you are here and will let you in.'
          : 'You will join automatically when it opens.'}{' '}
        Meanwhile you can use the chat.
      </p>
      <h3>Already here</h3>
      {here.length === 0 ? (
        <p className="hint">Nobody else yet.</p>
      ) : (
        <ul className="live-list">
          {here.map((p) => (
            <li key={p.userId}>
              {p.displayName}
              {p.siteName && <span className="muted-inline"> · {p.siteName}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
