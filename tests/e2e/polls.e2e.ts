import { expect, type Page, test } from '@playwright/test';
import { closeOpenedPages, enterLive, openPage, scheduleNow, signIn } from './helpers';

test.afterEach(closeOpenedPages);

const polls = (page: Page) => page.getByRole('region', { name: 'Polls' });
const QUESTION = 'What comes first in a “what matters to you” conversation?';

/**
 * A knowledge check in three real Chromium pages: the facilitator prepares it on the agenda page and launches it
 * in the room, two spokes answer it
 * (one right, one wrong), the live count and then the shared result chart show on every page, and its share
 * correct lands in the session's impact figures (the report's sessions table and its API). A scale poll asked on
 * the spot is answered too.
 */
test('a poll prepared on the agenda and launched by the facilitator is answered by two spokes; count, chart and share correct reach everyone', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const { sessionId, programId, token } = await scheduleNow(request, 'Social Prescribing ECHO (poll test)', [
    { kind: 'didactic', title: 'Goal setting', minutes: 20 },
  ]);
  // The facilitator prepares the knowledge check under the didactic slot on the session page, first option correct.
  const host = await openPage(browser);
  await signIn(host, 'facilitator@echo.demo');
  await host.goto(`/sessions/${sessionId}`);
  const slot = host.getByRole('group', { name: 'Polls for Slot 1' });
  await slot.getByRole('button', { name: 'Prepare a poll' }).click();
  await slot.getByLabel('Question').fill(QUESTION);
  await slot.getByLabel('Option 1', { exact: true }).fill('Listening to the person');
  await slot.getByLabel('Option 2', { exact: true }).fill('A referral form');
  await slot.getByRole('checkbox', { name: 'Option 1 is correct' }).check();
  await slot.getByRole('button', { name: 'Save poll' }).click();
  await expect(slot.getByRole('listitem')).toHaveText(/knowledge check/);

  await host.goto(`/sessions/${sessionId}/live`);
  await host.getByRole('button', { name: 'Join session' }).click();
  await host.getByRole('button', { name: 'Open session' }).click();
  const spoke1 = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId);
  const spoke2 = await enterLive(browser, 'linkworker.bradford@echo.demo', sessionId);
  const pages = [host, spoke1, spoke2];
  for (const page of pages) await expect(polls(page).getByRole('button', { name: 'Polls' })).toBeVisible();

  // Spokes see neither the question form nor the prepared poll.
  await spoke1.getByRole('button', { name: 'Polls' }).click();
  await expect(polls(spoke1).getByText('No polls yet.')).toBeVisible();
  await expect(polls(spoke1).getByText('Ask a question')).toHaveCount(0);

  // The facilitator launches it.
  await host.getByRole('button', { name: 'Polls' }).click();
  await polls(host)
    .getByRole('button', { name: `Launch: ${QUESTION}` })
    .click();

  // The closed panel shows a dot; the open one shows the poll.
  await expect(polls(spoke2).getByRole('img', { name: 'a new poll is open' })).toBeVisible();
  await spoke2.getByRole('button', { name: 'Polls' }).click();
  await expect(polls(spoke2).getByRole('img', { name: 'a new poll is open' })).toHaveCount(0);

  const answer = async (page: Page, option: string) => {
    const group = polls(page).getByRole('group', { name: QUESTION });
    await group.getByRole('radio', { name: option }).check();
    await polls(page).getByRole('button', { name: 'Send answer' }).click();
    await expect(polls(page).getByText('Answer sent.')).toBeVisible();
  };
  await answer(spoke1, 'Listening to the person');
  await answer(spoke2, 'A referral form');

  // The live count on every page, then the results shared as a chart with the share correct.
  for (const page of pages) await expect(polls(page).getByTestId('poll-count')).toHaveText('2 answers');
  await polls(host)
    .getByRole('button', { name: `Share results: ${QUESTION}` })
    .click();
  for (const page of pages) {
    const chart = polls(page).getByRole('figure', { name: /Results: 2 answers/ });
    await expect(chart).toContainText('50% answered correctly');
    await expect(chart.getByRole('listitem').filter({ hasText: 'Listening to the person' })).toContainText('✓ correct');
    await expect(chart.getByRole('listitem').filter({ hasText: 'Listening to the person' })).toContainText('1 (50%)');
    await expect(chart.getByRole('listitem').filter({ hasText: 'A referral form' })).toContainText('1 (50%)');
  }

  // A 1–5 scale asked on the spot: answered by a spoke, counted on the facilitator's page.
  await polls(host).getByText('Ask a question').click();
  const form = host.getByRole('form', { name: 'Ask a question' });
  await form.getByLabel('Question').fill('How confident do you feel?');
  await form.getByRole('radio', { name: 'Scale 1–5' }).check();
  await form.getByRole('button', { name: 'Ask now' }).click();
  const scale = polls(spoke1).getByRole('group', { name: 'How confident do you feel?' });
  await scale.getByRole('radio', { name: '4' }).check();
  await polls(spoke1)
    .getByRole('form', { name: 'Answer: How confident do you feel?' })
    .getByRole('button', { name: 'Send answer' })
    .click();
  await expect(
    polls(host).getByRole('listitem', { name: 'How confident do you feel?' }).getByTestId('poll-count'),
  ).toHaveText('1 answer');

  // The share correct counts in the session's impact figures.
  const report = await request.get(`/api/programs/${programId}/impact`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(report.status()).toBe(200);
  const session = (await report.json()).perSession.find((s: { sessionId: string }) => s.sessionId === sessionId);
  expect(session.knowledgeChecks).toEqual([
    expect.objectContaining({ question: QUESTION, answers: 2, correct: 1, shareCorrect: 0.5 }),
  ]);
  await host.goto(`/programs/${programId}/impact`);
  const row = host.getByRole('row').filter({ hasText: 'Social Prescribing ECHO (poll test)' });
  await expect(row).toContainText(`${QUESTION}: 50% correct (1 of 2)`);
});

/**
 * Hub experts run polls in the room (`live.run-polls`), so they prepare them on the session page too, under the
 * agenda they read but do not edit; a spoke sees the agenda without them.
 */
test('a hub expert prepares a poll under the agenda on the session page; a spoke does not see the poll editor', async ({
  browser,
  request,
}) => {
  const { sessionId } = await scheduleNow(request, 'Social Prescribing ECHO (expert poll test)', [
    { kind: 'didactic', title: 'Goal setting', minutes: 20 },
  ]);
  const expert = await openPage(browser);
  await signIn(expert, 'gp.expert@echo.demo');
  await expert.goto(`/sessions/${sessionId}`);
  await expect(expert.getByRole('button', { name: 'Save agenda' })).toHaveCount(0); // reads, does not edit
  const slot = expert.getByRole('group', { name: 'Polls for Slot 1' });
  await slot.getByRole('button', { name: 'Prepare a poll' }).click();
  await slot.getByLabel('Question').fill('How confident are you setting goals with a patient?');
  await slot.getByLabel('Option 1', { exact: true }).fill('Very');
  await slot.getByLabel('Option 2', { exact: true }).fill('Not yet');
  await slot.getByRole('button', { name: 'Save poll' }).click();
  await expect(slot.getByRole('listitem')).toContainText('How confident are you setting goals');

  const spoke = await openPage(browser);
  await signIn(spoke, 'linkworker.ards@echo.demo');
  await spoke.goto(`/sessions/${sessionId}`);
  await expect(spoke.getByText('Goal setting')).toBeVisible();
  await expect(spoke.getByRole('group', { name: 'Polls for Slot 1' })).toHaveCount(0);
});
