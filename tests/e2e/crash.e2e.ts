import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../scripts/free-port';
import { closeOpenedPages, enterLive, expectRising, recv, scheduleNow, total, userIdOf } from './helpers';

/**
 * `kill -9` of the hub in the middle of a session, with Chromium pages in it: a hub process of its own (its own
 * port and DATA_DIR, the demo data), killed and started again on the same address. The pages reconnect and
 * rejoin by themselves; the room is as it was (open, locked, the hand queue, recording), video flows again
 * without anyone doing anything, and the recording interrupted by the crash is kept as a partial one.
 */
const dist = join(__dirname, '..', '..', 'apps', 'server', 'dist');
let dir: string;
let hub: ChildProcess | undefined;

async function startHub(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(dist, 'main.js')], {
    env: { ...process.env, ...env, RTC_PORT: String(await freePort(['tcp', 'udp'])) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${env.PORT}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
  return child;
}

test.afterAll(() => {
  hub?.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('after kill -9 the pages come back by themselves to the room as it was, with video', async ({ browser }) => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'echo-hub-e2e-crash-'));
  const port = String(await freePort());
  const env = {
    PORT: port,
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    RTC_LISTEN_IP: '127.0.0.1',
    MEDIASOUP_WORKERS: '1',
    LOG_LEVEL: 'warn',
    LOGIN_ADDRESS_RATE_LIMIT: '10000',
  };
  const seed = spawnSync(process.execPath, [join(dist, 'seed', 'demo-seed.js')], {
    env: { ...process.env, ...env, RTC_PORT: String(await freePort(['tcp', 'udp'])), LOG_LEVEL: 'error' },
    encoding: 'utf8',
  });
  expect(seed.status, seed.stderr).toBe(0);
  hub = await startHub(env);
  const baseURL = `http://127.0.0.1:${port}`;
  let api: APIRequestContext | undefined;
  try {
    api = await playwrightRequest.newContext({ baseURL });
    const { sessionId, programId, token } = await scheduleNow(api, 'Crash test', [
      { kind: 'didactic', title: 'Talk through a crash', minutes: 20 },
    ]);
    const host = await enterLive(browser, 'facilitator@echo.demo', sessionId, { baseURL });
    await host.getByRole('button', { name: 'Open session' }).click();
    const spoke = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId, { baseURL });
    const hostId = await userIdOf(spoke, 'Siobhán McAllister');
    await expectRising(async () => total(await recv(spoke), hostId, 'camera', 'framesDecoded'));
    await spoke.getByRole('button', { name: 'Raise hand' }).click();
    await host.getByRole('button', { name: 'Lock room' }).click();
    await host.getByRole('button', { name: /Talk through a crash/ }).click();
    for (const page of [host, spoke]) {
      await expect(page.getByText('This part of the session is being recorded')).toBeVisible();
      await expect(page.getByText('Room locked')).toBeVisible();
    }
    await host.waitForTimeout(3000); // some seconds of recording written before the crash

    hub.kill('SIGKILL');
    await new Promise((resolve) => hub!.once('exit', resolve));
    const framesBefore = new Set((await recv(spoke)).map((s) => s.consumerId));
    hub = await startHub(env);

    // Nobody clicks anything: the pages are back in the room as it was, and video flows again.
    for (const page of [host, spoke]) {
      await expect(page.getByText('Room locked')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByText('This part of the session is being recorded')).toBeVisible();
      await expect(page.getByText('Waiting for the facilitator to open the session')).toBeHidden();
    }
    await expect(
      host.getByRole('region', { name: 'Hand queue' }).getByText('Ciara Quinn', { exact: true }),
    ).toBeVisible();
    await expect(spoke.getByText(/You are 1st in the queue/)).toBeVisible();
    const fresh = async () =>
      total(
        (await recv(spoke)).filter((s) => !framesBefore.has(s.consumerId)),
        hostId,
        'camera',
        'framesDecoded',
      );
    await expect.poll(fresh, { timeout: 60_000, intervals: [250, 500, 1000] }).toBeGreaterThan(0);

    // The recording cut by the crash is kept, as partial; the one that went on after it is recording.
    const headers = { Authorization: `Bearer ${token}` };
    await expect
      .poll(
        async () =>
          (
            (await (await api!.get(`/api/programs/${programId}/recordings`, { headers })).json()) as {
              status: string;
            }[]
          )
            .map((r) => r.status)
            .sort(),
        { timeout: 60_000 },
      )
      .toEqual(['partial', 'recording']);
  } finally {
    await api?.dispose();
    await closeOpenedPages();
  }
});
