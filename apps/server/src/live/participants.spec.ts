import type { RoomPatch } from '@echo-hub/protocol';
import { liveParts, sessionWith, socketOf, user } from './live.fixtures';

describe('LiveParticipants', () => {
  it('the first join opens the room with the session’s chat; each join is one participant online and one attendance row', async () => {
    const parts = liveParts();
    const session = parts.records.addSession();
    parts.records.chat.push({
      id: 'm1',
      sessionId: session.id,
      userId: 'x',
      displayName: 'X',
      text: 'from before',
      at: '2026-01-01T00:00:00Z',
      confirmedFindings: [],
    });
    const spoke = user('spoke');
    parts.records.addMember(session, spoke, 'participant', 'site-1');
    const sut = parts.participants;

    const joined = await sut.join(socketOf(spoke), { sessionId: session.id });

    expect(joined.you).toEqual({ userId: spoke.id, host: false });
    expect(joined.state).toMatchObject({ phase: 'lobby', open: false, chat: [{ id: 'm1', text: 'from before' }] });
    expect(joined.state?.participants).toEqual([
      expect.objectContaining({ userId: spoke.id, role: 'participant', siteId: 'site-1', online: true }),
    ]);
    expect(parts.records.attendance).toEqual([expect.objectContaining({ userId: spoke.id, leftAt: null })]);
  });

  it('refuses a stranger, an unknown session and an ended one; an admin who is not a member joins as admin', async () => {
    const parts = liveParts();
    const session = parts.records.addSession();
    const sut = parts.participants;
    await expect(sut.join(socketOf(user('stranger')), { sessionId: session.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(sut.join(socketOf(user('x')), { sessionId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const admin = await sut.join(socketOf(user('admin', true)), { sessionId: session.id });
    expect(admin.state?.participants).toEqual([expect.objectContaining({ role: 'admin' })]);
    expect(admin.you.host).toBe(true);

    const ended = parts.records.addSession();
    ended.status = 'ended';
    await expect(sut.join(socketOf(user('admin', true)), { sessionId: ended.id })).rejects.toMatchObject({
      code: 'SESSION_ENDED',
    });
  });

  it('a newcomer to a locked room waits in the lobby (knocks); known people and hosts come straight back in', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const sut = parts.participants;
    await sut.lock(s.host, true);
    const late = await s.enter('late', 'participant');
    const waiting = (await s.state()).participants.find((p) => p.userId === late.user.id);
    expect(waiting).toMatchObject({ online: true, admitted: false });
    await expect(parts.media.createTransport(late, 'recv')).rejects.toMatchObject({ code: 'IN_LOBBY' });
    const back = socketOf(s.spokes[0].user);
    await sut.join(back, { sessionId: s.session.id });
    expect((await s.state()).participants.find((p) => p.userId === back.user.id)?.admitted).toBe(true);
    await expect(s.enter('coordinator', 'coordinator')).resolves.toMatchObject({ host: true });
    await expect(sut.lock(s.spokes[0], false)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a host admits one person from the lobby, then the rest; opening the room admits everyone waiting', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 0, open: false });
    const [a, b, c] = [
      await s.enter('a', 'participant'),
      await s.enter('b', 'participant'),
      await s.enter('c', 'participant'),
    ];
    const admitted = async () =>
      (await s.state()).participants.filter((p) => p.admitted && p.role === 'participant').map((p) => p.userId);
    expect(await admitted()).toEqual([]);
    await expect(parts.participants.admit(a, [b.user.id])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await parts.participants.admit(s.host, [a.user.id]);
    expect(await admitted()).toEqual([a.user.id]);
    await expect(parts.participants.admit(s.host, ['nobody'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await parts.lifecycle.open(s.host);
    expect((await admitted()).sort()).toEqual([a.user.id, b.user.id, c.user.id].sort());
  });

  it('a lobby message reaches the waiting room through the de-identification gate', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 0, open: false });
    await parts.participants.lobbyMessage(s.host, '  We start at 12:05; case presenters please stay ');
    expect((await s.state()).lobbyMessage).toBe('We start at 12:05; case presenters please stay');
    await expect(
      parts.participants.lobbyMessage(s.host, 'Mrs Brennan NHS 943 476 5919 is first'),
    ).rejects.toMatchObject({
      code: 'IDENTIFIERS_FOUND',
    });
    await parts.participants.lobbyMessage(s.host, '');
    expect((await s.state()).lobbyMessage).toBeNull();
  });

  it('a socket joining again (to resync) keeps its place and attendance, and gets only what it missed', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const [spoke] = s.spokes;
    const version = (await s.state()).version;
    await parts.hands.raise(s.host);
    const again = await parts.participants.join(spoke, { sessionId: s.session.id, sinceVersion: version });
    expect(again.state).toBeNull();
    expect(again.patches.map((p) => p.version)).toEqual([version + 1]);
    expect(parts.records.attendance.filter((r) => r.userId === spoke.user.id)).toHaveLength(1);
  });

  it('leaving closes the attendance row; the person stays listed, offline, until their last tab leaves', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const [spoke] = s.spokes;
    const secondTab = socketOf(spoke.user);
    await parts.participants.join(secondTab, { sessionId: s.session.id });
    const sut = parts.participants;

    await sut.leave(spoke);
    const online = async () => (await s.state()).participants.find((p) => p.userId === spoke.user.id)?.online;
    expect(await online()).toBe(true);
    await sut.leave(secondTab);
    expect(await online()).toBe(false);
    expect(parts.records.attendance.filter((r) => r.userId === spoke.user.id && r.leftAt === null)).toEqual([]);
    await expect(parts.hands.raise(spoke)).rejects.toMatchObject({ code: 'NOT_JOINED' });
  });

  it('a host removes someone: sent away, out of the list and the hand queue in one patch, and kept out', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const [gone, stays] = s.spokes;
    await parts.hands.raise(gone);
    await parts.hands.raise(stays);
    const sut = parts.participants;

    await expect(sut.remove(stays, gone.user.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sut.remove(s.host, s.host.user.id)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(sut.remove(s.host, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await sut.remove(s.host, gone.user.id);

    expect(parts.realtime.of('session:kicked', `user:${gone.user.id}`)).toEqual([{ reason: 'removed' }]);
    const last = parts.realtime.of('room:patch').at(-1) as RoomPatch;
    expect(last).toMatchObject({ set: { hands: [expect.objectContaining({ userId: stays.user.id })] } });
    expect(last.participants).toEqual({ remove: [gone.user.id] });
    expect((await s.state()).participants.map((p) => p.userId)).not.toContain(gone.user.id);
    expect(parts.records.attendance.filter((r) => r.userId === gone.user.id && r.leftAt === null)).toEqual([]);
    await expect(parts.participants.join(socketOf(gone.user), { sessionId: s.session.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/removed/),
    });
  });
});
