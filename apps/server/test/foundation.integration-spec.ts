import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { WorkerPool } from '../src/media/worker-pool';
import { startTestApp, type TestApp } from './test-app';
import { onPostgres } from './test-database';

describe('foundation: the real app on a temporary SQLite file with real mediasoup workers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ MEDIASOUP_WORKERS: '2' });
  });
  afterAll(() => t.close());

  it('answers /api/health with the database, storage and worker count', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', db: 'ok', storage: 'ok', mediasoup: { workers: 2 } });
    expect(res.body).not.toHaveProperty('redis'); // one process: no Redis to report
  });

  it('answers /api/ready for a load balancer: 200 while it takes new work', async () => {
    await request(t.app.getHttpServer()).get('/api/ready').expect(200, { ready: true });
  });

  it('keeps its SQLite database in the data directory (or uses PostgreSQL), migrations applied', async () => {
    const db = t.app.get(DataSource);
    expect(db.options.type).toBe(onPostgres ? 'postgres' : 'sqlite');
    expect(existsSync(join(t.dataDir, 'echo-hub.sqlite'))).toBe(!onPostgres);
    expect(db.options.synchronize).toBe(false);
    expect(await db.showMigrations()).toBe(false); // nothing pending
  });

  it('serves an OpenAPI 3 document at /api/docs-json listing the health route', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths['/api/health']).toBeDefined();
    await request(t.app.getHttpServer()).get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('creates a router and a WebRtcTransport on a real worker', async () => {
    const pool = t.app.get(WorkerPool);
    const router = await pool.createRouter();
    const transport = await router.createWebRtcTransport(pool.webRtcTransportOptions(router));
    expect(router.rtpCapabilities.codecs?.map((c) => c.mimeType)).toEqual(
      expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']),
    );
    expect(transport.iceCandidates.length).toBeGreaterThan(0);
    expect(transport.iceCandidates.every((c) => c.ip === '127.0.0.1')).toBe(true);
    expect(transport.dtlsParameters.fingerprints.length).toBeGreaterThan(0);
    router.close();
    expect(transport.closed).toBe(true);
  });

  it('places routers on the least-loaded worker', async () => {
    const pool = t.app.get(WorkerPool);
    const a = await pool.createRouter();
    const b = await pool.createRouter();
    const hosts = new Set([a, b].map((r) => pool.workerOf(r)?.pid));
    expect(hosts.size).toBe(2);
    a.close();
    b.close();
  });

  it('replaces a worker whose process is killed, and the new one hosts routers', async () => {
    const pool = t.app.get(WorkerPool);
    const [victim] = pool.pids();
    const replaced = new Promise<{ deadPid: number; freshPid: number }>((resolve) =>
      pool.events.once('replaced', ({ dead, fresh }) => resolve({ deadPid: dead.pid, freshPid: fresh.pid })),
    );
    process.kill(victim, 'SIGKILL');
    const { deadPid, freshPid } = await replaced;
    expect(deadPid).toBe(victim);
    expect(freshPid).not.toBe(victim);
    expect(pool.size).toBe(2);
    expect(pool.pids()).toContain(freshPid);
    expect(pool.pids()).not.toContain(victim);

    const res = await request(t.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body.mediasoup.workers).toBe(2);
    const routers = await Promise.all([pool.createRouter(), pool.createRouter()]);
    expect(routers.map((r) => pool.workerOf(r)?.pid)).toContain(freshPid);
    routers.forEach((r) => r.close());
  });
});

describe('errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers unknown routes with a JSON 404', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/nope').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
  });
});
