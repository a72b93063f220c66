import type { IceServer, JoinResponse, TransportOptions } from '@echo-hub/protocol';
import { execFile } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { createConnection } from 'node:net';
import { promisify } from 'node:util';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../scripts/free-port';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { SessionsService } from '../src/sessions/sessions.service';
import { ProgramsService } from '../src/programs/programs.service';
import { type Coturn, startCoturn } from './coturn';
import { type Account, account, addMember } from './fixtures';
import { connectClient, type TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';

const SECRET = 'field-clinic-turn-secret';

/** A UDP echo server standing in for the hub's media port (what the relay may reach). */
function echoPeer(): Promise<Socket> {
  const socket = createSocket('udp4').on('message', (m, from) => socket.send(m, from.port, from.address));
  return new Promise((resolve) => socket.bind(0, '127.0.0.1', () => resolve(socket)));
}

/**
 * Allocates on the TURN server over TCP with these credentials (coturn's own client) and sends one packet
 * through the relay to `peer`: `relayed` when its echo came back.
 */
async function allocate(port: number, server: IceServer, peer: string, peerPort: number): Promise<string> {
  const args = ['-t', '-c', '-n', '1', '-m', '1', '-p', String(port), '-e', peer, '-r', String(peerPort)];
  try {
    const { stdout } = await promisify(execFile)(
      'turnutils_uclient',
      [...args, '-u', server.username, '-w', server.credential, '127.0.0.1'],
      { timeout: 30_000 },
    );
    return /Total lost packets 0 /.test(stdout) ? 'relayed' : 'lost';
  } catch (e) {
    const out = String((e as { stdout?: string }).stdout ?? '');
    return /403/.test(out) ? 'forbidden peer' : 'refused';
  }
}

describe('TURN credentials for admitted participants only, checked by coturn itself', () => {
  let coturn: Coturn;
  let peer: Socket;
  let peerPort: number;
  let turnPort: number;
  let t: TestApp;
  let url: string;
  let sessionId: string;
  const people: Record<'host' | 'spoke' | 'late' | 'stranger', Account> = {} as never;
  const clients: TestLiveClient[] = [];

  const connect = (who: Account) => connectClient(url, who.token, clients);
  const transport = (c: TestLiveClient) => c.request('media:createTransport', { direction: 'recv' });

  beforeAll(async () => {
    peer = await echoPeer();
    peerPort = peer.address().port;
    turnPort = await freePort(['tcp', 'udp']);
    const relay = await freePort(['udp']);
    coturn = await startCoturn({
      listenIp: '127.0.0.1',
      port: turnPort,
      minPort: relay,
      maxPort: relay + 20,
      secret: SECRET,
      mediaIp: '127.0.0.1',
    });
    t = await startTestApp({
      TURN_URLS: `turn:127.0.0.1:${turnPort}?transport=tcp,turn:127.0.0.1:${turnPort}?transport=udp`,
      TURN_SECRET: SECRET,
      TURN_TTL_SECONDS: '900',
    });
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    for (const name of ['host', 'spoke', 'late', 'stranger'] as const) people[name] = await account(t.app, name);
    const program = await t.app.get(ProgramsService).create({ name: 'Rural Clinics ECHO' });
    await addMember(t.app, program.id, people.host.id, 'facilitator');
    await addMember(t.app, program.id, people.spoke.id, 'participant');
    await addMember(t.app, program.id, people.late.id, 'participant');
    sessionId = (
      await t.app
        .get(SessionsService)
        .create(program.id, { title: 'Live', startsAt: new Date().toISOString(), durationMinutes: 60 }, null)
    ).id;
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t?.close();
    await coturn?.close();
    peer?.close();
  });

  it('a spoke in the lobby gets no credentials; once admitted, its own, which coturn accepts', async () => {
    const spoke = await connect(people.spoke);
    await spoke.ok<JoinResponse>('session:join', { sessionId });
    expect(await transport(spoke)).toEqual({ ok: false, error: expect.objectContaining({ code: 'IN_LOBBY' }) });

    const host = await connect(people.host);
    await host.ok<JoinResponse>('session:join', { sessionId });
    const hostOptions = await host.ok<TransportOptions>('media:createTransport', { direction: 'send' });
    expect(hostOptions.iceServers).toHaveLength(1);
    expect(hostOptions.iceServers?.[0].username).toMatch(new RegExp(`^\\d+:${people.host.id}$`));
    await host.ok('host:open');

    const before = Math.floor(Date.now() / 1000);
    const options = await spoke.ok<TransportOptions>('media:createTransport', { direction: 'recv' });
    const [server] = options.iceServers ?? [];
    expect(server.urls).toEqual([
      `turn:127.0.0.1:${turnPort}?transport=tcp`,
      `turn:127.0.0.1:${turnPort}?transport=udp`,
    ]);
    const [expiry, userId] = server.username.split(':');
    expect(userId).toBe(people.spoke.id);
    expect(Number(expiry)).toBeGreaterThanOrEqual(before + 900);
    expect(Number(expiry)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 900);

    expect(await allocate(turnPort, server, '127.0.0.1', peerPort)).toBe('relayed');
    const other = { ...server, credential: hostOptions.iceServers![0].credential };
    expect(await allocate(turnPort, other, '127.0.0.1', peerPort)).toBe('refused');
    expect(
      await allocate(
        turnPort,
        { ...server, username: server.username.replace(/^\d+/, String(Number(expiry) + 3600)) },
        '127.0.0.1',
        peerPort,
      ),
    ).toBe('refused');
  });

  it('the relay reaches the hub’s media address and no other loopback peer', async () => {
    const host = clients[1];
    const [server] = (await host.ok<TransportOptions>('media:createTransport', { direction: 'recv' })).iceServers ?? [];
    // (Only loopback peers here: a test never sends to other addresses, even by mistake.)
    expect(await allocate(turnPort, server, '127.0.0.2', peerPort)).toBe('forbidden peer');
    expect(await allocate(turnPort, server, '127.0.0.1', peerPort)).toBe('relayed');
  });

  it('someone not a member, or waiting in the lobby of a locked room, gets none', async () => {
    const stranger = await connect(people.stranger);
    expect(await stranger.request('session:join', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await transport(stranger)).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });

    await clients[1].ok('host:lock', { locked: true });
    const late = await connect(people.late);
    await late.ok('session:join', { sessionId }); // knocks: in the lobby until a host admits them
    expect(await transport(late)).toMatchObject({ ok: false, error: { code: 'IN_LOBBY' } });
  });

  it('without TURN, no ICE servers (today’s behaviour); candidates on UDP/TCP RTC_PORT and TCP RTC_TCP_PORT, UDP first', async () => {
    const tcpPort = await freePort(['tcp']);
    const plain = await startTestApp({ RTC_TCP_PORT: String(tcpPort) });
    try {
      await plain.app.listen(0, '127.0.0.1');
      const host = await account(plain.app, 'plain-host');
      const program = await plain.app.get(ProgramsService).create({ name: 'No TURN ECHO' });
      await addMember(plain.app, program.id, host.id, 'facilitator');
      const session = await plain.app
        .get(SessionsService)
        .create(program.id, { title: 'Live', startsAt: new Date().toISOString(), durationMinutes: 60 }, null);
      const c = await connectClient(await plain.app.getUrl(), host.token, clients);
      await c.ok('session:join', { sessionId: session.id });
      const options = await c.ok<TransportOptions>('media:createTransport', { direction: 'recv' });
      expect(options).not.toHaveProperty('iceServers');
      const rtcPort = plain.app.get<AppConfig>(APP_CONFIG).mediasoup.port;
      const candidates = options.iceCandidates as { protocol: string; port: number; priority: number }[];
      expect(candidates.map((c) => `${c.protocol}:${c.port}`).sort()).toEqual(
        [`tcp:${rtcPort}`, `tcp:${tcpPort}`, `udp:${rtcPort}`].sort(),
      );
      const best = candidates.reduce((a, b) => (b.priority > a.priority ? b : a));
      expect(best.protocol).toBe('udp');
      const tcpPriority = (port: number) => candidates.find((c) => c.protocol === 'tcp' && c.port === port)?.priority;
      expect(tcpPriority(tcpPort)).toBeGreaterThan(tcpPriority(rtcPort) ?? Infinity);
      // Something really listens there.
      await new Promise<void>((resolve, reject) => {
        const socket = createConnection(tcpPort, '127.0.0.1', () => resolve(socket.destroy() && undefined));
        socket.once('error', reject);
      });
    } finally {
      await plain.close();
    }
  });
});
