import { QualityLimits, type QualitySample } from '@echo-hub/protocol';
import type { QualityReportDto } from './dto/live.dto';
import { liveParts, sessionWith } from './live.fixtures';

const report = (change: Partial<QualityReportDto> = {}): QualityReportDto => ({
  level: 'good',
  roundTripMs: 40,
  lossPercent: 0,
  sendKbps: 600,
  recvKbps: 900,
  availableKbps: 1500,
  audioOnly: false,
  ...change,
});

describe('LiveQuality', () => {
  it('sends a participant’s sample to the hosts’ sockets only', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const [a] = s.spokes;
    await parts.quality.report(a, report({ level: 'poor', lossPercent: 12.5, roundTripMs: 900 }));
    const sent = parts.realtime.sent.filter((e) => e.event === 'quality:sample');
    expect(sent.map((e) => e.room)).toEqual([s.host.socketId]);
    expect(sent[0].payload).toMatchObject({
      sessionId: s.session.id,
      userId: a.user.id,
      level: 'poor',
      lossPercent: 12.5,
      roundTripMs: 900,
      downlinkKbps: null,
    });
  });

  it('lists the samples of people online, worst first, to hosts and to nobody else', async () => {
    const parts = liveParts();
    const s = await sessionWith(parts, { spokes: 2 });
    const [a, b] = s.spokes;
    await parts.quality.report(a, report({ level: 'fair', lossPercent: 3 }));
    await parts.quality.report(b, report({ level: 'poor', lossPercent: 20 }));
    await parts.quality.report(s.host, report());
    const list = (await parts.quality.list(s.host)) as QualitySample[];
    expect(list.map((q) => q.userId)).toEqual([b.user.id, a.user.id, s.host.user.id]);
    await expect(parts.quality.list(a)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await parts.participants.leave(b);
    expect((await parts.quality.list(s.host)).map((q) => q.userId)).toEqual([a.user.id, s.host.user.id]);
  });

  it('refuses reports from the lobby and beyond the rate limit', async () => {
    const parts = liveParts();
    const closed = await sessionWith(parts, { spokes: 1, open: false });
    await expect(parts.quality.report(closed.spokes[0], report())).rejects.toMatchObject({ code: 'IN_LOBBY' });

    const s = await sessionWith(parts, { spokes: 1 });
    for (let i = 0; i < QualityLimits.perMinute; i++) await parts.quality.report(s.spokes[0], report());
    await expect(parts.quality.report(s.spokes[0], report())).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
