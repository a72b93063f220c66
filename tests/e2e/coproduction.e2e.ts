import { expect, test } from '@playwright/test';
import { apiHeaders, closeOpenedPages, enterLive, openPage, scheduleNow, signIn } from './helpers';

/**
 * Issue #20, co-production: the coordinator makes a service user (Joanne Hirst, expert by experience) co-facilitator
 * of a session on its page; in the live session everyone sees her badge; once the session is over the impact page
 * counts one more session co-facilitated by someone with lived experience.
 */

test.afterEach(closeOpenedPages);

test('a service-user co-facilitator shows with a badge in the live session and in the representation figures', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { sessionId, programId } = await scheduleNow(request, 'Recovery and hope (co-production test)', [
    { kind: 'didactic', title: 'What recovery means to me', minutes: 90 },
  ]);
  const headers = await apiHeaders(request, 'coordinator@echo.demo');
  const figures = async () =>
    (await (await request.get(`/api/programs/${programId}/impact`, { headers })).json()).coproduction as {
      sessions: number;
      sessionsWithLivedExperienceCoFacilitator: number;
    };
  const before = await figures();

  // On the session page, the coordinator gives the role; the page shows it.
  const coordinator = await openPage(browser);
  await signIn(coordinator, 'coordinator@echo.demo');
  await coordinator.goto(`/sessions/${sessionId}`);
  const form = coordinator.getByRole('form', { name: 'Give a co-production role' });
  await form.getByLabel('Person').selectOption({ label: 'Joanne Hirst (Service user)' });
  await form.getByLabel('Co-production role').selectOption({ label: 'Co-facilitator' });
  await form.getByRole('button', { name: 'Give the role' }).click();
  const roles = coordinator.getByRole('list', { name: 'Co-production roles' });
  await expect(roles.getByRole('listitem').filter({ hasText: 'Joanne Hirst' })).toContainText('Co-facilitator');
  // Her accessibility needs from registration are there for the session's managers.
  await expect(coordinator.getByRole('list', { name: 'Accessibility needs' })).toContainText(
    'Joanne Hirst: Live captions, please',
  );

  // Live: the facilitator and a spoke see her as co-facilitator in the participant list.
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const joanne = await enterLive(browser, 'expert-by-experience@echo.demo', sessionId);
  const spoke = await enterLive(browser, 'nurse.ards@echo.demo', sessionId);
  for (const page of [host, spoke]) {
    const person = page
      .getByRole('region', { name: 'Participants' })
      .getByRole('listitem')
      .filter({ hasText: 'Joanne Hirst' });
    await expect(person.getByTestId('coproduction-badge')).toHaveText('Co-facilitator', { timeout: 30_000 });
  }
  // Nobody else carries one.
  await expect(
    spoke.getByRole('region', { name: 'Participants' }).getByRole('listitem').filter({ hasText: 'Mark Robinson' }),
  ).not.toContainText('Co-facilitator');
  await host.getByRole('button', { name: 'End session for all' }).click();
  await host.getByRole('button', { name: 'Yes, end for everyone' }).click();
  await expect(joanne.getByRole('status').filter({ hasText: 'The session has ended' })).toBeVisible();

  // The impact page counts it: one more delivered session, one more with a lived-experience co-facilitator.
  await coordinator.goto(`/programs/${programId}/impact`);
  await expect(coordinator.getByTestId('coproduction-summary')).toContainText(
    `${before.sessionsWithLivedExperienceCoFacilitator + 1} of ${before.sessions + 1} sessions`,
  );
  const table = coordinator.getByRole('region', { name: 'By co-production role' }).first();
  await expect(table.getByRole('row', { name: /^Co-facilitator/ })).toBeVisible();

  // Her time is paid: the coordinator records it for the session, and finance gets it in the CSV.
  await coordinator.goto(`/programs/${programId}`);
  await coordinator.getByRole('link', { name: 'Co-production payments' }).click();
  const record = coordinator.getByRole('form', { name: 'Record a payment or expenses' });
  await record.getByLabel('Person').selectOption({ label: 'Joanne Hirst (Service user)' });
  await record.getByLabel('Session').selectOption(sessionId);
  await record.getByLabel('Date').fill(new Date().toISOString().slice(0, 10));
  await record.getByLabel('Hours').fill('2.5');
  await record.getByLabel('Amount').fill('50');
  await record.getByLabel('Note').fill('=1+1 co-facilitation and preparation');
  await record.getByRole('button', { name: 'Record' }).click();
  await expect(record.getByRole('status')).toHaveText('Recorded: Joanne Hirst, £50.00.');
  const recorded = coordinator.getByRole('region', { name: 'Recorded' }).first();
  await expect(recorded.getByRole('row', { name: /Joanne Hirst.*Recovery and hope/ }).first()).toContainText('£50.00');
  const download = coordinator.waitForEvent('download');
  await coordinator.getByRole('button', { name: 'Download for finance (CSV)' }).click();
  const csv = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(csv, 'utf8').split('\r\n');
  const row = lines.find((l) => l.includes('Recovery and hope (co-production test)')) ?? '';
  expect(row).toContain('Joanne Hirst,expert-by-experience@echo.demo,service_user,');
  expect(row).toContain(",payment,2.5,50.00,GBP,pending,'=1+1 co-facilitation and preparation,");
});
