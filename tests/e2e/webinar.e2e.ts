import { expect, test } from '@playwright/test';
import { closeOpenedPages, enterLive, expectRising, recv, scheduleNow, total, userIdOf } from './helpers';

test.afterEach(closeOpenedPages);

/**
 * The webinar layout in two real Chromium pages with fake devices: the facilitator turns it on, a spoke watches
 * (receives, sends nothing), raises a hand, is brought on stage and publishes (the facilitator decodes their
 * camera), then is sent back and sends nothing again.
 */
test('a viewer raises a hand, is brought on stage, publishes, and is sent back', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const { sessionId } = await scheduleNow(request, 'Webinar ECHO (live test)', [
    { kind: 'didactic', title: 'Regional launch', minutes: 30 },
  ]);
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  // The box follows the room state (checked once the server's patch arrives).
  const webinar = host.getByRole('checkbox', { name: /Webinar layout/ });
  await webinar.click();
  await expect(webinar).toBeChecked();
  const viewer = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId);
  const ids = { host: await userIdOf(host, 'Siobhán McAllister'), viewer: await userIdOf(host, 'Ciara Quinn') };
  const stage = viewer.getByRole('region', { name: 'Webinar stage' });

  // Watching: the stage is received, the viewer's microphone and camera are off.
  await expect(stage.getByText('You are watching. Raise your hand to be brought on stage.')).toBeVisible();
  await expectRising(async () => total(await recv(viewer), ids.host, 'camera', 'framesDecoded'));
  await expect(viewer.getByRole('button', { name: /microphone/ })).toBeDisabled();
  await expect(viewer.getByRole('button', { name: /camera/ })).toBeDisabled();

  // A raised hand; the facilitator brings them on stage; they publish and the facilitator sees them.
  await viewer.getByRole('button', { name: 'Raise hand' }).click();
  await host.getByRole('button', { name: 'Bring Ciara Quinn on stage' }).click();
  await expect(stage.getByText('You are on stage: everyone sees and hears you.')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Raise hand' })).toBeVisible(); // the hand went down
  await expectRising(async () => total(await recv(host), ids.viewer, 'camera', 'framesDecoded'), 30_000);
  await expectRising(async () => total(await recv(host), ids.viewer, 'mic', 'totalAudioEnergy'), 30_000);

  // Sent back: a viewer again, their producers closed (the facilitator's consumers of them go).
  await host.getByRole('button', { name: 'Send Ciara Quinn back' }).click();
  await expect(stage.getByText('You are watching. Raise your hand to be brought on stage.')).toBeVisible();
  await expect
    .poll(async () => (await recv(host)).filter((r) => r.userId === ids.viewer).length, { timeout: 30_000 })
    .toBe(0);
  await expect(viewer.getByRole('button', { name: /camera/ })).toBeDisabled();
  await expectRising(async () => total(await recv(viewer), ids.host, 'camera', 'framesDecoded'));
});
