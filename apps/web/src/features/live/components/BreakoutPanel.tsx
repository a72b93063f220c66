import {
  type BreakoutAssignment,
  BreakoutLimits,
  type BreakoutSplit,
  breakoutOf,
  can,
  type RoomState,
} from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { chime, useArrivals, useChimeMuted } from '../lib/chime';
import type { LiveRoomClient } from '../lib/LiveRoomClient';

const SPLITS: { value: BreakoutSplit; label: string }[] = [
  { value: 'site', label: 'By site (each site together)' },
  { value: 'random', label: 'At random' },
  { value: 'hand', label: 'By hand' },
];

/** Whether someone may run breakout rooms (`live.run-breakouts`: the hub team). */
export function mayRunBreakouts(state: RoomState, userId: string): boolean {
  const role = state.participants.find((p) => p.userId === userId)?.role;
  return !!role && can({ role: role === 'admin' ? null : role, isAdmin: role === 'admin' }, 'live.run-breakouts');
}

/**
 * The hub team's breakout controls: split the room (by site, at random, or by hand with a room per person), a
 * timer; while they run: each room with its people and a help request, join any room (or go back to the main
 * room), a message to every room, end them.
 */
export function BreakoutPanel({ state, youId, room }: { state: RoomState; youId: string; room: LiveRoomClient }) {
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section role="region" aria-labelledby="breakouts-title" className="live-panel live-breakouts">
      <h2 id="breakouts-title">Breakout rooms</h2>
      {state.breakouts ? (
        <RunningBreakouts state={state} youId={youId} room={room} run={run} />
      ) : (
        <SplitForm state={state} room={room} run={run} />
      )}
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </section>
  );
}

type Run = (work: () => Promise<unknown>) => Promise<void>;

function SplitForm({ state, room, run }: { state: RoomState; room: LiveRoomClient; run: Run }) {
  const [split, setSplit] = useState<BreakoutSplit>('site');
  const [rooms, setRooms] = useState(2);
  const [minutes, setMinutes] = useState('10');
  const [byHand, setByHand] = useState<Record<string, string>>({});
  const people = state.participants.filter((p) => p.admitted && !mayRunBreakouts(state, p.userId));

  const start = (e: FormEvent) => {
    e.preventDefault();
    const assignments: BreakoutAssignment[] = Object.entries(byHand)
      .filter(([userId, r]) => r !== '' && people.some((p) => p.userId === userId) && Number(r) < rooms)
      .map(([userId, r]) => ({ userId, room: Number(r) }));
    void run(() =>
      room.breakout('breakout:start', {
        split,
        rooms,
        minutes: minutes.trim() ? Number(minutes) : null,
        ...(split === 'hand' && { assignments }),
      }),
    );
  };

  return (
    <form onSubmit={start} className="live-breakout-form">
      <label>
        Rooms{' '}
        <input
          type="number"
          min={BreakoutLimits.minRooms}
          max={BreakoutLimits.maxRooms}
          value={rooms}
          onChange={(e) => setRooms(Number(e.target.value))}
          required
        />
      </label>
      <fieldset>
        <legend>Split</legend>
        {SPLITS.map((s) => (
          <label key={s.value}>
            <input
              type="radio"
              name="breakout-split"
              value={s.value}
              checked={split === s.value}
              onChange={() => setSplit(s.value)}
            />{' '}
            {s.label}
          </label>
        ))}
      </fieldset>
      {split === 'hand' && (
        <ul className="live-list" aria-label="Room of each person">
          {people.map((p) => (
            <li key={p.userId}>
              <label>
                {p.displayName}
                {p.siteName && <span className="muted-inline"> · {p.siteName}</span>}{' '}
                <select
                  value={byHand[p.userId] ?? ''}
                  onChange={(e) => setByHand((h) => ({ ...h, [p.userId]: e.target.value }))}
                >
                  <option value="">Main room</option>
                  {Array.from({ length: rooms }, (_, i) => (
                    <option key={i} value={String(i)}>
                      Room {i + 1}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
      <label>
        Minutes (empty: no timer){' '}
        <input
          type="number"
          min={1}
          max={BreakoutLimits.maxMinutes}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </label>
      <p>
        <button type="submit" className="button button-small button-primary">
          Start breakouts
        </button>
      </p>
    </form>
  );
}

function RunningBreakouts({
  state,
  youId,
  room,
  run,
}: {
  state: RoomState;
  youId: string;
  room: LiveRoomClient;
  run: Run;
}) {
  const [message, setMessage] = useState('');
  const breakouts = state.breakouts!;
  const mine = breakoutOf(state, youId);
  const [muted, setMuted] = useChimeMuted();
  // A chime for each new help request (a room asking again after withdrawing counts again).
  useArrivals(
    breakouts.rooms.filter((r) => r.helpAt).map((r) => `${r.id}@${r.helpAt}`),
    () => !muted && chime(),
  );
  const nameOf = (userId: string) => state.participants.find((p) => p.userId === userId)?.displayName ?? 'Someone';
  const broadcast = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await room.breakout('breakout:broadcast', { text: message });
      setMessage('');
    });
  };
  return (
    <>
      <ul className="live-list">
        {breakouts.rooms.map((r) => (
          <li key={r.id} data-testid="breakout-room">
            <strong>{r.name}</strong>
            {r.helpAt && (
              <span className="badge badge-waiting" role="status">
                asks for help
              </span>
            )}
            <span className="muted-inline"> · {r.userIds.map(nameOf).join(', ') || 'nobody'}</span>{' '}
            {mine?.id !== r.id && (
              <button
                type="button"
                className="button button-small"
                onClick={() => void run(() => room.breakout('breakout:move', { roomId: r.id }))}
              >
                Join {r.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      {mine && (
        <p>
          <button
            type="button"
            className="button button-small"
            onClick={() => void run(() => room.breakout('breakout:move', { roomId: null }))}
          >
            Back to the main room
          </button>
        </p>
      )}
      <form onSubmit={broadcast} className="live-lobby-message">
        <label>
          Message to every room
          <input
            type="text"
            value={message}
            maxLength={BreakoutLimits.maxMessageLength}
            placeholder="Two minutes left: agree on one recommendation"
            onChange={(e) => setMessage(e.target.value)}
            required
          />
        </label>
        <button type="submit" className="button button-small">
          Send to all rooms
        </button>
      </form>
      <label className="hint">
        <input type="checkbox" checked={!muted} onChange={(e) => setMuted(!e.target.checked)} /> Chime when a room asks
        for help
      </label>
      <p>
        <button
          type="button"
          className="button button-small button-danger"
          onClick={() => void run(() => room.breakout('breakout:end', {}))}
        >
          End breakouts
        </button>
      </p>
    </>
  );
}
