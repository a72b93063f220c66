import { expect, type Page, test } from '@playwright/test';
import { closeOpenedPages, enterLive, expectRising, recv, scheduleNow, total, userIdOf } from './helpers';

test.afterEach(closeOpenedPages);

/** Whose streams a page receives now (its consumers; the closed ones are gone from its stats). */
const sources = async (page: Page) => new Set((await recv(page)).map((s) => s.userId));

/**
 * Breakout rooms in real Chromium pages through the SFU: the facilitator splits three spokes by site into two
 * rooms (two from Ards, one from Bradford) with a one-minute timer; each page decodes only its own room's video;
 * a broadcast message reaches both rooms; when the timer runs out everyone is back in the main room (no reload)
 * and decodes the facilitator again.
 */
test('three spokes split into two breakout rooms by site, a broadcast, and everyone back when the timer ends', async ({
  browser,
  request,
}) => {
  test.setTimeout(420_000);
  const { sessionId } = await scheduleNow(request, 'Social Prescribing ECHO (breakouts)', [
    { kind: 'didactic', title: 'Goal setting', minutes: 20 },
  ]);
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const ards1 = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId);
  const ards2 = await enterLive(browser, 'nurse.ards@echo.demo', sessionId);
  const bradford = await enterLive(browser, 'linkworker.bradford@echo.demo', sessionId);
  const ids = {
    host: await userIdOf(host, 'Siobhán McAllister'),
    ards1: await userIdOf(host, 'Ciara Quinn'),
    ards2: await userIdOf(host, 'Mark Robinson'),
    bradford: await userIdOf(host, 'Priya Sharma'),
  };
  // Before: every spoke decodes the facilitator.
  for (const page of [ards1, ards2, bradford]) {
    await expectRising(async () => total(await recv(page), ids.host, 'camera', 'framesDecoded'), 30_000);
  }

  console.log(`[breakouts] everyone decodes the facilitator at ${new Date().toISOString()}`);
  const panel = host.getByRole('region', { name: 'Breakout rooms' });
  await panel.getByLabel('Rooms', { exact: true }).fill('2');
  await panel.getByLabel('By site (each site together)').check();
  await panel.getByLabel(/Minutes/).fill('1');
  await panel.getByRole('button', { name: 'Start breakouts' }).click();
  await expect(panel.getByTestId('breakout-room')).toHaveCount(2);

  // Each page decodes its room's video, and receives nothing from anyone outside its room.
  const rooms: [Page, string[], string[]][] = [
    [ards1, [ids.ards2], [ids.host, ids.bradford]],
    [ards2, [ids.ards1], [ids.host, ids.bradford]],
    [bradford, [], [ids.host, ids.ards1, ids.ards2]],
  ];
  for (const [page, inRoom, outside] of rooms) {
    await expect(page.getByTestId('breakout-where')).not.toHaveText('Main room');
    for (const id of inRoom) {
      await expectRising(async () => total(await recv(page), id, 'camera', 'framesDecoded'), 30_000);
    }
    await expect
      .poll(async () => [...(await sources(page))].filter((id) => outside.includes(id)), { timeout: 30_000 })
      .toEqual([]);
  }
  await expect(host.getByTestId('breakout-where')).toHaveText('Main room');
  await expect.poll(async () => [...(await sources(host))], { timeout: 30_000 }).toEqual([]);

  // A broadcast reaches both rooms.
  await panel.getByLabel('Message to every room').fill('Thirty seconds left: agree on one goal');
  await panel.getByRole('button', { name: 'Send to all rooms' }).click();
  for (const page of [ards1, ards2, bradford]) {
    await expect(page.getByTestId('breakout-message')).toContainText('Thirty seconds left: agree on one goal');
  }

  // The timer runs out: everyone is back in the main room and decodes the facilitator again.
  for (const page of [host, ards1, ards2, bradford]) {
    await expect(page.getByTestId('breakout-banner')).toHaveCount(0, { timeout: 90_000 });
  }
  console.log(`[breakouts] everyone back at ${new Date().toISOString()}`);
  for (const page of [ards1, ards2, bradford]) {
    await expectRising(async () => total(await recv(page), ids.host, 'camera', 'framesDecoded'), 60_000);
  }
  await expectRising(async () => total(await recv(host), ids.bradford, 'camera', 'framesDecoded'), 60_000);
  await expectRising(async () => total(await recv(bradford), ids.ards1, 'camera', 'framesDecoded'), 60_000);
});
