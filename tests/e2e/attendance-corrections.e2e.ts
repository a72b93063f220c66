import { expect, test } from '@playwright/test';
import { apiHeaders, closeOpenedPages, enterLive, openPage, scheduleNow, signIn, userIdOf } from './helpers';

/**
 * Issue #20: a coordinator corrects a spoke's attendance with a reason, in the session page. The minutes change,
 * the correction is listed and in the audit log, and the spoke's certificate follows the program's rule.
 */

test.afterEach(closeOpenedPages);

test('an attendance correction changes the minutes and the certificate, with the audit entry', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { sessionId, programId } = await scheduleNow(request, 'Frailty huddle (attendance test)', [
    { kind: 'didactic', title: 'Falls at home', minutes: 90 },
  ]);
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);
  const spokeHeaders = await apiHeaders(request, 'nurse.ards@echo.demo');
  const certifiedSessions = async () => {
    const periods: { period: string; sessions: number }[] = await (
      await request.get(`/api/programs/${programId}/certificates`, { headers: spokeHeaders })
    ).json();
    return periods.find((p) => p.period === month)?.sessions ?? 0;
  };

  // The spoke is in the session a few seconds (they dropped out), then the facilitator ends it.
  const host = await enterLive(browser, 'facilitator@echo.demo', sessionId);
  await host.getByRole('button', { name: 'Open session' }).click();
  const spoke = await enterLive(browser, 'nurse.ards@echo.demo', sessionId);
  await userIdOf(host, 'Mark Robinson');
  await host.getByRole('button', { name: 'End session for all' }).click();
  await host.getByRole('button', { name: 'Yes, end for everyone' }).click();
  await expect(spoke.getByRole('status').filter({ hasText: 'The session has ended' })).toBeVisible();
  // A few seconds of a 90-minute session: below the default certificate rule (80%).
  const before = await certifiedSessions();

  const coordinator = await openPage(browser);
  await signIn(coordinator, 'coordinator@echo.demo');
  await coordinator.goto(`/sessions/${sessionId}`);
  const attendance = coordinator.getByRole('region', { name: 'Attendance', exact: true }).first();
  // The attendance table's row (the corrections table below names the person after the time).
  const row = attendance.getByRole('row', { name: /^Mark Robinson/ });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('corrected');

  const form = coordinator.getByRole('form', { name: 'Correct attendance' });
  await form.getByLabel('Person').selectOption({ label: 'Mark Robinson' });
  await form.getByLabel('Minutes attended').fill('85');
  await form.getByRole('button', { name: 'Correct attendance' }).click();
  await expect(form.getByText('reason is required')).toBeVisible();
  await form.getByLabel('Reason').fill('Dropped out after a minute; followed the rest on a colleague’s laptop');
  await form.getByRole('button', { name: 'Correct attendance' }).click();
  await expect(form.getByRole('status')).toContainText('Mark Robinson');
  await expect(row).toContainText('85 (corrected; recorded');
  const corrections = coordinator.getByRole('region', { name: 'Attendance corrections' }).first();
  await expect(corrections.getByRole('row').filter({ hasText: 'Mark Robinson' })).toContainText(
    /85.*colleague’s laptop.*Declan Byrne/,
  );

  // The program's audit log has the change: who, before, after and why.
  await coordinator.goto(`/programs/${programId}/community/moderation`);
  const audit = coordinator.getByRole('region', { name: 'Audit log' }).first();
  await expect(audit.getByRole('row').filter({ hasText: 'attendance.correct' }).first()).toContainText(
    /Declan Byrne.*Mark Robinson at “Frailty huddle \(attendance test\)”: \d+ → 85 minutes/,
  );

  // 85 of 90 minutes: the session counts on the spoke's certificate for this month.
  expect(await certifiedSessions()).toBe(before + 1);
  const page = await openPage(browser);
  await signIn(page, 'nurse.ards@echo.demo');
  await page.goto(`/programs/${programId}`);
  await page
    .getByRole('button', { name: /^Download certificate for / })
    .first()
    .click();
  await expect(page.getByTestId('certificate-code')).toBeVisible();
  const code = (await page.getByTestId('certificate-code').textContent())?.trim() ?? '';
  const verified = await (await request.get(`/api/certificates/verify/${code}`)).json();
  expect(verified).toMatchObject({ valid: true, holder: 'Mark Robinson', sessions: before + 1 });
});
