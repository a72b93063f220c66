import type { CommunityPostEvent } from '@echo-hub/protocol';
import { Queue } from 'bullmq';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTemporaryRedis, temporaryRedisUnavailable, type TemporaryRedis } from '../../../scripts/redis';
import { Notification } from '../src/community/entities/notification.entity';
import { GroupsService } from '../src/community/groups.service';
import { NotificationsService } from '../src/community/notifications.service';
import { ReadinessService } from '../src/health/readiness.service';
import { JOBS_QUEUE } from '../src/jobs/jobs.service';
import { MailService } from '../src/mail/mail.service';
import { ProgramsService } from '../src/programs/programs.service';
import { type Account, account, addMember, api, bearer, waitUntil } from './fixtures';
import { TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';
import { onPostgres, postgresDatabase } from './test-database';

/**
 * Two hub instances sharing one PostgreSQL database and one real redis-server, as behind a load
 * balancer. Several instances need PostgreSQL (SQLite is one process's file), so this suite runs in
 * the PostgreSQL pass of `npm test` (TEST_DATABASE=postgres).
 */
const skipped = onPostgres
  ? temporaryRedisUnavailable()
  : 'several instances share PostgreSQL, not SQLite: it runs with TEST_DATABASE=postgres';
if (skipped) console.log(`scale-out suite skipped: ${skipped}`);

(skipped ? describe.skip : describe)('scale-out: two instances on one PostgreSQL and one Redis', () => {
  let redis: TemporaryRedis;
  let a: TestApp;
  let b: TestApp;
  const urls = {} as Record<'a' | 'b', string>;
  const clients: TestLiveClient[] = [];
  let author: Account;
  let reader: Account;
  let groupId: string;

  beforeAll(async () => {
    redis = await startTemporaryRedis();
    const env = {
      REDIS_URL: redis.url,
      AUTH_SECRET: 'a shared secret of the two instances, 32+ chars',
      LOGIN_RATE_LIMIT: '3',
      LOGIN_ADDRESS_RATE_LIMIT: '30',
    };
    const dataDir = mkdtempSync(join(tmpdir(), 'echo-hub-scale-'));
    await postgresDatabase(dataDir, 'create');
    // Both start at once on a fresh database: the migrations take turns under their lock.
    // A leaves the database in place on close; B, closed last, drops it.
    [a, b] = await Promise.all([startTestApp(env, { dataDir, keepDataDir: true }), startTestApp(env, { dataDir })]);
    for (const [name, t] of [['a', a] as const, ['b', b] as const]) {
      await t.app.listen(0, '127.0.0.1');
      urls[name] = await t.app.getUrl();
    }
    const admin = await account(a.app, 'admin'); // the first account is the instance admin
    const program = await a.app.get(ProgramsService).create({ name: 'Scale-out ECHO' });
    author = await account(a.app, 'author');
    reader = await account(b.app, 'reader');
    for (const who of [author, reader]) await addMember(a.app, program.id, who.id, 'participant');
    const group = await a.app
      .get(GroupsService)
      .create({ id: admin.id, isAdmin: true }, program.id, { name: 'Link workers' }, null);
    groupId = group.id;
  });

  afterAll(async () => {
    for (const c of clients) c.socket.disconnect();
    await a?.close();
    await b?.close();
    redis?.stop();
  });

  const connect = async (url: string, who: Account) => {
    const c = new TestLiveClient(url, who.token);
    clients.push(c);
    await c.connected();
    return c;
  };

  it('signs in on one instance with a token the other accepts (one AUTH_SECRET)', async () => {
    const res = await api(b.app).get('/api/me').set(bearer(author)).expect(200);
    expect(res.body.user.id).toBe(author.id);
  });

  it('delivers a post made through instance A live to a socket connected to instance B', async () => {
    const opened = await api(a.app)
      .post(`/api/groups/${groupId}/threads`)
      .set(bearer(author))
      .send({ title: 'Across instances', body: 'first' });
    expect(opened.status).toBe(201);
    const watcher = await connect(urls.b, reader);
    await watcher.ok('community:watch', { threadId: opened.body.id });
    const delivered = watcher.waitFor<CommunityPostEvent>('community:post', (e) => e.post.body === 'from A');
    await api(a.app)
      .post(`/api/threads/${opened.body.id}/posts`)
      .set(bearer(author))
      .send({ body: 'from A' })
      .expect(201);
    expect((await delivered).post.body).toBe('from A');
  });

  it('counts sign-in attempts against one limit whichever instance they reach; 429 with Retry-After', async () => {
    const attempt = (t: TestApp) =>
      api(t.app).post('/api/auth/login').send({ email: 'guessed@example.org', password: 'wrong password!' });
    const answers = [];
    for (const t of [a, b, a, b, a]) answers.push(await attempt(t));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 429, 429]);
    expect(Number(answers[3].headers['retry-after'])).toBeGreaterThan(0);
    expect(answers[3].body).toMatchObject({ error: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) });
  });

  it('stops password spraying from one address: 20 accounts × 5 passwords end in 429', async () => {
    const statuses: number[] = [];
    for (let p = 0; p < 5; p++) {
      for (let i = 0; i < 20; i++) {
        const t = i % 2 ? a : b;
        const res = await api(t.app)
          .post('/api/auth/login')
          .send({ email: `sprayed-${i}@example.org`, password: `common password ${p}` });
        statuses.push(res.status);
      }
    }
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThanOrEqual(30); // LOGIN_ADDRESS_RATE_LIMIT, less what the test above used
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
    expect(statuses.slice(0, first429).every((s) => s === 401)).toBe(true);
  });

  it('runs a scheduled digest on one instance only: one schedule, one run, one email', async () => {
    const mails = { a: a.app.get(MailService), b: b.app.get(MailService) };
    const sent: string[] = [];
    for (const mail of Object.values(mails)) {
      jest.spyOn(mail, 'enabled', 'get').mockReturnValue(true);
      jest.spyOn(mail, 'send').mockImplementation(async (to) => {
        sent.push(to);
        return true;
      });
    }
    const runs = [a, b].map((t) => jest.spyOn(t.app.get(NotificationsService), 'sendDigests'));
    // A reply to the author's thread, left unread long enough to go into the digest.
    const thread = await api(a.app)
      .post(`/api/groups/${groupId}/threads`)
      .set(bearer(author))
      .send({ title: 'Digest me', body: 'question' });
    await api(b.app)
      .post(`/api/threads/${thread.body.id}/posts`)
      .set(bearer(reader))
      .send({ body: 'answer' })
      .expect(201);
    const hourAgo = new Date(Date.now() - 60 * 60_000).toISOString();
    await a.app.get(DataSource).getRepository(Notification).update({ userId: author.id }, { createdAt: hourAgo });

    const queue = new Queue(JOBS_QUEUE, { connection: { url: redis.url } });
    try {
      // One schedule per job, however many instances started.
      const schedulers = (await queue.getJobSchedulers()).map((j) => j.key).sort();
      expect(schedulers).toEqual(['community.attachments-cleanup', 'community.digests', 'recordings.retention']);
      const next = (await queue.getDelayed()).find((j) => j.name === 'community.digests');
      expect(next).toBeDefined();
      await next!.promote();
      await waitUntil(() => runs.reduce((n, r) => n + r.mock.calls.length, 0) > 0);
      await waitUntil(() => sent.length > 0);
      while ((await queue.getJob(next!.id!))?.finishedOn === undefined) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await queue.close();
    }
    expect(runs.map((r) => r.mock.calls.length).sort()).toEqual([0, 1]);
    expect(sent).toEqual([author.email]);
  });

  it('reports Redis in /api/health and readiness in /api/ready; a draining instance answers 503', async () => {
    for (const t of [a, b]) {
      const health = await api(t.app).get('/api/health').expect(200);
      expect(health.body).toMatchObject({ status: 'ok', db: 'ok', redis: 'ok' });
      await api(t.app).get('/api/ready').expect(200, { ready: true });
    }
    a.app.get(ReadinessService).drain();
    await api(a.app).get('/api/ready').expect(503, { ready: false, reason: 'draining' });
    await api(b.app).get('/api/ready').expect(200, { ready: true });
  });

  it('says so when Redis is down (health, ready and sign-in answer 503) and recovers when it is back', async () => {
    const port = redis.port;
    redis.stop();
    const health = await api(b.app).get('/api/health').expect(503);
    expect(health.body).toMatchObject({ status: 'degraded', db: 'ok', redis: 'error' });
    await api(b.app).get('/api/ready').expect(503, { ready: false, reason: 'redis' });
    const login = await api(b.app)
      .post('/api/auth/login')
      .send({ email: 'someone@example.org', password: 'a password at all' });
    expect(login.status).toBe(503);
    expect(login.body.message).toMatch(/Redis is not answering/);

    redis = await startTemporaryRedis(port);
    for (let ready = 0; ready !== 200;) {
      await new Promise((r) => setTimeout(r, 100));
      ready = (await api(b.app).get('/api/ready')).status;
    }
    await api(b.app).get('/api/health').expect(200);
    const again = await api(b.app)
      .post('/api/auth/login')
      .send({ email: 'someone@example.org', password: 'a password at all' });
    expect(again.status).toBe(401);
  });
});
