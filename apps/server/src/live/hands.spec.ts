import { HandLimits } from '@echo-hub/protocol';
import { liveParts, sessionWith, socketOf, user } from './live.fixtures';

describe('LiveHands', () => {
  it('queues raised hands in the order they went up, each once', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const [a, b] = s.spokes;
    const sut = parts.hands;
    await sut.raise(b);
    await sut.raise(a);
    await sut.raise(b);
    expect((await s.state()).hands.map((h) => h.userId)).toEqual([b.user.id, a.user.id]);
  });

  it('anyone lowers their own hand; only a host lowers someone else’s', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const [a, b] = s.spokes;
    const sut = parts.hands;
    await sut.raise(a);
    await sut.raise(b);
    await expect(sut.lower(a, b.user.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await sut.lower(a);
    expect((await s.state()).hands.map((h) => h.userId)).toEqual([b.user.id]);
    await sut.lower(s.host, b.user.id);
    expect((await s.state()).hands).toEqual([]);
  });

  it('refuses a socket that has not joined the session', async () => {
    const sut = liveParts().hands;
    await expect(sut.raise(socketOf(user('x')))).rejects.toMatchObject({ code: 'NOT_JOINED' });
  });

  it('refuses a flood of raise and lower beyond the limit per minute; a host still lowers hands', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 1 });
    const [a] = s.spokes;
    const sut = parts.hands;
    for (let i = 0; i < HandLimits.perMinute / 2; i++) {
      await sut.raise(a);
      await sut.lower(a);
    }
    const version = (await s.state()).version;
    await expect(sut.raise(a)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect((await s.state()).version).toBe(version);
    await sut.raise(s.host);
    await sut.lower(s.host, s.host.user.id);
    expect((await s.state()).hands).toEqual([]);
  });
});
