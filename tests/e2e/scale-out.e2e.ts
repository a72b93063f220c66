import { type APIRequestContext, expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../scripts/free-port';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTemporaryPostgres, type TemporaryPostgres, temporaryPostgresUnavailable } from '../../scripts/postgres';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTemporaryRedis, type TemporaryRedis, temporaryRedisUnavailable } from '../../scripts/redis';
import {
  closeOpenedPages,
  enterLive,
  expectRising,
  openPage,
  recv,
  scheduleNow,
  signIn,
  total,
  userIdOf,
} from './helpers';

/**
 * Two hub processes sharing a PostgreSQL and a Redis, as behind a load balancer: the facilitator is on
 * instance A, which takes the session's owner lease and runs its media; the spoke is on instance B, whose
 * live events are bridged to A over Redis while its media goes to A's media address. Each decodes the
 * other's camera and receives the other's audio.
 */
const dist = join(__dirname, '..', '..', 'apps', 'server', 'dist');
const missing = temporaryPostgresUnavailable() ?? temporaryRedisUnavailable();
if (missing && !process.env.TEST_WORKER_INDEX) console.log(`[e2e] scale-out test skipped: ${missing}`);

let dir: string;
let postgres: TemporaryPostgres | undefined;
let redis: TemporaryRedis | undefined;
const hubs: ChildProcess[] = [];
const instances: { origin: string; rtcPort: number }[] = [];

declare global {
  interface Window {
    __peerConnections?: RTCPeerConnection[];
  }
}

/** A hub process on its own HTTP and media ports and DATA_DIR; resolves once it answers /api/health. */
async function startHub(env: Record<string, string>, name: string): Promise<{ origin: string; rtcPort: number }> {
  const port = await freePort();
  const rtcPort = await freePort(['tcp', 'udp']);
  const child = spawn(process.execPath, [join(dist, 'main.js')], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(dir, `${name}-`)),
      RTC_LISTEN_IP: '127.0.0.1',
      RTC_PORT: String(rtcPort),
      MEDIASOUP_WORKERS: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  hubs.push(child);
  const origin = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      () =>
        fetch(`${origin}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
  return { origin, rtcPort };
}

/** The ports of the remote ICE candidates the page's peer connections use (the SFU's media ports). */
const mediaPorts = (page: Page) =>
  page.evaluate(async () => {
    const ports = new Set<number>();
    for (const pc of window.__peerConnections ?? []) {
      const stats: { id: string; type: string; state?: string; remoteCandidateId?: string; port: number }[] = [];
      (await pc.getStats()).forEach((s) => stats.push(s));
      for (const pair of stats.filter((s) => s.type === 'candidate-pair' && s.state === 'succeeded')) {
        const remote = stats.find((s) => s.id === pair.remoteCandidateId);
        if (remote) ports.add(remote.port);
      }
    }
    return [...ports];
  });

test.beforeAll(async () => {
  if (missing) return;
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'echo-hub-e2e-scale-'));
  postgres = await startTemporaryPostgres({ prefix: 'echo-hub-e2e-pg-', user: 'echo', database: 'echo_hub' });
  redis = await startTemporaryRedis();
  const seed = spawnSync(process.execPath, [join(dist, 'seed', 'demo-seed.js')], {
    env: {
      ...process.env,
      DATABASE_URL: postgres.url,
      DATA_DIR: mkdtempSync(join(dir, 'seed-')),
      RTC_PORT: String(await freePort(['tcp', 'udp'])),
      LOG_LEVEL: 'error',
    },
    encoding: 'utf8',
  });
  expect(seed.status, seed.stderr).toBe(0);
  const shared = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    AUTH_SECRET: 'the secret both e2e scale-out instances share',
    LOGIN_ADDRESS_RATE_LIMIT: '10000',
  };
  instances.push(await startHub(shared, 'a'), await startHub(shared, 'b'));
});

test.afterAll(() => {
  for (const hub of hubs) hub.kill('SIGKILL');
  redis?.stop();
  postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a facilitator on instance A and a spoke on instance B see and hear each other', async ({ browser }) => {
  // Skipped only where PostgreSQL or redis-server is not installed (the reason printed names which): `npm test`
  // installs both as root, so CI runs this spec (issue #16's scale-out; noted in the session-5 closing note).
  test.skip(!!missing, missing ?? '');
  test.setTimeout(120_000);
  const [{ origin: a, rtcPort: aMedia }, { origin: b }] = instances;
  let api: APIRequestContext | undefined;
  try {
    api = await playwrightRequest.newContext({ baseURL: a });
    const { sessionId } = await scheduleNow(api, 'Social Prescribing ECHO (two instances)', [
      { kind: 'didactic', title: 'Goal setting', minutes: 20 },
    ]);
    const host = await enterLive(browser, 'facilitator@echo.demo', sessionId, { baseURL: a });
    await host.getByRole('button', { name: 'Open session' }).click();
    // The spoke's page keeps its peer connections where the test can read which media address they use.
    const spoke = await openPage(browser, { baseURL: b });
    await spoke.context().addInitScript(() => {
      const Native = window.RTCPeerConnection;
      window.RTCPeerConnection = class extends Native {
        constructor(config?: RTCConfiguration) {
          super(config);
          (window.__peerConnections ??= []).push(this);
        }
      };
    });
    await signIn(spoke, 'linkworker.ards@echo.demo');
    await spoke.goto(`/sessions/${sessionId}/live`);
    await spoke.getByRole('button', { name: 'Join session' }).click();

    const hostId = await userIdOf(spoke, 'Siobhán McAllister');
    const spokeId = await userIdOf(host, 'Ciara Quinn');
    await expectRising(async () => total(await recv(host), spokeId, 'camera', 'framesDecoded'));
    await expectRising(async () => total(await recv(spoke), hostId, 'camera', 'framesDecoded'));
    await expectRising(async () => total(await recv(host), spokeId, 'mic', 'totalAudioEnergy'));
    await expectRising(async () => total(await recv(spoke), hostId, 'mic', 'totalAudioEnergy'));
    // B signalled for the spoke, but its media went to A, the session's owner.
    expect(new URL(spoke.url()).origin).toBe(b);
    expect(await mediaPorts(spoke)).toEqual([aMedia]);
  } finally {
    await api?.dispose();
    await closeOpenedPages();
  }
});
