import { breakoutOf, type RoomState } from '@echo-hub/protocol';
import { useState } from 'react';
import { useNow } from '../hooks/useNow';
import { clock } from '../lib/format';
import type { LiveRoomClient } from '../lib/LiveRoomClient';

/**
 * What everyone sees while breakouts run: the room they are in and with whom, the time left, the last message
 * broadcast to every room, and (in a breakout room) "Ask for help".
 */
export function BreakoutBanner({ state, youId, room }: { state: RoomState; youId: string; room: LiveRoomClient }) {
  const now = useNow(1000);
  const [error, setError] = useState<string | null>(null);
  const breakouts = state.breakouts;
  if (!breakouts) return null;
  const mine = breakoutOf(state, youId);
  const others = (mine?.userIds ?? [])
    .filter((id) => id !== youId)
    .map((id) => state.participants.find((p) => p.userId === id)?.displayName ?? 'Someone');
  const left = breakouts.endsAt ? Math.max(0, Math.floor((Date.parse(breakouts.endsAt) - now) / 1000)) : null;
  const help = (on: boolean) => {
    setError(null);
    room.breakout('breakout:help', { on }).catch((e: Error) => setError(e.message));
  };
  return (
    <section
      role="region"
      aria-label="Breakout room"
      className="live-banner live-breakout-banner"
      data-testid="breakout-banner"
    >
      <p>
        <strong data-testid="breakout-where">{mine ? mine.name : 'Main room'}</strong>
        {mine && <span> · with {others.join(', ') || 'nobody yet'}</span>}
        {left !== null && (
          <span role="timer" aria-label={`Breakouts end in ${clock(left)}`}>
            {' '}
            · {clock(left)} left
          </span>
        )}
      </p>
      {breakouts.message && (
        <p role="status" data-testid="breakout-message">
          {breakouts.message.from}: {breakouts.message.text}
        </p>
      )}
      {mine && (
        <p>
          {mine.helpAt ? (
            <>
              <span role="status">A facilitator has been asked to join.</span>{' '}
              <button type="button" className="button button-small" onClick={() => help(false)}>
                Withdraw help request
              </button>
            </>
          ) : (
            <button type="button" className="button button-small" onClick={() => help(true)}>
              Ask for help
            </button>
          )}
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
