import { liveParts, sessionWith } from './live.fixtures';

describe('RoomLifecycle', () => {
  it('a host opens the room: spokes leave the lobby, the session is live; opening again keeps the phase', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { open: false });
    const sut = parts.lifecycle;
    await expect(sut.open(s.spokes[0])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await sut.open(s.host);
    expect(await s.state()).toMatchObject({ open: true, phase: 'introductions' });
    expect(s.session.status).toBe('live');
    await parts.agenda.setPhase(s.host, { phase: 'wrap-up' });
    await sut.open(s.host);
    expect((await s.state()).phase).toBe('wrap-up');
  });

  it('joins arriving together open the room once', async () => {
    const parts = liveParts();
    const session = parts.records.addSession();
    const rooms = await Promise.all([1, 2, 3].map(() => parts.lifecycle.ensure(session)));
    expect(new Set(rooms).size).toBe(1);
    expect(parts.rooms.list()).toEqual([rooms[0]]);
  });

  it('ending sends everyone away, closes every attendance row, forgets the room and tells who listens', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const ended: string[] = [];
    parts.sessionEvents.onEnded(async (id) => void ended.push(id));
    await expect(parts.lifecycle.end(s.spokes[0])).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await parts.lifecycle.end(s.host);

    expect(parts.realtime.of('room:patch').at(-1)).toMatchObject({ set: { phase: 'ended', open: false } });
    expect(parts.realtime.of('session:kicked', `session:${s.session.id}`)).toEqual([{ reason: 'ended' }]);
    expect(s.session.status).toBe('ended');
    expect(parts.records.attendance.filter((r) => r.leftAt === null)).toEqual([]);
    expect(parts.rooms.get(s.session.id)).toBeUndefined();
    await expect(s.room.state()).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    expect(ended).toEqual([s.session.id]);
  });

  it('shutting down closes attendance and lets go of the rooms', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    await parts.lifecycle.onApplicationShutdown();
    expect(parts.records.attendance.filter((r) => r.leftAt === null)).toEqual([]);
    expect(parts.rooms.list()).toEqual([]);
    expect(s.room.media).toBeNull();
  });
});
