import { type APIRequestContext, type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type Coturn, startCoturn } from '../../scripts/coturn';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  closeOpenedPages,
  enterLive,
  expectRising,
  recv,
  type RecvStat,
  scheduleNow,
  total,
  userIdOf,
} from '../e2e/helpers';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { chromiumLaunchOptions } from '../e2e/playwright.config';
import { type Hub, seedDemo, startHub } from './hub';

/**
 * Scenario 1 of issue 15, a firewalled clinic: the spoke's namespace passes only TCP to port 443
 * of the hub side (run.mjs). The hub serves its pages on 443 of HUB_IP, Debian's coturn listens
 * on TCP 443 of TURN_IP (plain TURN over TCP: see README "Field tests" for why not TLS here).
 * Scenarios 2 and 3, a lossy and a very slow link: the same clinic, its link (the veth pair run.mjs
 * makes) shaped, with UDP to the hub's media port let through.
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

/** The veth pair between the two namespaces (run.mjs): the hub's end and the clinic's end. */
const HUB_DEV = 'fh0';
const SPOKE_DEV = 'fs0';
const inSpoke = (...argv: string[]) => execFileSync('ip', ['netns', 'exec', SPOKE_NS, ...argv]);

/** Shapes the clinic's link to `kbit` in each direction (tbf on each veth end's egress; no netem on this kernel). */
function shapeLink(kbit: number): void {
  const tbf = ['root', 'tbf', 'rate', `${kbit}kbit`, 'burst', '4kb', 'latency', '200ms'];
  execFileSync('tc', ['qdisc', 'replace', 'dev', HUB_DEV, ...tbf]);
  inSpoke('tc', 'qdisc', 'replace', 'dev', SPOKE_DEV, ...tbf);
}

/** Clean-up in `finally`: runs whether or not the test got as far as adding what it removes. */
const undo = (...argv: string[]) => spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });
const undoInSpoke = (...argv: string[]) => undo('ip', 'netns', 'exec', SPOKE_NS, ...argv);

/** The clinic lets UDP through to the hub's media port for this scenario (a slow link, not a firewalled one). */
const UDP_RULE = ['OUTPUT', '-p', 'udp', '-d', HUB_IP, '--dport', '40000', '-j', 'ACCEPT'];

/** Share of the spoke's audio the facilitator's decoder had to make up (silence under DTX aside) between two reads. */
function concealment(before: RecvStat[], after: RecvStat[], userId: string): number {
  const delta = (field: 'concealedSamples' | 'silentConcealedSamples' | 'totalSamplesReceived') =>
    total(after, userId, 'mic', field) - total(before, userId, 'mic', field);
  const received = delta('totalSamplesReceived');
  expect(received, 'the facilitator receives the spoke audio').toBeGreaterThan(0);
  return (delta('concealedSamples') - delta('silentConcealedSamples')) / received;
}

/**
 * A fresh hub without TURN, the clinic letting UDP through to its media port (a slow or lossy link, not a
 * firewalled one), and a session whose facilitator decodes the spoke's video.
 */
async function clinicOnItsOwnLink(browser: Browser, request: APIRequestContext, title: string) {
  await hub?.close();
  hub = await startHub(HUB_IP, join(dir, 'data'));
  inSpoke('iptables', '-I', ...UDP_RULE);
  const session = await sessionWithSpoke(browser, request, title);
  const spokeId = await userIdOf(session.host, 'Ciara Quinn');
  await expectRising(async () => total(await recv(session.host), spokeId, 'camera', 'framesDecoded'), 30_000);
  return { ...session, spokeId };
}

/** Drops `percent` of what arrives in the clinic over its link (a DROP on INPUT: lost, not refused as OUTPUT would). */
const lossRule = (percent: number) => [
  'INPUT',
  '-i',
  SPOKE_DEV,
  '-m',
  'statistic',
  '--mode',
  'random',
  '--probability',
  String(percent / 100),
  '-j',
  'DROP',
];

/** Back to the clinic as run.mjs made it: no shaping, no loss, UDP closed. */
function restoreLink(): void {
  undo('tc', 'qdisc', 'del', 'dev', HUB_DEV, 'root');
  undoInSpoke('tc', 'qdisc', 'del', 'dev', SPOKE_DEV, 'root');
  undoInSpoke('iptables', '-D', ...lossRule(5));
  undoInSpoke('iptables', '-D', ...UDP_RULE);
}

test('at 100 kbit/s the spoke goes audio only by itself and stays heard; video returns when the link recovers', async ({
  browser,
  request,
}) => {
  try {
    const { host, spoke, spokeId } = await clinicOnItsOwnLink(
      browser,
      request,
      'Clinic on a very slow link (field test)',
    );
    const notice = spoke.getByText('Your connection is too slow for video; audio only to keep you heard');
    await expect(notice).toHaveCount(0);

    const unshaped = await recv(host);
    await host.waitForTimeout(9000);
    const atShaping = await recv(host);
    figures.fullLinkConcealment = Math.round(concealment(unshaped, atShaping, spokeId) * 10_000) / 10_000;
    shapeLink(100);
    const shaped = Date.now();
    await expect(notice).toBeVisible({ timeout: 60_000 });
    figures.slowLinkAudioOnlyAfterMs = Date.now() - shaped;
    await expect(spoke.getByRole('button', { name: 'Turn video back on' })).toHaveAttribute('aria-pressed', 'true');

    // Audio keeps flowing once audio only has settled (the link's queue drained): little concealment.
    await expectRising(async () => total(await recv(host), spokeId, 'mic', 'totalAudioEnergy'));
    await host.waitForTimeout(3000);
    const settled = await recv(host);
    figures.slowLinkConcealmentWhileSwitching = Math.round(concealment(atShaping, settled, spokeId) * 10_000) / 10_000;
    await host.waitForTimeout(9000);
    const ratio = concealment(settled, await recv(host), spokeId);
    figures.slowLinkConcealment = Math.round(ratio * 10_000) / 10_000;
    expect(ratio).toBeLessThan(0.05);

    shapeLink(4000);
    const raised = Date.now();
    await expect(notice).toHaveCount(0, { timeout: 120_000 });
    await expectRising(async () => total(await recv(host), spokeId, 'camera', 'framesDecoded'), 30_000);
    figures.slowLinkVideoBackAfterMs = Date.now() - raised;

    // The person can choose audio only too, from the keyboard, and sees the control's state.
    await spoke.getByRole('button', { name: 'Audio only (no video)' }).press('Enter');
    const chosen = spoke.getByRole('button', { name: 'Turn video back on' });
    await expect(chosen).toHaveAttribute('aria-pressed', 'true');
    await expect(spoke.getByText('Audio only: you send and receive no video')).toBeVisible();
    await chosen.press('Enter');
    await expect(spoke.getByRole('button', { name: 'Audio only (no video)' })).toHaveAttribute('aria-pressed', 'false');
    await expectRising(async () => total(await recv(host), spokeId, 'camera', 'framesDecoded'), 30_000);
  } finally {
    restoreLink();
  }
});

test('at 500 kbit/s with 5% loss the facilitator keeps decoding the spoke on a lower layer, and hears it', async ({
  browser,
  request,
}) => {
  try {
    const { host, spoke, spokeId } = await clinicOnItsOwnLink(browser, request, 'Clinic on a lossy link (field test)');
    const hostId = await userIdOf(spoke, 'Siobhán McAllister');
    const height = async () =>
      Math.max(
        0,
        ...(await recv(host)).filter((s) => s.userId === spokeId && s.source === 'camera').map((s) => s.frameHeight),
      );
    await expect.poll(height, { timeout: 30_000 }).toBeGreaterThan(0);
    figures.fullLinkFrameHeight = await height();

    shapeLink(500);
    inSpoke('iptables', '-I', ...lossRule(5));
    const start = await recv(host);
    const spokeStart = await recv(spoke);
    for (let i = 0; i < 3; i++) {
      await expectRising(async () => total(await recv(host), spokeId, 'camera', 'framesDecoded'));
      await expectRising(async () => total(await recv(spoke), hostId, 'camera', 'framesDecoded'));
      await host.waitForTimeout(10_000);
    }
    const end = await recv(host);
    figures.lossyLinkFrameHeight = await height();
    figures.lossyLinkFramesDecoded =
      total(end, spokeId, 'camera', 'framesDecoded') - total(start, spokeId, 'camera', 'framesDecoded');
    // What the clinic receives is lossy: how much of the facilitator's audio its decoder made up (not asserted).
    figures.lossyLinkConcealmentAtSpoke =
      Math.round(concealment(spokeStart, await recv(spoke), hostId) * 10_000) / 10_000;
    const ratio = concealment(start, end, spokeId);
    figures.lossyLinkConcealment = Math.round(ratio * 10_000) / 10_000;
    expect(ratio).toBeLessThan(0.05);
    // The spoke's camera opens at 720p (devices.ts): its top layer (1.2 Mbit/s) cannot pass 500 kbit/s.
    expect(figures.lossyLinkFrameHeight).toBeLessThan(720);
    await expect(spoke.getByText('Your connection is too slow for video')).toHaveCount(0);
  } finally {
    restoreLink();
  }
});
