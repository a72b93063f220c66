import { liveParts, socketOf, user } from './live.fixtures';

describe('LiveAttendance', () => {
  it('one row per connection: opened on join, closed once on leave', async () => {
    const parts = liveParts();
    const sut = parts.attendance;
    const client = socketOf(user('spoke'));
    await sut.open(client, 's1', 'participant', 'site-1');
    expect(parts.records.attendance).toEqual([
      expect.objectContaining({ id: client.attendanceId, sessionId: 's1', role: 'participant', siteId: 'site-1' }),
    ]);
    await sut.close(client);
    const leftAt = parts.records.attendance[0].leftAt;
    expect(leftAt).not.toBeNull();
    expect(client.attendanceId).toBeUndefined();
    await sut.close(client);
    expect(parts.records.attendance[0].leftAt).toBe(leftAt);
  });

  it('closes one person’s open rows, or the whole session’s, and no other session’s', async () => {
    const parts = liveParts();
    const sut = parts.attendance;
    const [a, b, other] = [socketOf(user('a')), socketOf(user('b')), socketOf(user('c'))];
    await sut.open(a, 's1', 'participant', null);
    await sut.open(b, 's1', 'participant', null);
    await sut.open(other, 's2', 'participant', null);
    const open = () => parts.records.attendance.filter((r) => r.leftAt === null).map((r) => r.userId);
    await sut.closeAll('s1', a.user.id);
    expect(open()).toEqual([b.user.id, other.user.id]);
    await sut.closeAll('s1');
    expect(open()).toEqual([other.user.id]);
  });
});
