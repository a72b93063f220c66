// @vitest-environment jsdom
import type { Breakouts } from '@echo-hub/protocol';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { person, roomState } from '../../../testing/room';
import type { LiveRoomClient } from '../lib/LiveRoomClient';
import { BreakoutBanner } from './BreakoutBanner';
import { BreakoutPanel } from './BreakoutPanel';

afterEach(cleanup);

const people = [person('me', { role: 'facilitator' }), person('ciara'), person('priya')];
const client = () => {
  const breakout = vi.fn(async () => undefined);
  return { breakout, room: { breakout } as unknown as LiveRoomClient };
};
const running: Breakouts = {
  rooms: [
    { id: 'r1', name: 'Room 1', userIds: ['ciara'], helpAt: '2026-12-07T20:00:00.000Z' },
    { id: 'r2', name: 'Room 2', userIds: ['priya'], helpAt: null },
  ],
  startedAt: '2026-12-07T20:00:00.000Z',
  endsAt: null,
  message: { text: 'Two minutes left', from: 'me', at: '2026-12-07T20:00:00.000Z' },
  recordingPaused: false,
};

describe('BreakoutPanel', () => {
  it('chimes when a room starts asking for help (not for requests already there), unless the host turned it off', () => {
    const chimes = vi.fn();
    class FakeAudio {
      currentTime = 0;
      destination = {};
      constructor() {
        chimes();
      }
      createOscillator = () => ({ frequency: {}, connect: (g: unknown) => g, start: vi.fn(), stop: vi.fn() });
      createGain = () => ({
        gain: { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() },
        connect: (d: unknown) => d,
      });
      close = vi.fn(async () => undefined);
    }
    vi.stubGlobal('AudioContext', FakeAudio);
    localStorage.clear();
    const { room } = client();
    const asking = (help: (string | null)[]) =>
      roomState({
        open: true,
        participants: people,
        breakouts: { ...running, rooms: running.rooms.map((r, i) => ({ ...r, helpAt: help[i] ?? null })) },
      });
    const view = render(<BreakoutPanel state={asking(['2026-12-07T20:00:00.000Z'])} youId="me" room={room} />);
    expect(chimes).not.toHaveBeenCalled(); // Room 1 was asking before the panel opened
    view.rerender(
      <BreakoutPanel state={asking(['2026-12-07T20:00:00.000Z', '2026-12-07T20:01:00.000Z'])} youId="me" room={room} />,
    );
    expect(chimes).toHaveBeenCalledTimes(1); // Room 2 asks
    fireEvent.click(screen.getByLabelText(/Chime when a room asks for help/));
    view.rerender(<BreakoutPanel state={asking([null, null])} youId="me" room={room} />);
    view.rerender(<BreakoutPanel state={asking(['2026-12-07T20:02:00.000Z'])} youId="me" room={room} />);
    expect(chimes).toHaveBeenCalledTimes(1); // turned off
    expect(localStorage.getItem('echo-hub:knock-muted')).toBe('1');
    vi.unstubAllGlobals();
  });

  it('splits by hand: each person’s room is chosen in a labelled select and sent as assignments', () => {
    const { breakout, room } = client();
    render(<BreakoutPanel state={roomState({ open: true, participants: people })} youId="me" room={room} />);
    fireEvent.click(screen.getByLabelText('By hand'));
    const list = screen.getByRole('list', { name: 'Room of each person' });
    expect(within(list).getAllByRole('combobox')).toHaveLength(2); // the facilitator is not split
    fireEvent.change(within(list).getByLabelText(/priya/), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText(/Minutes/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start breakouts' }));
    expect(breakout).toHaveBeenCalledWith('breakout:start', {
      split: 'hand',
      rooms: 2,
      minutes: null,
      assignments: [{ userId: 'priya', room: 1 }],
    });
  });

  it('while running: which room asks for help, join a room, a message to every room, end', () => {
    const { breakout, room } = client();
    render(
      <BreakoutPanel
        state={roomState({ open: true, participants: people, breakouts: running })}
        youId="me"
        room={room}
      />,
    );
    const [first] = screen.getAllByTestId('breakout-room');
    expect(within(first!).getByRole('status').textContent).toContain('asks for help');
    fireEvent.click(screen.getByRole('button', { name: 'Join Room 1' }));
    expect(breakout).toHaveBeenCalledWith('breakout:move', { roomId: 'r1' });
    fireEvent.click(screen.getByRole('button', { name: 'End breakouts' }));
    expect(breakout).toHaveBeenCalledWith('breakout:end', {});
  });
});

describe('BreakoutBanner', () => {
  it('tells someone in a room where they are, with whom, the broadcast message, and lets them ask for help', () => {
    const { breakout, room } = client();
    const state = roomState({ open: true, participants: people, breakouts: running });
    render(<BreakoutBanner state={state} youId="priya" room={room} />);
    expect(screen.getByTestId('breakout-where').textContent).toContain('Room 2');
    expect(screen.getByTestId('breakout-message').textContent).toContain('me: Two minutes left');
    fireEvent.click(screen.getByRole('button', { name: 'Ask for help' }));
    expect(breakout).toHaveBeenCalledWith('breakout:help', { on: true });
  });
});
