import { expect, test } from '@playwright/test';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startDelayRelay } from '../field/delay-relay';
import { E2E_RTC_PORTS } from './playwright.config';
import { closeOpenedPages, enterLive, openPage, scheduleNow, signIn } from './helpers';

test.afterEach(closeOpenedPages);

/** Where the lossy link's relay listens: another loopback address, on the hub's own media ports. */
const LOSSY_LINK_IP = '127.0.0.15';

/**
 * Run in a page (an init script): the hub's UDP media candidates point at the lossy link's relay instead, and its
 * TCP candidates are left out, so all of this person's media goes over that link. (Chromium's fake network field
 * trial, WebRTC-FakeNetworkReceiveConfig, is no longer built into Debian's Chromium: it applies no loss.)
 */
function mediaThrough(relayIp: string): void {
  type SetRemote = (this: RTCPeerConnection, d?: RTCSessionDescriptionInit) => Promise<void>;
  const setRemote = RTCPeerConnection.prototype.setRemoteDescription as SetRemote;
  RTCPeerConnection.prototype.setRemoteDescription = function (this: RTCPeerConnection, d?: RTCSessionDescriptionInit) {
    const sdp = d?.sdp
      ?.replace(/^a=candidate:\S+ \d+ tcp .*\r\n/gim, '')
      .replace(/^(a=candidate:\S+ \d+ udp \d+ )127\.0\.0\.1 /gim, `$1${relayIp} `);
    return setRemote.call(this, d && { type: d.type, sdp });
  };
}

test('the facilitator sees each spoke’s connection; a spoke on a lossy link is told in words, others see no figures', async ({
  browser,
  request,
}) => {
  // Three people in a live session, one on a lossy link: slow on a busy machine (the waits below are generous).
  test.setTimeout(240_000);
  // A link that loses 30% of the media towards the spoke (a relay: the e2e suite may run on the host's network).
  const link = await startDelayRelay({
    listenIp: LOSSY_LINK_IP,
    targetIp: '127.0.0.1',
    udpPorts: E2E_RTC_PORTS,
    delayMs: 0,
    downLossPercent: 30,
  });
  try {
    const { sessionId } = await scheduleNow(request, 'Connection quality (e2e)', [{ kind: 'case', minutes: 30 }]);
    const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
    await host.getByRole('button', { name: 'Open session' }).click();
    const spoke = await enterLive(browser, 'linkworker.bradford@echo.demo', sessionId);
    const lossySpoke = await openPage(browser);
    await lossySpoke.addInitScript(mediaThrough, LOSSY_LINK_IP);
    await signIn(lossySpoke, 'linkworker.ards@echo.demo');
    await lossySpoke.goto(`/sessions/${sessionId}/live`);
    await lossySpoke.getByRole('button', { name: 'Join session' }).click();

    // The spoke on the lossy link reads what it does to the session, in words (or, if the loss also starved its
    // send estimate, that it went audio only).
    await expect(lossySpoke.getByText(/Your connection is (losing packets|too slow for video)/)).toBeVisible({
      timeout: 90_000,
    });
    // Its media did go over the lossy link, and lost some there.
    expect(link.forwarded.down).toBeGreaterThan(0);
    expect(link.dropped.down).toBeGreaterThan(0);

    // The facilitator sees it flagged with the evidence, and every spoke's connection in the participants panel.
    // (Only the lossy spoke's entry is looked at: on a busy machine others may lose packets too.)
    const people = host.getByRole('region', { name: 'Participants' });
    const weak = people.getByRole('group', { name: 'Weak connections' });
    const flagged = weak.getByRole('listitem').filter({ hasText: 'Ciara Quinn' });
    await expect(flagged).toContainText(/% packet loss/, { timeout: 90_000 });
    const badge = people.getByLabel(/^Ciara Quinn: Poor connection/);
    await expect(badge).toBeVisible();
    await badge.focus();
    await expect(people.getByRole('tooltip').filter({ hasText: /packet loss.*ms round trip/ })).toBeVisible();
    await expect(people.getByLabel(/^Priya Sharma: (Good|Fair|Poor) connection/)).toBeVisible({ timeout: 30_000 });

    // Spokes see nobody's figures.
    await expect(spoke.getByRole('region', { name: 'Participants' }).getByText('Ciara Quinn')).toBeVisible();
    await expect(spoke.getByRole('group', { name: 'Weak connections' })).toHaveCount(0);
    await expect(spoke.getByLabel(/: (Good|Fair|Poor|Measuring) connection/)).toHaveCount(0);
  } finally {
    await closeOpenedPages();
    await link.close();
  }
});

test('test my connection: speed without an account, the media path once signed in, and what to ask IT for', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await openPage(browser);
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Test my connection' }).click();
  await expect(page.getByRole('heading', { name: 'Test my connection' })).toBeVisible();
  const checks = page.getByRole('list');
  const row = (name: string) => checks.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
  await expect(row('Reaching the hub')).toContainText(/OK.*Reached in \d+ ms/);
  await expect(row('Download speed')).toContainText(/Download [\d.]+ (M|k)bit\/s: enough for audio and video/);
  await expect(row('Upload speed')).toContainText(/Upload [\d.]+ (M|k)bit\/s: enough for audio and video/);
  await expect(row('Audio and video')).toContainText('Sign in to check audio and video');

  // Signed in, the page opens a test transport on the hub: on this machine media goes straight over UDP.
  await signIn(page, 'linkworker.ards@echo.demo');
  await page.goto('/connection-test');
  await expect(row('Audio and video')).toContainText('connect directly over UDP', { timeout: 30_000 });
  await expect(row('Relay for strict networks')).toContainText('This hub has no relay');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A network that drops the hub's media port: the transport's candidates point at a port nobody answers on,
  // as a firewall that drops it looks to ICE. The page says so and what to ask IT for.
  await page.route('**/api/connection-test/transports', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.transport.iceCandidates = body.transport.iceCandidates.map((c: { port: number }) => ({ ...c, port: 9 }));
    await route.fulfill({ response, json: body });
  });
  await page.getByRole('button', { name: 'Test again' }).click();
  await expect(row('Audio and video')).toContainText('cannot connect from this network', { timeout: 40_000 });
  const advice = page.getByRole('alert');
  await expect(advice).toContainText('What to ask your IT team');
  await expect(advice).toContainText(/allow connections to 127\.0\.0\.1 on UDP \d+.*TCP \d+ \(audio and video\)/);
});
