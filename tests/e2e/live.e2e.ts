import { expect, type Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { E2E_PORT } from './playwright.config';
import { closeOpenedPages, enterLive, expectRising, recv, scheduleNow, total, userIdOf } from './helpers';

test.afterEach(closeOpenedPages);

/**
 * A teleECHO session in three real Chromium pages with fake camera and microphone, through
 * the SFU on 127.0.0.1: what each person sees and hears is read from the page's WebRTC stats.
 */
test('facilitator and two spokes see and hear each other; hands, mute, screen share, reload and a worker crash', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { sessionId } = await scheduleNow(request, 'Social Prescribing ECHO (live test)', [
    { kind: 'didactic', title: 'Goal setting', minutes: 20 },
    { kind: 'case', minutes: 30 },
  ]);

  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  const spoke1 = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId);
  await expect(spoke1.getByText('Waiting for the facilitator to open the session')).toBeVisible();
  await host.getByRole('button', { name: 'Open session' }).click();
  const spoke2 = await enterLive(browser, 'linkworker.bradford@echo.demo', sessionId);

  const ids = {
    host: await userIdOf(host, 'Siobhán McAllister'),
    spoke1: await userIdOf(host, 'Ciara Quinn'),
    spoke2: await userIdOf(host, 'Priya Sharma'),
  };
  const pages = { host, spoke1, spoke2 };

  // Everyone decodes everyone else's camera and receives their audio.
  for (const [viewer, page] of Object.entries(pages)) {
    for (const [who, id] of Object.entries(ids)) {
      if (who === viewer) continue;
      await expectRising(async () => total(await recv(page), id, 'camera', 'framesDecoded'));
      await expectRising(async () => total(await recv(page), id, 'mic', 'totalAudioEnergy'));
    }
  }
  await expect(host.getByTestId('tile').filter({ has: host.locator('video') })).toHaveCount(3);

  // A raised hand appears in the facilitator's queue.
  await spoke1.getByRole('button', { name: 'Raise hand' }).click();
  await expect(
    host.getByRole('region', { name: 'Hand queue' }).getByText('Ciara Quinn', { exact: true }),
  ).toBeVisible();
  await expect(spoke1.getByText(/You are 1st in the queue/)).toBeVisible();

  // Mute by the facilitator silences the spoke on the other pages.
  await host.getByRole('button', { name: 'Actions for Ciara Quinn' }).click();
  await host.getByRole('button', { name: 'Mute Ciara Quinn' }).click();
  await expect(spoke1.getByRole('button', { name: 'Unmute microphone' })).toBeVisible();
  await spoke2.waitForTimeout(1000); // packets already in flight
  const before = total(await recv(spoke2), ids.spoke1, 'mic', 'bytesReceived');
  await spoke2.waitForTimeout(2500);
  expect(total(await recv(spoke2), ids.spoke1, 'mic', 'bytesReceived') - before).toBeLessThan(500);
  await expectRising(async () => total(await recv(spoke1), ids.spoke2, 'mic', 'totalAudioEnergy')); // others still heard

  // Screen share from the facilitator reaches both spokes.
  await host.getByRole('button', { name: 'Share screen' }).click();
  for (const page of [spoke1, spoke2]) {
    await expectRising(async () => total(await recv(page), ids.host, 'screen', 'framesDecoded'));
  }

  // A spoke reloads: back in the room with media within 10 s.
  await spoke2.reload();
  await spoke2.getByRole('button', { name: 'Join session' }).click();
  const back = Date.now();
  await expectRising(async () => total(await recv(host), ids.spoke2, 'camera', 'framesDecoded'), 10_000);
  await expectRising(async () => total(await recv(spoke2), ids.host, 'camera', 'framesDecoded'), 10_000);
  expect(Date.now() - back).toBeLessThan(10_000);
  await expect(
    spoke2.getByRole('region', { name: 'Hand queue' }).getByText('Ciara Quinn', { exact: true }),
  ).toBeVisible();

  // Chat passes the de-identification gate as it is typed: a patient's NHS number is marked and Send
  // waits until it is gone; the name of someone in the session is not flagged.
  const chat = spoke1.getByRole('region', { name: 'Chat' });
  await chat.getByLabel('Chat message').fill('Thanks Siobhán, her NHS number is 943 476 5919');
  await expect(chat.getByRole('status').getByText('943 476 5919', { exact: true })).toBeVisible();
  await expect(chat.getByRole('button', { name: 'Send' })).toBeDisabled();
  await chat.getByLabel('Chat message').fill('Thanks Siobhán, I will ask her GP first');
  await expect(chat.getByRole('status')).toHaveCount(0);
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(host.getByRole('region', { name: 'Chat' }).getByText('I will ask her GP first')).toBeVisible();

  // Kill every mediasoup worker of the hub: rooms are rebuilt on fresh workers and each page
  // re-creates its transports without a reload; the hand queue and chat are still there.
  await spoke1.getByLabel('Chat message').fill('Before the crash');
  await spoke1.getByRole('button', { name: 'Send' }).click();
  const workers = hubWorkerPids();
  expect(workers.length).toBeGreaterThan(0);
  const preCrash = new Map<Page, Set<string>>();
  for (const page of Object.values(pages)) preCrash.set(page, new Set((await recv(page)).map((s) => s.consumerId)));
  for (const pid of workers) process.kill(pid, 'SIGKILL');
  for (const [viewer, page] of Object.entries(pages)) {
    for (const [who, id] of Object.entries(ids)) {
      if (who === viewer) continue;
      // Frames decoded on consumers made after the crash (the old ones' counters do not count).
      const fresh = async () =>
        total(
          (await recv(page)).filter((s) => !preCrash.get(page)?.has(s.consumerId)),
          id,
          'camera',
          'framesDecoded',
        );
      await expect.poll(fresh, { timeout: 45_000, intervals: [250, 500, 1000] }).toBeGreaterThan(0);
      await expectRising(fresh, 20_000);
    }
  }
  expect(hubWorkerPids().some((pid) => workers.includes(pid))).toBe(false);
  await expect(host.getByRole('region', { name: 'Chat' }).getByText('Before the crash')).toBeVisible();
  await expect(
    host.getByRole('region', { name: 'Hand queue' }).getByText('Ciara Quinn', { exact: true }),
  ).toBeVisible();
});

/** The mediasoup worker processes of the hub under test: children of the process listening on its port. */
function hubWorkerPids(): number[] {
  const listening = execFileSync('ss', ['-ltnpH', `sport = :${E2E_PORT}`], { encoding: 'utf8' });
  const server = /pid=(\d+)/.exec(listening)?.[1];
  if (!server) return [];
  const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', server], { encoding: 'utf8' });
  return children
    .split('\n')
    .filter((line) => line.includes('mediasoup-worke'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}
