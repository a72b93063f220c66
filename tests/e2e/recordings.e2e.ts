import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeOpenedPages, enterLive, openPage, scheduleNow, signIn } from './helpers';

test.afterEach(closeOpenedPages);

const SLOT_SECONDS = 60;

test('a didactic slot is recorded with a banner, then plays with seeking from the library', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const { sessionId, programId, token } = await scheduleNow(request, 'Recording test', [
    { kind: 'didactic', title: 'Recorded talk on health coaching', minutes: 1 },
    { kind: 'case', minutes: 10 },
  ]);
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const spoke = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId);
  await expect(spoke.getByTestId('tile').filter({ has: spoke.locator('video') })).toHaveCount(2);

  // The didactic slot starts: recording starts by itself and everyone sees the banner.
  await host.getByRole('button', { name: /Recorded talk on health coaching/ }).click();
  await expect(spoke.getByText('This part of the session is being recorded')).toBeVisible();
  await host.waitForTimeout(SLOT_SECONDS * 1000);
  // On to the case slot: recording stops (case discussions are not recorded).
  await host.getByRole('button', { name: /^Case/ }).first().click();
  await expect(spoke.getByText('This part of the session is being recorded')).toBeHidden();

  // ffprobe: a video and an audio stream, lasting the slot's length within 20%.
  const headers = { Authorization: `Bearer ${token}` };
  const [rec] = await (await request.get(`/api/programs/${programId}/recordings`, { headers })).json();
  expect(rec).toMatchObject({ title: 'Recorded talk on health coaching', status: 'complete' });
  const file = join(mkdtempSync(join(tmpdir(), 'echo-e2e-rec-')), 'talk.webm');
  writeFileSync(file, await (await request.get(`/api/recordings/${rec.id}/download`, { headers })).body());
  const probe = spawnSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'stream=codec_type:format=duration', '-of', 'json', file],
    {
      encoding: 'utf8',
    },
  );
  const info = JSON.parse(probe.stdout) as { streams: { codec_type: string }[]; format: { duration: string } };
  expect(info.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
  expect(Number(info.format.duration)).toBeGreaterThan(SLOT_SECONDS * 0.8);
  expect(Number(info.format.duration)).toBeLessThan(SLOT_SECONDS * 1.2);

  // A member plays it in the library, and seeking works (HTTP range requests).
  const viewer = await openPage(browser);
  await signIn(viewer, 'nurse.ards@echo.demo');
  await viewer.goto(`/programs/${programId}/recordings`);
  await viewer.getByRole('button', { name: 'Play Recorded talk on health coaching' }).click();
  const video = viewer.getByLabel('Recording player');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    v.currentTime = 40;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(40.5);
  expect(await video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
});
