import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './playwright.config';
import { closeOpenedPages, enterLive, scheduleNow } from './helpers';

test.afterEach(closeOpenedPages);
// The hub answers through a busy machine: what waits on a round trip waits generously.
const SLOW = { timeout: 30_000 };

const bar = (page: Page) => page.getByRole('region', { name: 'Captions' });

test("a captioner's text appears on the other pages", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { sessionId } = await scheduleNow(request, 'Social Prescribing ECHO (captioner test)', [
    { kind: 'didactic', title: 'Goal setting', minutes: 20 },
  ]);
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const captioner = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId);
  const listener = await enterLive(browser, 'linkworker.bradford@echo.demo', sessionId);
  await expect(bar(listener).getByText('No captions in this session.')).toBeVisible(SLOW);

  await bar(host).getByLabel('Captioner').selectOption({ label: 'Ciara Quinn' });
  const field = bar(captioner).getByLabel(/You are the captioner/);
  await expect(field).toBeVisible(SLOW);
  await expect(bar(listener).getByLabel(/You are the captioner/)).toHaveCount(0, SLOW);

  // The line as typed shows on the other pages before Enter, then the finished line.
  await field.pressSequentially('Welcome to the goal setting', { delay: 20 });
  await expect(bar(listener).getByText('Welcome to the goal setting')).toBeVisible(SLOW);
  await field.pressSequentially(' didactic.', { delay: 20 });
  await field.press('Enter');
  for (const page of [host, listener]) {
    await expect(bar(page).getByText('Welcome to the goal setting didactic.')).toBeVisible(SLOW);
    await expect(bar(page).getByText('Ciara Quinn:')).toBeVisible(SLOW);
  }
  await expect(field).toHaveValue('', SLOW);

  // Hiding the bar is each person's own choice.
  await bar(listener).getByLabel('Show captions').uncheck();
  await expect(bar(listener).getByText('Welcome to the goal setting didactic.')).toHaveCount(0, SLOW);
  await expect(bar(host).getByText('Welcome to the goal setting didactic.')).toBeVisible(SLOW);
});

test('automatic captions of a speaking page (fake microphone fed espeak-ng speech) appear on a listener’s page', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'echo-captions-e2e-'));
  const wav = join(dir, 'speech.wav');
  execFileSync('espeak-ng', [
    '-w',
    join(dir, 'said.wav'),
    'Good morning everyone. Today we talk about goal setting with patients. Thank you for joining the session.',
  ]);
  // A pause after the speech (the file loops): the engine finds the end of an utterance by it. Through Chromium's
  // audio processing pocketsphinx often heard 1.5 s as no pause at all (lines came only after 30-90 s, or not
  // within the wait); with 3 s each loop is a line of its own.
  execFileSync('ffmpeg', ['-v', 'error', '-i', join(dir, 'said.wav'), '-af', 'apad=pad_dur=3', wav]);
  let speaking: Browser | undefined;
  try {
    // The speaking spoke's Chromium plays the speech as its microphone (looped).
    speaking = await chromium.launch({
      ...chromiumLaunchOptions,
      args: [...(chromiumLaunchOptions.args ?? []), `--use-file-for-fake-audio-capture=${wav}`],
    });
    const { sessionId } = await scheduleNow(request, 'Social Prescribing ECHO (automatic captions test)', [
      { kind: 'didactic', title: 'Goal setting', minutes: 20 },
    ]);
    const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
    await host.getByRole('button', { name: 'Open session' }).click();
    const listener = await enterLive(browser, 'linkworker.bradford@echo.demo', sessionId);
    // The other pages' fake microphones beep: muted, so the speaking page is the active speaker.
    for (const page of [host, listener]) await page.getByRole('button', { name: 'Mute microphone' }).click();
    const speaker = await enterLive(speaking, 'linkworker.ards@echo.demo', sessionId);
    await expect(speaker.getByRole('button', { name: 'Mute microphone' })).toBeVisible(SLOW);

    // The box follows the room state: it is ticked once the hub has turned automatic captions on.
    await bar(host).getByLabel('Automatic captions').click();
    await expect(bar(host).getByLabel('Automatic captions')).toBeChecked({ timeout: 30_000 });
    await expect(bar(listener).getByText('Captions appear here.')).toBeVisible(SLOW);
    // What pocketsphinx makes of it is often wrong (tests/bench/captions-wer.ts measures it): a line of words
    // attributed to the speaking spoke is what must arrive.
    const line = bar(listener).locator('.live-caption', { hasText: 'Ciara Quinn:' }).first();
    await expect(line).toBeVisible({ timeout: 90_000 });
    expect((await line.innerText()).replace('Ciara Quinn:', '').trim()).toMatch(/[a-z]+/);
  } finally {
    await speaking?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
