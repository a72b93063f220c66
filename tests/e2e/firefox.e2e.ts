import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumLaunchOptions, firefoxMissing } from './playwright.config';
import { closeOpenedPages, enterLive, expectRising, recv, scheduleNow, total, userIdOf } from './helpers';

/**
 * The live session across browsers: the facilitator in Firefox (Debian's Firefox ESR driven over
 * WebDriver BiDi) and a spoke in Chromium, both with fake camera and microphone, through the SFU
 * on 127.0.0.1. Each page decodes the other's camera and receives the other's microphone; the
 * facilitator's controls and the live UI (hand queue, chat and its de-identification gate, mute)
 * work in Firefox as a person sees them.
 */
// Skipped only where Firefox ESR is not installed (not root, or a system without the firefox-esr package):
// the reason printed is why; `npm test` installs it as root, so CI runs this spec.
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

test('a facilitator in Firefox and a spoke in Chromium see and hear each other; hands, chat and mute', async ({
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

  // The spoke raises a hand: it is in the facilitator's queue in Firefox; the facilitator lowers it.
  const hostQueue = host.getByRole('region', { name: 'Hand queue' });
  const spokeQueue = spoke.getByRole('region', { name: 'Hand queue' });
  await spoke.getByRole('button', { name: 'Raise hand' }).click();
  await expect(hostQueue.getByText('Ciara Quinn', { exact: true })).toBeVisible();
  await expect(spoke.getByText(/You are 1st in the queue/)).toBeVisible();
  await hostQueue.getByRole('button', { name: "Lower Ciara Quinn's hand" }).click();
  await expect(spoke.getByText(/You are 1st in the queue/)).toHaveCount(0);
  await expect(spokeQueue.getByText('No hands raised.')).toBeVisible();
  await expect(spoke.getByRole('button', { name: 'Raise hand' })).toHaveAttribute('aria-pressed', 'false');
  await expect(hostQueue.getByText('No hands raised.')).toBeVisible();

  // Chat both ways. In Firefox the facilitator types key by key: Playwright's fill() over WebDriver BiDi sets
  // the input's value from its own script and React's controlled input never sees the change (Send then
  // sends nothing), where real key input, as a person types, goes through.
  const hostChat = host.getByRole('region', { name: 'Chat' });
  const spokeChat = spoke.getByRole('region', { name: 'Chat' });
  await hostChat.getByLabel('Chat message').pressSequentially('Welcome Ciara, we start with goal setting');
  await hostChat.getByRole('button', { name: 'Send' }).click();
  await expect(spokeChat.getByText('we start with goal setting')).toBeVisible();
  // The keys typed (one "m", one "h") did not trigger the room's shortcuts: still unmuted, no hand raised.
  await expect(host.getByRole('button', { name: 'Mute microphone' })).toBeVisible();
  await expect(hostQueue.getByText('No hands raised.')).toBeVisible();
  await spokeChat.getByLabel('Chat message').fill('Thanks Siobhán, hearing you well');
  await spokeChat.getByRole('button', { name: 'Send' }).click();
  await expect(hostChat.getByText('hearing you well')).toBeVisible();

  // The de-identification gate in Firefox: the NHS number is marked as it is typed and Send waits until it
  // is gone. The message is emptied with keys too (clear() is fill('') and would bypass React as well).
  const hostInput = hostChat.getByLabel('Chat message');
  await hostInput.pressSequentially('Thanks Ciara, her NHS number is 943 476 5919');
  await expect(hostChat.getByRole('status').getByText('943 476 5919', { exact: true })).toBeVisible();
  await expect(hostChat.getByRole('button', { name: 'Send' })).toBeDisabled();
  await hostInput.press('ControlOrMeta+a');
  await hostInput.press('Backspace');
  await expect(hostInput).toHaveValue('');
  await expect(hostChat.getByRole('status')).toHaveCount(0);
  await hostInput.pressSequentially('Thanks Ciara, I will ask her GP first');
  await expect(hostChat.getByRole('status')).toHaveCount(0);
  await hostChat.getByRole('button', { name: 'Send' }).click();
  await expect(spokeChat.getByText('I will ask her GP first')).toBeVisible();

  // Mute by the facilitator: the spoke's page shows the microphone muted, the Firefox page marks the
  // spoke's tile and the spoke's audio energy there stops rising; the spoke still hears the facilitator.
  await expectRising(async () => total(await recv(host), ids.spoke, 'mic', 'totalAudioEnergy'));
  await host.getByRole('button', { name: 'Actions for Ciara Quinn' }).click();
  await host.getByRole('button', { name: 'Mute Ciara Quinn' }).click();
  await expect(spoke.getByRole('button', { name: 'Unmute microphone' })).toBeVisible();
  await expect(
    host.locator(`[data-testid="tile"][data-user-id="${ids.spoke}"]`).getByText('Microphone off.'),
  ).toBeVisible();
  await expectSteady(async () => total(await recv(host), ids.spoke, 'mic', 'totalAudioEnergy'));
  await expectRising(async () => total(await recv(spoke), ids.host, 'mic', 'totalAudioEnergy'));
});

/** Polls until the value read from the page has not changed for `quietMs` (audio energy of a muted microphone). */
async function expectSteady(read: () => Promise<number>, quietMs = 3000, timeout = 15_000): Promise<void> {
  let last = await read();
  let since = Date.now();
  await expect
    .poll(
      async () => {
        const value = await read();
        if (value !== last) [last, since] = [value, Date.now()];
        return Date.now() - since;
      },
      { timeout, intervals: [250], message: `unchanged for ${quietMs} ms` },
    )
    .toBeGreaterThanOrEqual(quietMs);
}
