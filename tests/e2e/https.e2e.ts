import { chromium, expect, test } from '@playwright/test';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../scripts/free-port';
import { chromiumLaunchOptions, E2E_PORT } from './playwright.config';
import { closeOpenedPages, enterLive, expectRising, recv, scheduleNow, total, userIdOf } from './helpers';

/**
 * The hub behind Caddy as deploy/render.mjs configures it for a server, with Caddy's internal CA instead
 * of Let's Encrypt and echo.test mapped to 127.0.0.1: the web client loads over HTTPS, signs in, and two
 * people in a live session decode each other's video (socket.io through Caddy's websocket proxying).
 * Node checks Caddy's certificate against Caddy's root; Chromium, which has no way to trust a CA without an
 * NSS database tool, is told to accept it.
 */
const domain = 'echo.test';
let dir: string;
let caddy: ChildProcess;
let origin: string;

/** GET through Caddy with its certificate checked against Caddy's own root, for `domain`. */
function get(port: number, ca: Buffer, path: string): Promise<number> {
  return new Promise((resolve, reject) =>
    request({ host: '127.0.0.1', port, path, servername: domain, ca, headers: { host: `${domain}:${port}` } }, (res) =>
      resolve(res.resume().statusCode ?? 0),
    )
      .on('error', reject)
      .end(),
  );
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'echo-hub-e2e-caddy-'));
  const [https, http] = [await freePort(), await freePort()];
  origin = `https://${domain}:${https}`;
  const render = spawnSync(
    process.execPath,
    [
      join(__dirname, '..', '..', 'deploy', 'render.mjs'),
      ...['--domain', domain, '--internal-ca', '--public-ip', '127.0.0.1', '--hub-port', String(E2E_PORT)],
      ...['--https-port', String(https), '--http-port', String(http), '--caddy-admin', 'off', '--bind', '127.0.0.1'],
      ...['--out', join(dir, 'conf')],
    ],
    { encoding: 'utf8' },
  );
  expect(render.stderr).toBe('');
  const home = join(dir, 'caddy');
  caddy = spawn('caddy', ['run', '--config', join(dir, 'conf', 'Caddyfile'), '--adapter', 'caddyfile'], {
    env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') },
    stdio: 'ignore',
  });
  const root = join(home, 'data', 'caddy', 'pki', 'authorities', 'local', 'root.crt');
  await expect
    .poll(async () => (existsSync(root) ? get(https, readFileSync(root), '/api/health').catch(() => 0) : 0), {
      timeout: 30_000,
    })
    .toBe(200);
});

test.afterAll(() => {
  caddy?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('through Caddy over HTTPS: the client loads, signs in, and a live session decodes video', async ({ request }) => {
  test.setTimeout(120_000);
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...(chromiumLaunchOptions.args ?? []), `--host-resolver-rules=MAP ${domain} 127.0.0.1`],
  });
  try {
    const { sessionId } = await scheduleNow(request, 'Social Prescribing ECHO (HTTPS test)', [
      { kind: 'didactic', title: 'Goal setting', minutes: 20 },
    ]);
    const https = { baseURL: origin, ignoreHTTPSErrors: true };
    const host = await enterLive(browser, 'facilitator@echo.demo', sessionId, https);
    expect(await host.evaluate(() => [location.origin, window.isSecureContext])).toEqual([origin, true]);
    await host.getByRole('button', { name: 'Open session' }).click();
    const spoke = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId, https);

    const hostId = await userIdOf(spoke, 'Siobhán McAllister');
    const spokeId = await userIdOf(host, 'Ciara Quinn');
    await expectRising(async () => total(await recv(host), spokeId, 'camera', 'framesDecoded'));
    await expectRising(async () => total(await recv(spoke), hostId, 'camera', 'framesDecoded'));
  } finally {
    await closeOpenedPages();
    await browser.close();
  }
});
