import { expect, type Page, test } from '@playwright/test';
import { closeOpenedPages, enterLive, scheduleNow } from './helpers';

test.afterEach(closeOpenedPages);

const polls = (page: Page) => page.getByRole('region', { name: 'Polls' });
const QUESTION = 'What comes first in a “what matters to you” conversation?';

/**
 * A knowledge check in three real Chromium pages: the facilitator asks it on the spot, two spokes answer it
 * (one right, one wrong), the live count and then the shared result chart show on every page, and its share
 * correct lands in the session's impact figures (the report's sessions table and its API).
 */
test('a poll asked by the facilitator is answered by two spokes; count, chart and share correct reach everyone', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { sessionId, programId, token } = await scheduleNow(request, 'Social Prescribing ECHO (poll test)', [
    { kind: 'didactic', title: 'Goal setting', minutes: 20 },
  ]);
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const spoke1 = await enterLive(browser, 'linkworker.ards@echo.demo', sessionId);
  const spoke2 = await enterLive(browser, 'linkworker.bradford@echo.demo', sessionId);
  const pages = [host, spoke1, spoke2];
  for (const page of pages) await expect(polls(page).getByRole('button', { name: 'Polls' })).toBeVisible();

  // Spokes are not offered the question form.
  await spoke1.getByRole('button', { name: 'Polls' }).click();
  await expect(polls(spoke1).getByText('No polls yet.')).toBeVisible();
  await expect(polls(spoke1).getByText('Ask a question')).toHaveCount(0);

  // The facilitator asks a single-choice knowledge check, the first option correct.
  await host.getByRole('button', { name: 'Polls' }).click();
  await polls(host).getByText('Ask a question').click();
  const form = host.getByRole('form', { name: 'Ask a question' });
  await form.getByLabel('Question').fill(QUESTION);
  await form.getByLabel('Option 1', { exact: true }).fill('Listening to the person');
  await form.getByLabel('Option 2', { exact: true }).fill('A referral form');
  await form.getByRole('checkbox', { name: 'Option 1 is correct' }).check();
  await form.getByRole('button', { name: 'Ask now' }).click();

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
