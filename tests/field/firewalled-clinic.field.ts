import { type APIRequestContext, type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type Coturn, startCoturn } from '../../apps/server/test/coturn';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type HubProcess } from '../../apps/server/test/hub-process';
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
import { type DelayRelay, startDelayRelay } from './delay-relay';
import { seedDemo, startHub } from './hub';
import { speechArgs } from './speech';

/**
 * Scenario 1 of issue 15, a firewalled clinic: the spoke's namespace passes only TCP to port 443
 * of the hub side (run.mjs). The hub serves its pages on 443 of HUB_IP, Debian's coturn listens
 * on TCP 443 of TURN_IP (plain TURN over TCP: see README "Field tests" for why not TLS here).
 * Then a clinic whose firewall passes ICE checks but not media: the client's relay-only retry.
 * Scenarios 2 and 3, a lossy and a very slow link: the same clinic, its link (the veth pair run.mjs
 * makes) shaped, with UDP to the hub's media port let through; in scenario 2 through the delay relay
 * on RELAY_IP (150 ms round trip).
 */
const HUB_IP = process.env.FIELD_HUB_IP ?? '';
const TURN_IP = process.env.FIELD_TURN_IP ?? '';
const RELAY_IP = process.env.FIELD_RELAY_IP ?? '';
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
let hub: HubProcess | undefined;
let spokeBrowser: Browser | undefined;
const figures: Record<string, unknown> = {};

test.beforeAll(async () => {
  expect(
    HUB_IP && TURN_IP && RELAY_IP && SPOKE_NS,
    'run through tests/field/run.mjs (it makes the namespaces)',
  ).toBeTruthy();
  dir = mkdtempSync(join(tmpdir(), 'echo-hub-field-'));
  seedDemo(HUB_IP, join(dir, 'data'));
  coturn = await startCoturn({
    listenIp: TURN_IP,
    port: 443,
    minPort: 49160,
    maxPort: 49260,
    mediaIp: HUB_IP,
    secret: SECRET,
  });
  // The spoke's Chromium runs in the clinic's namespace (Playwright talks to it over its inherited pipe).
  const launcher = join(dir, 'chromium-in-clinic.sh');
  writeFileSync(
    launcher,
    `#!/bin/sh\nexec ip netns exec '${SPOKE_NS}' '${chromiumLaunchOptions.executablePath}' "$@"\n`,
  );
  chmodSync(launcher, 0o755);
  // Its microphone speaks as the facilitator's does (speech.ts, the config's global setup).
  spokeBrowser = await chromium.launch({
    ...chromiumLaunchOptions,
    executablePath: launcher,
    args: [...(chromiumLaunchOptions.args ?? []), ...speechArgs],
  });
});

test.afterAll(async () => {
  await spokeBrowser?.close();
  await hub?.stop();
  await coturn?.close();
  // The bench report of the field run (README "Field tests"): measured, never asserted.
  const out = join(__dirname, '..', 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const report = { date: new Date().toISOString(), cores: cpus().length, figures };
  writeFileSync(join(out, 'field.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`[field] figures (tests/bench/results/field.json):\n${JSON.stringify(figures, null, 2)}`);
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh hub (the last one stopped) on HUB_IP with these settings. */
async function restartHub(extra: Record<string, string> = {}): Promise<void> {
  await hub?.stop();
  hub = await startHub(HUB_IP, join(dir, 'data'), extra);
}
const withTurn = () => ({ TURN_URLS: `turn:${TURN_IP}:443?transport=tcp`, TURN_SECRET: SECRET });

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
  await restartHub(withTurn());
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
  await restartHub();
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

/** The clinic lets UDP through to a media port: the hub's, or the delay relay's (a slow link, not a firewalled one). */
const udpRule = (ip: string) => ['OUTPUT', '-p', 'udp', '-d', ip, '--dport', '40000', '-j', 'ACCEPT'];

/**
 * A firewall that looks into UDP from the hub's media port: ICE checks pass (STUN, first byte 0-3 as RFC 7983
 * tells them apart), DTLS and RTP do not. Direct ICE succeeds, the connection never does: as on networks that
 * allow UDP but inspect it. (Dropped as it arrives: lost, not refused.)
 */
const MEDIA_BLOCK = [
  ...['INPUT', '-p', 'udp', '-s', HUB_IP, '--sport', '40000'],
  ...['-m', 'u32', '!', '--u32', '0>>22&0x3C@8>>24=0:3', '-j', 'DROP'],
];

/** Packets the rule of an INPUT chain with `match` in its listing dropped so far (the clinic's, or the hub side's). */
function droppedBy(match: string, chain: 'spoke' | 'hub' = 'spoke'): number {
  const listing = ['iptables', '-L', 'INPUT', '-v', '-x', '-n'];
  const line = (chain === 'spoke' ? inSpoke(...listing) : execFileSync(listing[0], listing.slice(1)))
    .toString()
    .split('\n')
    .find((l) => l.includes(match));
  return Number(line?.trim().split(/\s+/)[0] ?? 0);
}
const mediaBlocked = () => droppedBy('u32');

/** How often a link end's shaper (tbf) held packets back over its rate so far ("overlimits" in tc's statistics). */
function overlimits(side: 'spoke' | 'hub'): number {
  const stats = ['tc', '-s', 'qdisc', 'show', 'dev', side === 'spoke' ? SPOKE_DEV : HUB_DEV];
  const text = (side === 'spoke' ? inSpoke(...stats) : execFileSync(stats[0], stats.slice(1))).toString();
  return Number(/overlimits (\d+)/.exec(text)?.[1] ?? 0);
}

/** What the clinic sends the hub on `protocol`/`port` goes to the delay relay instead (DNAT in its namespace). */
const viaRelay = (protocol: string, port: number) => [
  ...['OUTPUT', '-p', protocol, '-d', HUB_IP, '--dport', String(port)],
  ...['-j', 'DNAT', '--to-destination', RELAY_IP],
];
const RELAYED = [
  ['udp', 40000],
  ['tcp', 443],
] as const;

/** Share of the spoke's audio the facilitator's decoder had to make up (silence under DTX aside) between two reads. */
function concealment(before: RecvStat[], after: RecvStat[], userId: string): number {
  const delta = (field: 'concealedSamples' | 'silentConcealedSamples' | 'totalSamplesReceived') =>
    total(after, userId, 'mic', field) - total(before, userId, 'mic', field);
  const received = delta('totalSamplesReceived');
  expect(received, 'the facilitator receives the spoke audio').toBeGreaterThan(0);
  return (delta('concealedSamples') - delta('silentConcealedSamples')) / received;
}

let relay: DelayRelay | undefined;
/** Each way, so the round trip is 150 ms (issue 15, scenario 2). */
const ONE_WAY_DELAY_MS = 75;

/**
 * A fresh hub without TURN, the clinic letting UDP through to its media port (a slow or lossy link, not a
 * firewalled one), and a session whose facilitator decodes the spoke's video. `delayed`: everything the
 * clinic sends the hub (media, pages, socket.io) goes through the delay relay, and only the relay's address
 * is open for UDP.
 */
async function clinicOnItsOwnLink(browser: Browser, request: APIRequestContext, title: string, delayed = false) {
  await restartHub();
  if (delayed) {
    relay = await startDelayRelay({
      listenIp: RELAY_IP,
      targetIp: HUB_IP,
      udpPorts: [40000],
      tcpPorts: [443],
      delayMs: ONE_WAY_DELAY_MS,
    });
    for (const [protocol, port] of RELAYED) inSpoke('iptables', '-t', 'nat', '-I', ...viaRelay(protocol, port));
  }
  inSpoke('iptables', '-I', ...udpRule(delayed ? RELAY_IP : HUB_IP));
  const session = await sessionWithSpoke(browser, request, title);
  const spokeId = await userIdOf(session.host, 'Ciara Quinn');
  await expectRising(async () => total(await recv(session.host), spokeId, 'camera', 'framesDecoded'), 30_000);
  return { ...session, spokeId };
}

/** Drops `percent` of what arrives over the link at `dev` (a DROP on INPUT: lost, not refused as OUTPUT would). */
const lossRule = (dev: string, percent: number) => [
  ...['INPUT', '-i', dev, '-m', 'statistic', '--mode', 'random'],
  ...['--probability', String(percent / 100), '-j', 'DROP'],
];

/** Back to the clinic as run.mjs made it: no shaping, no loss, no delay, UDP closed. */
async function restoreLink(): Promise<void> {
  undo('tc', 'qdisc', 'del', 'dev', HUB_DEV, 'root');
  undoInSpoke('tc', 'qdisc', 'del', 'dev', SPOKE_DEV, 'root');
  undoInSpoke('iptables', '-D', ...lossRule(SPOKE_DEV, 5));
  undo('iptables', '-D', ...lossRule(HUB_DEV, 5));
  for (const ip of [HUB_IP, RELAY_IP]) undoInSpoke('iptables', '-D', ...udpRule(ip));
  undoInSpoke('iptables', '-D', ...MEDIA_BLOCK);
  for (const [protocol, port] of RELAYED) undoInSpoke('iptables', '-t', 'nat', '-D', ...viaRelay(protocol, port));
  await relay?.close();
  relay = undefined;
}

test('where direct media connects ICE but nothing more, the client retries through the relay only and says so', async ({
  browser,
  request,
}) => {
  try {
    await restartHub(withTurn());
    inSpoke('iptables', '-I', ...udpRule(HUB_IP));
    inSpoke('iptables', '-I', ...MEDIA_BLOCK);
    const { host, spoke, joining } = await sessionWithSpoke(browser, request, 'Clinic that inspects UDP (field test)');
    // Checked at every frame the page draws, so however briefly it shows, it is seen.
    await spoke.waitForFunction(
      (text) => document.body.innerText.includes(text),
      'Your network blocks direct media; connecting through the relay.',
      { polling: 'raf', timeout: 60_000 },
    );
    figures.relayRetryNoticeMs = Date.now() - joining;
    // The first attempt went direct: ICE checks answered, then DTLS from the hub's media port dropped.
    expect(mediaBlocked()).toBeGreaterThan(0);
    const hostId = await userIdOf(spoke, 'Siobhán McAllister');
    await expectRising(async () => total(await recv(spoke), hostId, 'camera', 'framesDecoded'), 30_000);
    figures.relayRetryFirstVideoMs = Date.now() - joining;
    await expect(
      spoke.getByText('Your network blocks direct media; audio and video go through the relay.'),
    ).toBeVisible();
    expect(await route(spoke)).toEqual({ send: 'relay', recv: 'relay' });
    const spokeId = await userIdOf(host, 'Ciara Quinn');
    await expectRising(async () => total(await recv(host), spokeId, 'mic', 'totalAudioEnergy'), 30_000);
    await expect(spoke.getByRole('alert')).toHaveCount(0);
  } finally {
    await restoreLink();
  }
});

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
    await restoreLink();
  }
});

test('at 500 kbit/s, 5% loss and 150 ms round trip the facilitator keeps decoding the spoke on a lower layer, and hears it', async ({
  browser,
  request,
}) => {
  try {
    const { host, spoke, spokeId } = await clinicOnItsOwnLink(
      browser,
      request,
      'Clinic on a lossy, distant link (field test)',
      true,
    );
    const hostId = await userIdOf(spoke, 'Siobhán McAllister');
    const height = async () =>
      Math.max(
        0,
        ...(await recv(host)).filter((s) => s.userId === spokeId && s.source === 'camera').map((s) => s.frameHeight),
      );
    // Unshaped (the delay alone), the facilitator's tile gets the camera's middle layer (360 of 720) or more.
    await expect.poll(height, { timeout: 30_000 }).toBeGreaterThanOrEqual(360);
    figures.fullLinkFrameHeight = await height();

    shapeLink(500);
    // 5% lost each way: what the clinic receives (its INPUT) and what the hub side receives from it (ours).
    inSpoke('iptables', '-I', ...lossRule(SPOKE_DEV, 5));
    execFileSync('iptables', ['-I', ...lossRule(HUB_DEV, 5)]);
    // The first seconds are the shaper's, not the lossy link's: until the sender's estimate falls to 500 kbit/s,
    // its queue overflows and drops (audio too). Measured from when the link has settled to its 5% loss.
    await host.waitForTimeout(10_000);
    const relayedBefore = { ...relay!.forwarded };
    const start = await recv(host);
    const spokeStart = await recv(spoke);
    for (let i = 0; i < 3; i++) {
      await expectRising(async () => total(await recv(host), spokeId, 'camera', 'framesDecoded'));
      await expectRising(async () => total(await recv(spoke), hostId, 'camera', 'framesDecoded'));
      await host.waitForTimeout(10_000);
    }
    const end = await recv(host);
    // Every packet of it passed the delay relay (75 ms each way), media included.
    const relayed = { up: relay!.forwarded.up - relayedBefore.up, down: relay!.forwarded.down - relayedBefore.down };
    expect(relayed.up).toBeGreaterThan(1000);
    expect(relayed.down).toBeGreaterThan(1000);
    figures.lossyLinkRelayedPackets = relayed;
    // The link was lossy and shaped each way: both loss rules dropped packets, both shapers held some back.
    const lossDrops = { toSpoke: droppedBy('statistic'), toHub: droppedBy('statistic', 'hub') };
    const held = { toSpoke: overlimits('hub'), toHub: overlimits('spoke') };
    figures.lossyLinkDroppedPackets = lossDrops;
    figures.lossyLinkShaperOverlimits = held;
    expect(lossDrops.toSpoke).toBeGreaterThan(0);
    expect(lossDrops.toHub).toBeGreaterThan(0);
    expect(held.toSpoke).toBeGreaterThan(0);
    expect(held.toHub).toBeGreaterThan(0);
    // The round trip the spoke's own connection indicator measured (its aria-label), for the report.
    const indicator = await spoke.getByRole('img', { name: /^Network quality/ }).getAttribute('aria-label');
    figures.lossyLinkRoundTripMs = Number(/(\d+) ms round trip/.exec(indicator ?? '')?.[1] ?? NaN) || null;
    figures.lossyLinkFrameHeight = await height();
    figures.lossyLinkFramesDecoded =
      total(end, spokeId, 'camera', 'framesDecoded') - total(start, spokeId, 'camera', 'framesDecoded');
    // What the clinic receives is lossy: how much of the facilitator's audio its decoder made up (not asserted).
    figures.lossyLinkConcealmentAtSpoke =
      Math.round(concealment(spokeStart, await recv(spoke), hostId) * 10_000) / 10_000;
    const ratio = concealment(start, end, spokeId);
    figures.lossyLinkConcealment = Math.round(ratio * 10_000) / 10_000;
    expect(ratio).toBeLessThan(0.05);
    // A lower layer than the same tile got on the full link (the spoke's camera opens at 720p, devices.ts; the
    // facilitator's tile takes a middle layer of it when nothing limits it).
    // The sender's estimate wanders near the middle layer's rate on this link (the layer it sends can come back
    // up for a moment while it probes): waited for, as the layer the tile settles on, rather than one sample.
    await expect
      .poll(async () => (figures.lossyLinkFrameHeight = await height()), { timeout: 30_000, intervals: [1000] })
      .toBeLessThan(figures.fullLinkFrameHeight as number);
    await expect(spoke.getByText('Your connection is too slow for video')).toHaveCount(0);
  } finally {
    await restoreLink();
  }
});
