import { type Browser, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './playwright.config';
import { closeOpenedPages, enterLive, openPage, scheduleNow, signIn } from './helpers';

test.afterEach(closeOpenedPages);

/**
 * A Chromium of its own whose WebRTC media goes through libwebrtc's fake network (a field trial: this kernel has
 * no netem), e.g. `WebRTC-FakeNetworkReceiveConfig/loss_percent:30/` for a spoke on a lossy link. The test closes it.
 */
function degradedBrowser(browser: Browser, fieldTrial: string): Promise<Browser> {
  return browser.browserType().launch({
    ...chromiumLaunchOptions,
    args: [...(chromiumLaunchOptions.args ?? []), `--force-fieldtrials=${fieldTrial}`],
  });
}

// FIXME (issue 15): since the branches merged, the spoke in the separately launched lossy Chromium joins and sends,
// but the facilitator's page does not show it and its own page measures 0% loss; it passed on its own branch.
// Kept visible here (not deleted) until that is understood; the quality figures themselves are covered by
// apps/server/test/connection-quality.integration-spec.ts.
test.fixme('the facilitator sees each spoke’s connection; a spoke on a lossy link is told in words, others see no figures', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { sessionId } = await scheduleNow(request, 'Connection quality (e2e)', [{ kind: 'case', minutes: 30 }]);
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const spoke = await enterLive(browser, 'linkworker.bradford@echo.demo', sessionId);
  const lossy = await degradedBrowser(browser, 'WebRTC-FakeNetworkReceiveConfig/loss_percent:30/');
  try {
    const lossySpoke = await enterLive(lossy, 'linkworker.ards@echo.demo', sessionId);

    // The spoke on the lossy link reads what it does to the session, in words (or, if the loss also starved its
    // send estimate, that it went audio only).
    await expect(lossySpoke.getByText(/Your connection is (losing packets|too slow for video)/)).toBeVisible({
      timeout: 45_000,
    });

    // The facilitator sees it flagged with the evidence, and every spoke's connection in the participants panel.
    const people = host.getByRole('region', { name: 'Participants' });
    const weak = people.getByRole('group', { name: 'Weak connections' });
    await expect(weak.getByText(/Ciara Quinn/)).toBeVisible({ timeout: 45_000 });
    await expect(weak.getByText(/% packet loss/)).toBeVisible();
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
    await lossy.close();
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
