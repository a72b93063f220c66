import { liveParts, sessionWith, socketOf, user } from './live.fixtures';

describe('RoomRegistry', () => {
  it('lists, gets and deletes rooms by session id; a deleted room’s state is gone', async () => {
    const parts = liveParts();
    const a = await sessionWith(parts);
    const b = await sessionWith(parts);
    const sut = parts.rooms;
    expect(sut.list().map((r) => r.sessionId)).toEqual([a.session.id, b.session.id]);
    expect(sut.get(b.session.id)).toBe(b.room);
    await sut.delete(a.session.id);
    expect(sut.get(a.session.id)).toBeUndefined();
    await expect(a.room.state()).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    expect((await b.room.state()).sessionId).toBe(b.session.id);
  });

  it('a room created again on this instance (after a restart) picks up the state another one left', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    await parts.hands.raise(s.spokes[0]);
    parts.rooms.release(s.session.id);
    expect(parts.rooms.get(s.session.id)).toBeUndefined();
    const room = await parts.lifecycle.ensure(s.session);
    expect(room).not.toBe(s.room);
    expect((await room.state()).hands.map((h) => h.userId)).toEqual([s.spokes[0].user.id]);
  });

  it('says what a socket may do: joined at all, a host, past the lobby', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1, experts: 1, open: false });
    const sut = parts.rooms;
    await expect(sut.joined(socketOf(user('x')))).rejects.toMatchObject({ code: 'NOT_JOINED' });
    await expect(sut.joined(s.spokes[0], { host: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.joined(s.spokes[0], { media: true })).rejects.toMatchObject({ code: 'IN_LOBBY' });
    await expect(sut.joined(s.experts[0], { media: true })).resolves.toBe(s.room);
    await expect(sut.joined(s.host, { media: true, host: true })).resolves.toBe(s.room);
    await parts.lifecycle.open(s.host);
    await expect(sut.joined(s.spokes[0], { media: true })).resolves.toBe(s.room);
  });
});
