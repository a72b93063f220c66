import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumLaunchOptions, firefoxMissing } from './playwright.config';
import { closeOpenedPages, enterLive, expectRising, recv, scheduleNow, total, userIdOf } from './helpers';

/**
 * The live session across browsers: the facilitator in Firefox (Debian's Firefox ESR driven over
 * WebDriver BiDi) and a spoke in Chromium, both with fake camera and microphone, through the SFU
 * on 127.0.0.1. Each page decodes the other's camera and receives the other's microphone.
 */
test.skip(!!firefoxMissing, firefoxMissing ?? '');

let chromiumBrowser: Browser | undefined;
test.afterEach(closeOpenedPages);
test.afterAll(async () => {
  await chromiumBrowser?.close();
});

/** The other person's camera as this page shows it: frames decoded, playback running. */
async function expectVideoPlaying(page: Page, userId: string): Promise<void> {
  const video = page.locator(`[data-testid="tile"][data-user-id="${userId}"] video`);
  await expect(video).toHaveCount(1);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  await expectRising(() => video.evaluate((v: HTMLVideoElement) => v.currentTime));
  // A frame presented from now on (requestVideoFrameCallback: Chromium, Firefox 132+); 0 if none within 2 s.
  await expect
    .poll(() =>
      video.evaluate(
        (v: HTMLVideoElement) =>
          new Promise<number>((resolve) => {
            v.requestVideoFrameCallback((_now, frame) => resolve(frame.width));
            setTimeout(() => resolve(0), 2000);
          }),
      ),
    )
    .toBeGreaterThan(0);
}

test('a facilitator in Firefox and a spoke in Chromium see and hear each other through the SFU', async ({
  browser,
  browserName,
  request,
}) => {
  test.setTimeout(120_000);
  expect(browserName).toBe('firefox');
  chromiumBrowser = await chromium.launch(chromiumLaunchOptions);
  const { sessionId } = await scheduleNow(request, 'Social Prescribing ECHO (Firefox test)', [
    { kind: 'didactic', title: 'Goal setting', minutes: 20 },
  ]);

  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const spoke = await enterLive(chromiumBrowser, 'linkworker.ards@echo.demo', sessionId);
  expect(await host.evaluate(() => navigator.userAgent)).toContain('Firefox/');
  expect(await spoke.evaluate(() => navigator.userAgent)).not.toContain('Firefox/');

  const ids = { host: await userIdOf(spoke, 'Siobhán McAllister'), spoke: await userIdOf(host, 'Ciara Quinn') };
  for (const [page, other] of [
    [host, ids.spoke],
    [spoke, ids.host],
  ] as const) {
    // Video: frames decoded per the WebRTC stats, and the tile's <video> plays them.
    await expectRising(async () => total(await recv(page), other, 'camera', 'framesDecoded'));
    await expectVideoPlaying(page, other);
    // Audio: RTP arrives and carries sound (the fake microphones send a tone).
    await expectRising(async () => total(await recv(page), other, 'mic', 'bytesReceived'));
    await expectRising(async () => total(await recv(page), other, 'mic', 'totalAudioEnergy'));
  }
});
