import type { RoomState } from '@echo-hub/protocol';

/** Where spokes wait until a host opens the room. */
export function Lobby({ state, youId }: { state: RoomState; youId: string }) {
  const here = state.participants.filter((p) => p.online && p.userId !== youId);
  return (
    <div className="live-lobby">
      <h2 role="status">Waiting for the facilitator to open the session</h2>
      <p>You will join automatically when it opens. Meanwhile you can use the chat.</p>
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
