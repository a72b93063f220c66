import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobsService } from '../src/jobs/jobs.service';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember, api, bearer, waitUntil } from './fixtures';
import { type HubProcess, hubProcessUnavailable, startHubProcess } from './hub-process';
import { TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';

const TOKEN = 'metrics-token-for-the-tests';

/** The value of one sample (`name{labels} value`) in Prometheus' text format; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const line = text
    .split('\n')
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('metrics (GET /api/metrics)', () => {
  let t: TestApp;
  let url: string;
  let host: Account;
  const scrape = async () =>
    (await api(t.app).get('/api/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN });
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    host = await account(t.app, 'host');
  });
  afterAll(() => t.close());

  it('answers only the METRICS_TOKEN bearer', async () => {
    await api(t.app).get('/api/metrics').expect(401);
    await api(t.app).get('/api/metrics').set('Authorization', 'Bearer not-the-token').expect(401);
    await api(t.app).get('/api/metrics').set(bearer(host)).expect(401);
    const res = await api(t.app).get('/api/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(sample(res.text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('is off (404) without METRICS_TOKEN', async () => {
    const off = await startTestApp();
    try {
      await api(off.app).get('/api/metrics').expect(404);
    } finally {
      await off.close();
    }
  });

  it('counts HTTP requests by route pattern, method and status (never the ids in the path)', async () => {
    const program = await t.app.get(ProgramsService).create({ name: 'Counted ECHO' });
    await api(t.app).get(`/api/programs/${program.id}`).set(bearer(host)).expect(200);
    await api(t.app).get(`/api/programs/${program.id}`).expect(401);
    await api(t.app).get('/api/no-such-route').expect(404);
    const text = await scrape();
    const count = (route: string, status: string) =>
      sample(text, 'echo_http_request_duration_seconds_count', { method: 'GET', route, status });
    expect(count('/api/programs/:id', '200')).toBe(1);
    expect(count('/api/programs/:id', '401')).toBe(1);
    expect(count('unmatched', '404')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(program.id);
  });

  it('counts socket events by outcome, live rooms, participants and media, worker CPU and job runs', async () => {
    const program = await t.app.get(ProgramsService).create({ name: 'Live ECHO' });
    await addMember(t.app, program.id, host.id, 'facilitator');
    const session = await t.app
      .get(SessionsService)
      .create(program.id, { title: 'Weekly', startsAt: new Date().toISOString(), durationMinutes: 60 }, null);
    const client = new TestLiveClient(url, host.token);
    try {
      await client.connected();
      await client.ok('session:join', { sessionId: session.id });
      await client.ok('host:open');
      await client.ok('media:createTransport', { direction: 'send' });
      expect((await client.request('session:join', { sessionId: 'not-a-uuid' })).ok).toBe(false);
      await t.app.get(JobsService).runJob('recordings.retention');

      const text = await scrape();
      const events = (event: string, outcome: string) =>
        sample(text, 'echo_socket_event_duration_seconds_count', { event, outcome });
      expect(events('session:join', 'ok')).toBe(1);
      expect(events('session:join', 'error')).toBe(1);
      expect(events('host:open', 'ok')).toBe(1);
      expect(sample(text, 'echo_socket_connections')).toBe(1);
      expect(sample(text, 'echo_live_rooms')).toBe(1);
      expect(sample(text, 'echo_live_participants')).toBe(1);
      expect(sample(text, 'echo_mediasoup_producers')).toBe(0);
      expect(sample(text, 'echo_mediasoup_consumers')).toBe(0);
      expect(sample(text, 'echo_mediasoup_worker_cpu_seconds_total', { worker: '0' })).toBeGreaterThan(0);
      expect(sample(text, 'echo_job_runs_total', { job: 'recordings.retention', outcome: 'ok' })).toBe(1);
    } finally {
      client.close();
    }
  });
});

// The logs of a real hub process, as an operator reads them (needs the build: `node scripts/setup.mjs`).
const noBuild = hubProcessUnavailable();
// Skipped only without a build of the server (the title says why); npm test builds it first.
(noBuild ? describe.skip : describe)(`JSON logs with request ids${noBuild ? ` (skipped: ${noBuild})` : ''}`, () => {
  let hub: HubProcess;
  let lines: Record<string, unknown>[] = [];
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'echo-hub-logs-'));
    hub = await startHubProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
    let rest = '';
    hub.child.stdout!.on('data', (b: Buffer) => {
      const text = rest + b.toString();
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));
    });
  });
  afterAll(async () => {
    await hub?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const http = (path: string, init: RequestInit = {}) => fetch(`${hub.url}${path}`, init);
  const answered = (requestId: string) => lines.find((l) => l.requestId === requestId && l.msg === 'request answered');

  it('logs each request once as JSON, with its id, route pattern and status, and no token or path values', async () => {
    lines = [];
    const secret = 'Bearer a-token-that-must-not-be-logged';
    const res = await http('/api/invitations/an-invitation-token-in-the-path', { headers: { Authorization: secret } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await waitUntil(() => !!answered(id!));
    expect(answered(id!)).toMatchObject({
      level: 40,
      service: 'echo-hub',
      req: { method: 'GET' },
      route: '/api/invitations/:token',
      res: { status: 404 },
      ms: expect.any(Number),
    });
    const all = JSON.stringify(lines);
    expect(all).not.toContain('a-token-that-must-not-be-logged');
    expect(all).not.toContain('an-invitation-token-in-the-path');
  });

  it("takes the X-Request-Id of a trusted proxy (loopback, by TRUST_PROXY's default)", async () => {
    const res = await http('/api/programs', { headers: { 'X-Request-Id': 'caddy-1234' } });
    expect(res.headers.get('x-request-id')).toBe('caddy-1234');
    await waitUntil(() => !!answered('caddy-1234'));
    expect(answered('caddy-1234')).toMatchObject({ level: 40, res: { status: 401 } });
    // A malformed one is replaced.
    const odd = await http('/api/programs', { headers: { 'X-Request-Id': 'spaces are not allowed' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives socket events a connection id and an event id in their log lines', async () => {
    const reg = await http('/api/auth/register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'logged@example.org', password: 'a long passphrase', displayName: 'Logged' }),
    });
    expect(reg.status).toBe(202);
    const login = await http('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'logged@example.org', password: 'a long passphrase' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const client = new TestLiveClient(hub.url, accessToken);
    try {
      await client.connected();
      await client.request('session:join', { sessionId: '00000000-0000-4000-8000-000000000000' });
      await waitUntil(() => lines.some((l) => l.msg === 'socket event answered'));
      const line = lines.find((l) => l.msg === 'socket event answered')!;
      expect(line).toMatchObject({
        connectionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        event: 'session:join',
        ok: false,
      });
      expect(lines.some((l) => l.msg === 'socket connected' && l.connectionId === line.connectionId)).toBe(true);
      expect(JSON.stringify(lines)).not.toContain(accessToken);
    } finally {
      client.close();
    }
  });
});
