import type { JoinResponse, RoomState } from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { AuthService } from '../src/auth/auth.service';
import { RoomRegistry } from '../src/live/room-registry';
import { Membership } from '../src/programs/entities/membership.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember, api, asBytes, bearer, waitUntil } from './fixtures';
import { connectClient, type TestLiveClient } from './live-client';
import { fakeRecording } from './routes';
import { startTestApp, type TestApp } from './test-app';

/**
 * A right that ends ends everywhere it is used: the live socket opened before (its next event is refused and it
 * is out of the room) and the recording playback ticket (it stops streaming). One test per right that can be lost:
 * removal from the program, sign-out, password change, program deleted; and the per-event check on its own.
 * Each test has a program and session of its own.
 */
describe('rights lost while connected', () => {
  let t: TestApp;
  let url: string;
  let clients: TestLiveClient[] = [];
  let admin: Account;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    admin = await account(t.app, 'admin'); // the first account is the instance admin
  });
  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });
  afterAll(() => t.close());

  /** A program with a facilitator and a spoke in its live session (opened), and a recording the spoke may play. */
  async function scene() {
    const host = await account(t.app, 'host');
    const spoke = await account(t.app, 'spoke');
    const program = await t.app.get(ProgramsService).create({ name: 'Rights ECHO' });
    await addMember(t.app, program.id, host.id, 'facilitator');
    const membership = await addMember(t.app, program.id, spoke.id, 'participant');
    const session = await t.app
      .get(SessionsService)
      .create(program.id, { title: 'Live', startsAt: new Date().toISOString(), durationMinutes: 60 }, null);
    const recording = await fakeRecording(t, program.id, session.id);
    const join = async (who: Account) => {
      const c = await connectClient(url, who.token, clients);
      c.state = (await c.ok<JoinResponse>('session:join', { sessionId: session.id })).state as RoomState;
      return c;
    };
    const hostClient = await join(host);
    await hostClient.ok('host:open');
    const spokeClient = await join(spoke);
    await spokeClient.ok('hand:raise');
    await hostClient.stateWhere((s) => s.hands.some((h) => h.userId === spoke.id));
    const ticket = await playbackUrl(spoke, recording);
    expect(await plays(ticket)).toBe(true);
    return { host, spoke, program, membership, sessionId: session.id, recording, hostClient, spokeClient, ticket };
  }

  const playbackUrl = async (who: Account, recording: string) =>
    (await api(t.app).post(`/api/recordings/${recording}/ticket`).set(bearer(who)).expect(201)).body.url as string;

  /** Whether the ticket streams a range of the file now (a new range request, as a <video> makes mid-way). */
  const plays = async (ticketUrl: string) => {
    const res = await api(t.app).get(ticketUrl).set('Range', 'bytes=0-9').buffer(true).parse(asBytes);
    if (res.status !== 206 && res.status !== 401) throw new Error(`unexpected ${res.status}`);
    return res.status === 206;
  };

  /** Resolves when the server closed the socket. */
  const closedByServer = (c: TestLiveClient) =>
    new Promise<string>((resolve) => {
      if (!c.socket.connected) return resolve('already');
      c.socket.once('disconnect', (reason) => resolve(reason));
    });

  /** The same client connecting again (as the web client does after "io server disconnect"). */
  const reconnect = (c: TestLiveClient) =>
    new Promise<'connected' | string>((resolve) => {
      c.socket.once('connect', () => resolve('connected'));
      c.socket.once('connect_error', (e) => resolve(e.message));
      c.socket.connect();
    });

  it('removal from the program: the socket is closed, out of the room and refused back; the ticket stops', async () => {
    const s = await scene();
    const closed = closedByServer(s.spokeClient);
    await api(t.app).delete(`/api/programs/${s.program.id}/members/${s.membership.id}`).set(bearer(s.host)).expect(204);
    expect(await closed).toBe('io server disconnect');
    // Off the participant list and the hand queue, for those still there.
    await s.hostClient.stateWhere(
      (st) => !st.participants.some((p) => p.userId === s.spoke.id) && st.hands.length === 0,
    );
    expect(await reconnect(s.spokeClient)).toBe('connected'); // still signed in: other programs stay open to them
    expect(await s.spokeClient.request('hand:raise', {})).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    expect(await s.spokeClient.request('session:join', { sessionId: s.sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await plays(s.ticket)).toBe(false);
    // The host is untouched.
    await s.hostClient.ok('chat:send', { text: 'Carrying on' });
  });

  it('sign-out: the socket is closed and cannot come back; the ticket stops', async () => {
    const s = await scene();
    const closed = closedByServer(s.spokeClient);
    await api(t.app).post('/api/auth/logout').set(bearer(s.spoke)).expect(204);
    expect(await closed).toBe('io server disconnect');
    await s.hostClient.stateWhere((st) => st.participants.find((p) => p.userId === s.spoke.id)?.online === false);
    expect(await reconnect(s.spokeClient)).toMatch(/UNAUTHORIZED/);
    expect(await plays(s.ticket)).toBe(false);
  });

  it('password change: the sockets and tickets of the other sign-ins stop; those of the one that changed it go on', async () => {
    const s = await scene();
    // The spoke signs in again on another device and changes the password there.
    const auth = t.app.get(AuthService);
    const email = (await api(t.app).get('/api/me').set(bearer(s.spoke)).expect(200)).body.user.email as string;
    const { accessToken } = await auth.login({ email, password: 'correct horse battery' }, '10.9.9.9');
    const device: Account = { ...s.spoke, token: accessToken };
    const deviceClient = await connectClient(url, device.token, clients);
    await deviceClient.ok('session:join', { sessionId: s.sessionId });
    const deviceTicket = await playbackUrl(device, s.recording);

    const closed = closedByServer(s.spokeClient);
    await api(t.app)
      .post('/api/auth/password')
      .set(bearer(device))
      .send({ currentPassword: 'correct horse battery', newPassword: 'a new and longer passphrase' })
      .expect(204);
    expect(await closed).toBe('io server disconnect');
    expect(await reconnect(s.spokeClient)).toMatch(/UNAUTHORIZED/);
    expect(await plays(s.ticket)).toBe(false);

    expect(deviceClient.socket.connected).toBe(true);
    await deviceClient.ok('chat:send', { text: 'Still here on my other device' });
    expect(await plays(deviceTicket)).toBe(true);
  });

  it('program deleted: every member’s socket is closed, the room ends, and the tickets stop', async () => {
    const s = await scene();
    const closed = [closedByServer(s.spokeClient), closedByServer(s.hostClient)];
    await api(t.app).delete(`/api/programs/${s.program.id}`).set(bearer(admin)).expect(204);
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    await waitUntil(() => t.app.get(RoomRegistry).get(s.sessionId) === undefined);
    expect(await reconnect(s.hostClient)).toBe('connected');
    expect(await s.hostClient.request('session:join', { sessionId: s.sessionId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await plays(s.ticket)).toBe(false);
    await api(t.app).get(`/api/programs/${s.program.id}`).set(bearer(s.host)).expect(404);
  });

  it('every event checks the right as it is now, even when nobody said it ended', async () => {
    const s = await scene();
    // The membership goes behind the services' back (as another tool on the database would): no event, no
    // disconnect. The spoke's next events are refused once the cached right has expired (RIGHTS_TTL_MS).
    await t.app.get(DataSource).getRepository(Membership).delete({ id: s.membership.id });
    const refused = async () => {
      for (;;) {
        const ack = await s.spokeClient.request('hand:lower', {});
        if (!ack.ok) return ack;
        // Slower than the hand-change limit (HandLimits.perMinute) over the cache's lifetime.
        await new Promise((r) => setTimeout(r, 600));
      }
    };
    expect(await refused()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.spokeClient.request('chat:send', { text: 'hello?' })).toMatchObject({ ok: false });
    expect(await plays(s.ticket)).toBe(false);
  }, 30_000);
});
