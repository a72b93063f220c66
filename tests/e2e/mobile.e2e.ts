import { expect, type Page, test } from '@playwright/test';
import { closeOpenedPages, openPage, scheduleNow, signIn } from './helpers';

test.afterEach(closeOpenedPages);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Elements wider than the screen or reaching past its right edge (none on a page that fits). */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed')
      .filter((el) => !el.closest('.sr-only, [aria-hidden="true"]'))
      .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, out: [...new Set(out)].slice(0, 10) };
  });

test('on a phone in portrait (390 px) the live page and a thread fit the screen, Notifications included', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { sessionId } = await scheduleNow(request, 'Social Prescribing ECHO (phone test)', [
    { kind: 'case', minutes: 30 },
  ]);
  const page = await openPage(browser, PHONE);
  await signIn(page, 'linkworker.ards@echo.demo');

  await page.goto('/programs');
  await page.getByRole('link', { name: 'Social Prescribing ECHO', exact: true }).click();
  await page.getByRole('link', { name: 'Community', exact: true }).last().click();
  await page.getByRole('link', { name: 'Link workers’ network' }).click();
  const thread = 'Benefits and debt advice: what do you do while people wait?';
  await page.getByRole('link', { name: thread }).click();
  await expect(page.getByRole('heading', { level: 1, name: thread })).toBeVisible();
  expect(await overflowing(page)).toEqual({ scrollWidth: 390, width: 390, out: [] });
  const notifications = page.getByRole('link', { name: /^Notifications/ });
  await expect(notifications).toBeInViewport({ ratio: 1 });

  await page.goto(`/sessions/${sessionId}/live`);
  await page.getByRole('button', { name: 'Join session' }).click();
  await expect(page.getByText('Waiting for the facilitator to open the session')).toBeVisible();
  expect(await overflowing(page)).toEqual({ scrollWidth: 390, width: 390, out: [] });
  await expect(page.getByRole('button', { name: 'Raise hand' })).toBeInViewport();

  // Admitted, the stage is usable in portrait: the facilitator's video plays on screen, the controls a spoke
  // needs are reachable without scrolling sideways, and chat is there below the stage.
  const host = await openPage(browser);
  await signIn(host, 'facilitator@echo.demo');
  await host.goto(`/sessions/${sessionId}/live`);
  await host.getByRole('button', { name: 'Join session' }).click();
  await host.getByRole('button', { name: 'Open session' }).click();
  const hostTile = page.locator('.live-tile', { hasText: 'Siobhán McAllister' }).first();
  await expect(hostTile).toBeVisible();
  await expect
    .poll(() => hostTile.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect(hostTile).toBeInViewport();
  const tileBox = (await hostTile.boundingBox())!;
  expect(tileBox.width).toBeGreaterThan(150);
  expect(await overflowing(page)).toEqual({ scrollWidth: 390, width: 390, out: [] });
  for (const name of [/^(Mute|Unmute) microphone/, /^Raise hand/, /^Leave/]) {
    const button = page.getByRole('button', { name }).first();
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport({ ratio: 0.9 });
  }
  const chat = page.getByLabel('Chat message');
  await chat.scrollIntoViewIfNeeded();
  await expect(chat).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('phone-stage.png'), fullPage: true });
});
