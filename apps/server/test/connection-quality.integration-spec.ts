import type { JoinResponse, QualityReport, QualitySample, TransportOptions } from '@echo-hub/protocol';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember } from './fixtures';
import { connectClient, type TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';

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
  let t: TestApp;
  let url: string;
  let programId: string;
  const people: Record<'host' | 'spoke1' | 'spoke2', Account> = {} as never;
  let clients: TestLiveClient[] = [];

  const liveSession = async () => {
    const sessionId = (
      await t.app
        .get(SessionsService)
        .create(programId, { title: 'Quality', startsAt: new Date().toISOString(), durationMinutes: 60 }, null)
    ).id;
    const [host, spoke1, spoke2] = await Promise.all(
      [people.host, people.spoke1, people.spoke2].map((p) => connectClient(url, p.token, clients)),
    );
    for (const c of [host, spoke1, spoke2]) c.state = (await c.ok<JoinResponse>('session:join', { sessionId })).state;
    await host.ok('host:open');
    await Promise.all([spoke1, spoke2].map((c) => c.stateWhere((s) => s.open)));
    return { sessionId, host, spoke1, spoke2 };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    for (const name of ['host', 'spoke1', 'spoke2'] as const) people[name] = await account(t.app, name);
    programId = (await t.app.get(ProgramsService).create({ name: 'Quality ECHO' })).id;
    await addMember(t.app, programId, people.host.id, 'facilitator');
    await addMember(t.app, programId, people.spoke1.id, 'participant');
    await addMember(t.app, programId, people.spoke2.id, 'participant');
  });

  afterEach(() => {
    clients.forEach((c) => c.close());
    clients = [];
  });

  afterAll(async () => {
    await t.close();
  });

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
