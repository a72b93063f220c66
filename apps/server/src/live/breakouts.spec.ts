import { breakoutOf, videoForwardedTo } from '@echo-hub/protocol';
import { EventEmitter } from 'node:events';
import type { ms } from '../media';
import { AFTER_BREAKOUTS_TITLE } from './breakouts';
import { liveParts, sessionWith, socketOf, user } from './live.fixtures';

const ids = (rooms: { userIds: string[] }[]) => rooms.map((r) => [...r.userIds].sort());

describe('LiveBreakouts', () => {
  it('splits the spokes at random into the rooms asked for, the hub team staying in the main room', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 5, experts: 1 });
    await parts.breakouts.start(s.host, { split: 'random', rooms: 2 });
    const { breakouts } = await s.state();
    expect(breakouts?.rooms.map((r) => r.userIds.length).sort()).toEqual([2, 3]);
    expect(breakouts?.rooms.flatMap((r) => r.userIds).sort()).toEqual(s.spokes.map((c) => c.user.id).sort());
    expect(breakoutOf(await s.state(), s.host.user.id)).toBeNull();
    expect(breakoutOf(await s.state(), s.experts[0].user.id)).toBeNull();
  });

  it('keeps each site together, the largest site first into the emptiest room', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 0 });
    const join = async (name: string, site: string) => {
      const u = user(name);
      parts.records.addMember(s.session, u, 'participant', site);
      const c = socketOf(u);
      await parts.participants.join(c, { sessionId: s.session.id });
      return u.id;
    };
    const a = [await join('a1', 'site-a'), await join('a2', 'site-a'), await join('a3', 'site-a')];
    const b = [await join('b1', 'site-b'), await join('b2', 'site-b')];
    const c = [await join('c1', 'site-c')];
    await parts.breakouts.start(s.host, { split: 'site', rooms: 2 });
    expect(ids((await s.state()).breakouts!.rooms)).toEqual([[...a].sort(), [...b, ...c].sort()]);
  });

  it('splits by hand: those listed go to their room, the others stay; a bad assignment names the field', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 3 });
    const [a, b, c] = s.spokes.map((x) => x.user.id);
    await expect(
      parts.breakouts.start(s.host, { split: 'hand', rooms: 2, assignments: [{ userId: a!, room: 2 }] }),
    ).rejects.toMatchObject({ code: 'INVALID_PAYLOAD', message: expect.stringMatching(/^assignments: room 2/) });
    await expect(
      parts.breakouts.start(s.host, { split: 'hand', rooms: 2, assignments: [{ userId: 'nobody', room: 0 }] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/^assignments/) });
    expect((await s.state()).breakouts).toBeNull();
    await parts.breakouts.start(s.host, {
      split: 'hand',
      rooms: 2,
      assignments: [
        { userId: a!, room: 1 },
        { userId: b!, room: 0 },
      ],
    });
    const state = await s.state();
    expect(ids(state.breakouts!.rooms)).toEqual([[b], [a]]);
    expect(breakoutOf(state, c!)).toBeNull();
  });

  it('is for the hub team only', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2, experts: 1 });
    await expect(parts.breakouts.start(s.spokes[0], { split: 'random', rooms: 2 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await parts.breakouts.start(s.experts[0], { split: 'random', rooms: 2 });
    await expect(parts.breakouts.broadcast(s.spokes[0], 'hi')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(parts.breakouts.end(s.spokes[0])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(parts.breakouts.move(s.spokes[0], undefined, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('broadcasts a message to every room; asks for help from a room; a host joining the room answers it', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    await parts.breakouts.start(s.host, { split: 'random', rooms: 2 });
    await parts.breakouts.broadcast(s.host, '  Two minutes left  ');
    expect((await s.state()).breakouts?.message).toMatchObject({ text: 'Two minutes left', from: 'Test host' });
    await expect(parts.breakouts.broadcast(s.host, '   ')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });

    const asking = breakoutOf(await s.state(), s.spokes[0].user.id)!;
    await parts.breakouts.help(s.spokes[0], true);
    const after = (await s.state()).breakouts!.rooms;
    expect(after.find((r) => r.id === asking.id)?.helpAt).toEqual(expect.any(String));
    expect(after.filter((r) => r.helpAt)).toHaveLength(1);
    await expect(parts.breakouts.help(s.host, true)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });

    await parts.breakouts.move(s.host, undefined, asking.id);
    const joined = (await s.state()).breakouts!.rooms.find((r) => r.id === asking.id)!;
    expect(joined.userIds).toContain(s.host.user.id);
    expect(joined.helpAt).toBeNull();
    await parts.breakouts.move(s.host, undefined, null);
    expect(breakoutOf(await s.state(), s.host.user.id)).toBeNull();
    await expect(parts.breakouts.move(s.host, undefined, 'no-room')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('brings everyone back when the timer runs out, attendance open all along', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const parts = liveParts();
      const s = await sessionWith(parts, { spokes: 2 });
      await parts.breakouts.start(s.host, { split: 'random', rooms: 2, minutes: 5 });
      const { breakouts } = await s.state();
      expect(Date.parse(breakouts!.endsAt!) - Date.parse(breakouts!.startedAt)).toBeGreaterThanOrEqual(5 * 60_000);
      await parts.breakouts.move(s.host, undefined, breakouts!.rooms[0]!.id);
      await jest.advanceTimersByTimeAsync(5 * 60_000 + 1000);
      expect((await s.state()).breakouts).toBeNull();
      expect(parts.records.attendance.filter((r) => r.leftAt)).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('goes on with the timer after a restart: a room opened on kept state ends its breakouts when they were due', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const parts = liveParts();
      const s = await sessionWith(parts, { spokes: 2 });
      await parts.breakouts.start(s.host, { split: 'random', rooms: 2, minutes: 5 });
      // The instance stops (its timers go with it) two minutes in; the next one opens the room on the kept state.
      await jest.advanceTimersByTimeAsync(2 * 60_000);
      parts.breakouts.onApplicationShutdown();
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect((await s.state()).breakouts).not.toBeNull(); // nothing ends breakouts whose timer died

      const room = parts.rooms.get(s.session.id)!;
      const kept = await s.state();
      parts.breakouts.recover(room, kept); // already overdue: they end at once
      await jest.advanceTimersByTimeAsync(0);
      expect((await s.state()).breakouts).toBeNull();

      await parts.breakouts.start(s.host, { split: 'random', rooms: 2, minutes: 5 });
      parts.breakouts.onApplicationShutdown();
      parts.breakouts.recover(room, await s.state()); // due in 5 minutes: not before
      await jest.advanceTimersByTimeAsync(4 * 60_000);
      expect((await s.state()).breakouts).not.toBeNull();
      await jest.advanceTimersByTimeAsync(60_000 + 1000);
      expect((await s.state()).breakouts).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('ends by hand, and refuses to end what is not running', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    await expect(parts.breakouts.end(s.host)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await parts.breakouts.start(s.host, { split: 'random', rooms: 2 });
    await expect(parts.breakouts.start(s.host, { split: 'random', rooms: 2 })).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
    });
    await parts.breakouts.end(s.host);
    expect((await s.state()).breakouts).toBeNull();
  });

  it('pauses a running recording while breakouts run, refuses to record then, and records again after', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    await s.room.change({ set: { recording: true } });
    const stop = jest.spyOn(parts.recording, 'stop');
    const start = jest.spyOn(parts.recording, 'start').mockResolvedValue();
    await parts.breakouts.start(s.host, { split: 'random', rooms: 2 });
    expect(stop).toHaveBeenCalledTimes(1);
    expect(await s.state()).toMatchObject({ recording: false, breakouts: { recordingPaused: true } });
    await expect(parts.recording.record(s.host, true)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/breakouts/),
    });
    await parts.breakouts.end(s.host);
    expect(start).toHaveBeenCalledWith(s.room, 'manual', AFTER_BREAKOUTS_TITLE, '');
  });

  it('consumes only within one’s room: a producer of another room is refused, the main room’s again after', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const [a, b] = s.spokes;
    const media = await s.room.ensureMedia();
    const producer = Object.assign(new EventEmitter(), { id: 'producer-b', appData: {}, observer: new EventEmitter() });
    await media.adopt(b.user.id, producer as unknown as ms.Producer);
    await parts.breakouts.start(s.host, {
      split: 'hand',
      rooms: 2,
      assignments: [
        { userId: a.user.id, room: 0 },
        { userId: b.user.id, room: 1 },
      ],
    });
    const consume = { transportId: 't', producerId: 'producer-b', rtpCapabilities: {} };
    await expect(parts.media.consume(a, consume)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(parts.media.consume(s.host, consume)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await parts.breakouts.end(s.host);
    // Back in one room: past the scope check (the stand-in has no transport 't').
    await expect(parts.media.consume(a, consume)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('forwards camera video within a breakout room only, and the main room’s last-N without those in rooms', () => {
    const breakouts = {
      rooms: [{ id: 'r1', name: 'Room 1', userIds: ['a', 'b'], helpAt: null }],
      startedAt: '',
      endsAt: null,
      message: null,
      recordingPaused: false,
    };
    const state = { videoUserIds: ['a', 'host', 'c'], videoSpareId: 'b', breakouts };
    expect(videoForwardedTo(state, 'a')).toEqual(['b']);
    expect(videoForwardedTo(state, 'c')).toEqual(['host']);
    expect(videoForwardedTo(state, 'd')).toEqual(['host', 'c']);
  });
});
