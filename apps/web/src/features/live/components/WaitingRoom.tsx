import { LobbyLimits, type RoomState } from '@echo-hub/protocol';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { LiveRoomClient } from '../lib/LiveRoomClient';

const MUTED_KEY = 'echo-hub:knock-muted';

/** A short two-tone chime (Web Audio): someone is waiting in the lobby. */
function knock(): void {
  const Context =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return;
  const ctx = new Context();
  for (const [i, frequency] of [660, 880].entries()) {
    const tone = ctx.createOscillator();
    const gain = ctx.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.18 + 0.16);
    tone.connect(gain).connect(ctx.destination);
    tone.start(ctx.currentTime + i * 0.18);
    tone.stop(ctx.currentTime + i * 0.18 + 0.17);
  }
  window.setTimeout(() => void ctx.close(), 600);
}

/**
 * The hosts' view of the lobby: who is waiting (with their site), admit one, several or all, a message to the
 * lobby; a badge and a chime (muteable) when someone arrives.
 */
export function WaitingRoom({ state, room }: { state: RoomState; room: LiveRoomClient }) {
  const waiting = state.participants.filter((p) => p.online && !p.admitted);
  const [selected, setSelected] = useState<string[]>([]);
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTED_KEY) === '1');
  const [message, setMessage] = useState(state.lobbyMessage ?? '');
  const [error, setError] = useState<string | null>(null);
  const seen = useRef(new Set(waiting.map((p) => p.userId)));

  const waitingKey = waiting.map((p) => p.userId).join(',');
  useEffect(() => {
    const arrived = waiting.filter((p) => !seen.current.has(p.userId));
    seen.current = new Set(waiting.map((p) => p.userId));
    if (arrived.length && !muted) knock();
    setSelected((s) => s.filter((id) => seen.current.has(id)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the waiting list is keyed by its ids
  }, [waitingKey, muted]);

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
        <input
          type="checkbox"
          checked={!muted}
          onChange={(e) => {
            setMuted(!e.target.checked);
            localStorage.setItem(MUTED_KEY, e.target.checked ? '0' : '1');
          }}
        />{' '}
        Chime when someone arrives
      </label>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </section>
  );
}
