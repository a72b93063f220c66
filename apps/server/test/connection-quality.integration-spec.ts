import type { QualityReport, QualitySample, TransportOptions } from '@echo-hub/protocol';
import { liveScene } from './live-scene';

const report = (change: Partial<QualityReport> = {}): QualityReport => ({
  level: 'good',
  roundTripMs: 35,
  lossPercent: 0,
  sendKbps: 640,
  recvKbps: 910,
  availableKbps: 1400,
  audioOnly: false,
  ...change,
});

/**
 * Connection quality over the real gateway: each participant reports its figures, hosts receive everyone's,
 * nobody else receives anyone's. Each test has a session of its own; they wait on socket events, never on time.
 */
describe('connection quality over socket.io', () => {
  const scene = liveScene('Quality ECHO');
  const { people } = scene;
  const liveSession = scene.liveSession;
  beforeAll(() => scene.start());
  afterEach(() => scene.closeClients());
  afterAll(() => scene.close());

  it('sends a spoke’s figures to the facilitator and to no other spoke', async () => {
    const { sessionId, host, spoke1, spoke2 } = await liveSession();
    // A receive transport, so the hub has an estimate of its own of the link towards the spoke.
    await spoke1.ok<TransportOptions>('media:createTransport', { direction: 'recv' });
    const poor = report({ level: 'poor', lossPercent: 12.5, roundTripMs: 900, sendKbps: 120, audioOnly: true });
    const received = host.waitFor<QualitySample & { sessionId: string }>(
      'quality:sample',
      (s) => s.userId === people.spoke1.id,
    );
    await spoke1.ok('quality:report', poor);
    expect(await received).toMatchObject({ sessionId, userId: people.spoke1.id, ...poor });

    const fromSpoke2 = host.waitFor<QualitySample>('quality:sample', (s) => s.userId === people.spoke2.id);
    await spoke2.ok('quality:report', report());
    await fromSpoke2;
    // Each spoke's own round trip: anything sent to it before its ack has arrived by then.
    await spoke1.request('host:quality', {});
    await spoke2.request('host:quality', {});
    expect(spoke1.events.filter((e) => e.event === 'quality:sample')).toEqual([]);
    expect(spoke2.events.filter((e) => e.event === 'quality:sample')).toEqual([]);
  });

  it('lists everyone’s last sample, worst first, to hosts only', async () => {
    const { host, spoke1, spoke2 } = await liveSession();
    await spoke1.ok('quality:report', report({ level: 'fair', lossPercent: 3 }));
    await spoke2.ok('quality:report', report({ level: 'poor', lossPercent: 20 }));
    const list = await host.ok<QualitySample[]>('host:quality');
    expect(list.map((s) => [s.userId, s.level])).toEqual([
      [people.spoke2.id, 'poor'],
      [people.spoke1.id, 'fair'],
    ]);
    expect(await spoke1.request('host:quality', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Someone who left drops out of the list.
    spoke2.close();
    await host.stateWhere((s) => s.participants.some((p) => p.userId === people.spoke2.id && !p.online));
    expect((await host.ok<QualitySample[]>('host:quality')).map((s) => s.userId)).toEqual([people.spoke1.id]);
  });

  it('refuses a malformed report naming the field', async () => {
    const { spoke1 } = await liveSession();
    const bad = await spoke1.request('quality:report', { ...report(), lossPercent: 140 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', message: /lossPercent/ } });
    const missing = await spoke1.request('quality:report', { level: 'good' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', message: /roundTripMs/ } });
    const level = await spoke1.request('quality:report', { ...report(), level: 'excellent' });
    expect(level).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', message: /level/ } });
  });
});
