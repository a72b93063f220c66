import { LobbyLimits, type RoomState } from '@echo-hub/protocol';
import { type FormEvent, useEffect, useState } from 'react';
import { chime, useArrivals, useChimeMuted } from '../lib/chime';
import type { LiveRoomClient } from '../lib/LiveRoomClient';

/**
 * The hosts' view of the lobby: who is waiting (with their site), admit one, several or all, a message to the
 * lobby; a badge and a chime (muteable) when someone arrives.
 */
export function WaitingRoom({ state, room }: { state: RoomState; room: LiveRoomClient }) {
  const waiting = state.participants.filter((p) => p.online && !p.admitted);
  const [selected, setSelected] = useState<string[]>([]);
  const [muted, setMuted] = useChimeMuted();
  const [message, setMessage] = useState(state.lobbyMessage ?? '');
  const [error, setError] = useState<string | null>(null);
  const waitingIds = waiting.map((p) => p.userId);
  useArrivals(waitingIds, () => !muted && chime());
  // Keep the selection to those still waiting.
  const waitingKey = waitingIds.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the waiting list is keyed by its ids
  useEffect(() => setSelected((s) => s.filter((id) => waitingIds.includes(id))), [waitingKey]);

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const sendMessage = (e: FormEvent) => {
    e.preventDefault();
    void run(() => room.setLobbyMessage(message));
  };

  return (
    <section role="region" aria-labelledby="waiting-title" className="live-panel live-waiting">
      <h2 id="waiting-title">
        Waiting room{' '}
        {waiting.length > 0 && (
          <span className="badge badge-waiting" data-testid="waiting-badge" aria-label={`${waiting.length} waiting`}>
            {waiting.length}
          </span>
        )}
      </h2>
      {waiting.length === 0 ? (
        <p className="hint">Nobody is waiting.</p>
      ) : (
        <>
          <ul className="live-list">
            {waiting.map((p) => (
              <li key={p.userId}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.includes(p.userId)}
                    onChange={(e) =>
                      setSelected((s) => (e.target.checked ? [...s, p.userId] : s.filter((id) => id !== p.userId)))
                    }
                  />{' '}
                  {p.displayName}
                  {p.siteName && <span className="muted-inline"> · {p.siteName}</span>}
                </label>{' '}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void run(() => room.admit([p.userId]))}
                >
                  Admit {p.displayName}
                </button>
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              className="button button-small"
              disabled={selected.length === 0}
              onClick={() => void run(() => room.admit(selected))}
            >
              Admit selected ({selected.length})
            </button>{' '}
            <button
              type="button"
              className="button button-small button-primary"
              onClick={() => void run(() => room.admit(waiting.map((p) => p.userId)))}
            >
              Admit all
            </button>
          </p>
        </>
      )}
      <form onSubmit={sendMessage} className="live-lobby-message">
        <label>
          Message to the waiting room
          <input
            type="text"
            value={message}
            maxLength={LobbyLimits.maxMessageLength}
            placeholder="We start at 12:05; case presenters please stay"
            onChange={(e) => setMessage(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-small">
          Send to waiting room
        </button>
      </form>
      <label className="hint">
        <input type="checkbox" checked={!muted} onChange={(e) => setMuted(!e.target.checked)} /> Chime when someone
        arrives
      </label>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </section>
  );
}
