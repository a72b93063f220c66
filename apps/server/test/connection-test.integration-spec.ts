import type { ConnectionTestInfo, ConnectionTestStatus, ConnectionTestTransport } from '@echo-hub/protocol';
import { ConnectionTestLimits } from '@echo-hub/protocol';
import { createHmac } from 'node:crypto';
import { type Account, account, api, asBytes, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

const SECRET = 'connection-test-turn-secret';
const TURN_URLS = 'turns:turn.example.org:443?transport=tcp,turn:turn.example.org:3478?transport=udp';

/** "Test my connection" over HTTP against the real app and a real mediasoup worker. */
describe('connection test', () => {
  let t: TestApp;
  let me: Account;
  let other: Account;

  beforeAll(async () => {
    t = await startTestApp({ TURN_URLS, TURN_SECRET: SECRET });
    me = await account(t.app, 'spoke');
    other = await account(t.app, 'other');
  });

  afterAll(async () => {
    await t.close();
  });

  it('says without an account what IT must allow: the media host, ports and protocols, and the relays', async () => {
    const res = await api(t.app).get('/api/connection-test').expect(200);
    const info = res.body as ConnectionTestInfo;
    expect(info.media.host).toBe('127.0.0.1');
    expect(info.media.ports.map((p) => p.protocol).sort()).toEqual(['tcp', 'udp']);
    expect(info.relays).toEqual(TURN_URLS.split(','));
    expect(JSON.stringify(info)).not.toContain(SECRET);
  });

  it('sends and takes the bytes the speed test times, uncached, and refuses sizes out of range naming kb', async () => {
    const down = await api(t.app).get('/api/connection-test/download?kb=16').buffer(true).parse(asBytes).expect(200);
    expect((down.body as Buffer).length).toBe(16 * 1024);
    expect(down.headers['cache-control']).toBe('no-store');
    for (const kb of ['0', String(ConnectionTestLimits.maxKb + 1), 'lots']) {
      const bad = await api(t.app).get(`/api/connection-test/download?kb=${kb}`).expect(400);
      expect(JSON.stringify(bad.body)).toContain('kb');
    }

    const up = await api(t.app)
      .post('/api/connection-test/upload')
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.alloc(48 * 1024, 7))
      .expect(200);
    expect(up.body).toEqual({ bytes: 48 * 1024 });
    await api(t.app)
      .post('/api/connection-test/upload')
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.alloc(ConnectionTestLimits.maxKb * 1024 + 1))
      .expect(413);
  });

  it('opens a test transport for a signed-in person only, with a data channel and short-lived relay credentials', async () => {
    await api(t.app).post('/api/connection-test/transports').expect(401);
    const before = Math.floor(Date.now() / 1000);
    const res = await api(t.app).post('/api/connection-test/transports').set(bearer(me)).expect(201);
    const test = res.body as ConnectionTestTransport;
    expect(test.transport.sctpParameters).toMatchObject({ port: 5000 });
    expect(test.transport.iceCandidates.length).toBeGreaterThan(0);
    expect(test.expiresInSeconds).toBe(ConnectionTestLimits.transportSeconds);
    const [ice] = test.transport.iceServers ?? [];
    const [expiry, userId] = ice.username.split(':');
    expect(userId).toBe(me.id);
    expect(Number(expiry)).toBeGreaterThanOrEqual(before + ConnectionTestLimits.turnSeconds);
    expect(Number(expiry)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + ConnectionTestLimits.turnSeconds);
    expect(ice.credential).toBe(createHmac('sha1', SECRET).update(ice.username).digest('base64'));

    const path = `/api/connection-test/transports/${test.transport.id}`;
    const status = await api(t.app).get(path).set(bearer(me)).expect(200);
    expect(status.body as ConnectionTestStatus).toEqual({ iceState: 'new', dtlsState: 'new', protocol: null });
    // Someone else's test is not theirs to read or use.
    await api(t.app).get(path).set(bearer(other)).expect(404);
    await api(t.app)
      .post(`${path}/connect`)
      .set(bearer(other))
      .send({ dtlsParameters: { role: 'client', fingerprints: [] } })
      .expect(404);
    // Bad input is a 400 naming the field, never a 500.
    const bad = await api(t.app).post(`${path}/connect`).set(bearer(me)).send({ dtlsParameters: 'x' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('dtlsParameters');
    const refused = await api(t.app)
      .post(`${path}/connect`)
      .set(bearer(me))
      .send({ dtlsParameters: { role: 'client' } })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('dtlsParameters');
    await api(t.app).get('/api/connection-test/transports/not-a-uuid').set(bearer(me)).expect(400);

    // A new test closes the person's previous one; closing is theirs to do too.
    const next = (await api(t.app).post('/api/connection-test/transports').set(bearer(me)).expect(201))
      .body as ConnectionTestTransport;
    await api(t.app).get(path).set(bearer(me)).expect(404);
    await api(t.app).delete(`/api/connection-test/transports/${next.transport.id}`).set(bearer(me)).expect(204);
    await api(t.app).get(`/api/connection-test/transports/${next.transport.id}`).set(bearer(me)).expect(404);
  });

  it('limits media tests per account', async () => {
    const someone = await account(t.app, 'eager');
    for (let i = 0; i < ConnectionTestLimits.transportsPerMinute; i++) {
      await api(t.app).post('/api/connection-test/transports').set(bearer(someone)).expect(201);
    }
    const refused = await api(t.app).post('/api/connection-test/transports').set(bearer(someone)).expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });
});
