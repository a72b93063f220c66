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

  it('a hub started again after a crash opens the room on its kept state, everyone offline until they are back', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    await parts.hands.raise(s.spokes[0]);
    await parts.participants.lock(s.host, true);
    await parts.controls.spotlight(s.host, s.spokes[0].user.id, 'spotlightId');
    const before = await s.state();

    const restarted = liveParts([], parts.records); // a new process on the same database
    const room = await restarted.lifecycle.ensure(s.session);
    const state = await room.state();
    expect(state).toMatchObject({
      open: true,
      locked: true,
      phase: before.phase,
      spotlightId: s.spokes[0].user.id,
      hands: [{ userId: s.spokes[0].user.id }],
    });
    expect(state.participants.map((p) => [p.userId, p.online])).toEqual(
      before.participants.map((p) => [p.userId, false]),
    );
    // A spoke rejoining gets media at once: the room is open, no host needed.
    const spoke = socketOf(s.spokes[0].user);
    await restarted.participants.join(spoke, { sessionId: s.session.id });
    await expect(restarted.rooms.joined(spoke, { media: true })).resolves.toBe(room);
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
