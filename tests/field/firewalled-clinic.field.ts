import { type APIRequestContext, type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type Coturn, startCoturn } from '../../scripts/coturn';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { closeOpenedPages, enterLive, expectRising, recv, scheduleNow, total, userIdOf } from '../e2e/helpers';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { chromiumLaunchOptions } from '../e2e/playwright.config';
import { type Hub, seedDemo, startHub } from './hub';

/**
 * Scenario 1 of issue 15, a firewalled clinic: the spoke's namespace passes only TCP to port 443
 * of the hub side (run.mjs). The hub serves its pages on 443 of HUB_IP, Debian's coturn listens
 * on TCP 443 of TURN_IP (plain TURN over TCP: see README "Field tests" for why not TLS here).
 */
const HUB_IP = process.env.FIELD_HUB_IP ?? '';
const TURN_IP = process.env.FIELD_TURN_IP ?? '';
const SPOKE_NS = process.env.FIELD_SPOKE_NS ?? '';
const SECRET = randomBytes(24).toString('base64url');

interface Route {
  send: string | null;
  recv: string | null;
}
const route = (page: Page) =>
  page.evaluate(() => (window as unknown as { __echoLive: { route(): Promise<Route> } }).__echoLive.route());

test.describe.configure({ mode: 'serial' });
test.afterEach(closeOpenedPages);

let dir: string;
let coturn: Coturn | undefined;
let hub: Hub | undefined;
let spokeBrowser: Browser | undefined;
const figures: Record<string, unknown> = {};

test.beforeAll(async () => {
  expect(HUB_IP && TURN_IP && SPOKE_NS, 'run through tests/field/run.mjs, which makes the namespaces').toBeTruthy();
  dir = mkdtempSync(join(tmpdir(), 'echo-hub-field-'));
  seedDemo(HUB_IP, join(dir, 'data'));
  coturn = await startCoturn({
    listenIp: TURN_IP,
    port: 443,
    relayIp: TURN_IP,
    minPort: 49160,
    maxPort: 49260,
    secret: SECRET,
    allowedPeers: [HUB_IP],
  });
  // The spoke's Chromium runs in the clinic's namespace (Playwright talks to it over its inherited pipe).
  const launcher = join(dir, 'chromium-in-clinic.sh');
  writeFileSync(
    launcher,
    `#!/bin/sh\nexec ip netns exec '${SPOKE_NS}' '${chromiumLaunchOptions.executablePath}' "$@"\n`,
  );
  chmodSync(launcher, 0o755);
  spokeBrowser = await chromium.launch({ ...chromiumLaunchOptions, executablePath: launcher });
});

test.afterAll(async () => {
  await spokeBrowser?.close();
  await hub?.close();
  await coturn?.close();
  const out = join(__dirname, '..', '..', 'test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'field-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`[field] figures: ${JSON.stringify(figures)}`);
  rmSync(dir, { recursive: true, force: true });
});

/** Schedules a session, the facilitator (on the hub's side) joins and opens it, then the clinic's spoke joins. */
async function sessionWithSpoke(browser: Browser, request: APIRequestContext, title: string) {
  const { sessionId } = await scheduleNow(request, title, [{ kind: 'didactic', title: 'Goal setting', minutes: 20 }]);
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const joining = Date.now();
  const spoke = await enterLive(spokeBrowser!, 'linkworker.ards@echo.demo', sessionId);
  return { host, spoke, joining };
}

test('through coturn on TCP 443 the spoke sees and hears the facilitator, over a relayed candidate pair', async ({
  browser,
  request,
}) => {
  hub = await startHub(HUB_IP, join(dir, 'data'), {
    TURN_URLS: `turn:${TURN_IP}:443?transport=tcp`,
    TURN_SECRET: SECRET,
  });
  const { host, spoke, joining } = await sessionWithSpoke(browser, request, 'Firewalled clinic (field test)');
  const hostId = await userIdOf(spoke, 'Siobhán McAllister');
  await expectRising(async () => total(await recv(spoke), hostId, 'camera', 'framesDecoded'), 30_000);
  figures.relayFirstVideoMs = Date.now() - joining;
  await expectRising(async () => total(await recv(spoke), hostId, 'mic', 'totalAudioEnergy'));

  // Audio first on a weak network: the spoke's microphone is sent with Opus FEC and DTX.
  const sent = await spoke.evaluate(() =>
    (
      window as unknown as { __echoLive: { sendStats(): Promise<{ source: string; fmtp: string | null }[]> } }
    ).__echoLive.sendStats(),
  );
  expect(sent.find((s) => s.source === 'mic')?.fmtp).toMatch(/(?=.*useinbandfec=1)(?=.*usedtx=1)/);
  const spokeRoute = await route(spoke);
  expect(spokeRoute).toEqual({ send: 'relay', recv: 'relay' });
  figures.spokeRoute = spokeRoute;
  // The facilitator, on the hub's side, is direct.
  expect((await route(host)).send).toBe('host');
  // And the hub decodes the spoke through the relay too.
  const spokeId = await userIdOf(host, 'Ciara Quinn');
  await expectRising(async () => total(await recv(host), spokeId, 'camera', 'framesDecoded'), 30_000);
  await expect(spoke.getByRole('alert')).toHaveCount(0);
});

test('without TURN the same spoke is told why, and what to ask its IT team to open', async ({ browser, request }) => {
  await hub?.close();
  hub = await startHub(HUB_IP, join(dir, 'data'));
  const { spoke, joining } = await sessionWithSpoke(browser, request, 'Firewalled clinic without TURN (field test)');
  const alert = spoke.getByRole('alert');
  await expect(alert).toContainText('Audio and video cannot connect from this network', { timeout: 45_000 });
  figures.unreachableMessageMs = Date.now() - joining;
  await expect(alert).toContainText(`${HUB_IP} on UDP 40000 and TCP 40000`);
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(await route(spoke)).toEqual({ send: null, recv: null });
});
