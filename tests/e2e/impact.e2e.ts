import { readFile } from 'node:fs/promises';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { apiHeaders, signIn } from './helpers';

/**
 * Impact end to end, in real pages: a spoke attends a live session, answers the post-session
 * survey and downloads a certificate whose code the public route verifies; the coordinator's
 * report counts the new learning experiences.
 */

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

const learningExperiences = async (page: Page) =>
  Number(await page.getByTestId('stat-learning-experiences').textContent());

/** The value of this month's "Learning experiences" bar (0 while the month has none). */
async function monthBar(page: Page, month: string): Promise<number> {
  const bar = page.locator(`[data-category="${month}"] [data-series="Learning experiences"]`);
  return (await bar.count()) ? Number(await bar.getAttribute('data-value')) : 0;
}

test('a spoke attends, answers the survey and gets a certificate; the coordinator sees the figures grow', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const headers = await apiHeaders(request, 'facilitator@echo.demo');
  const programs: { id: string; name: string }[] = await (await request.get('/api/programs', { headers })).json();
  const program = programs.find((p) => p.name === 'Social Prescribing ECHO');
  expect(program).toBeTruthy();
  const programId = program?.id as string;
  const now = new Date();
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
    .format(now)
    .slice(0, 7);
  const monthLabel = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    month: 'long',
    year: 'numeric',
  }).format(now);

  // The coordinator opens the report. A test cannot sit through half of a real session, so they
  // first count any attendance at all as a learning experience (the "What counts" setting).
  const coordinator = await signedInPage(browser, 'coordinator@echo.demo');
  await coordinator.goto(`/programs/${programId}/impact`);
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Impact' })).toBeVisible();
  await expect(coordinator.getByRole('figure', { name: 'Attendance and learning experiences by month' })).toBeVisible();
  await coordinator.getByLabel(/Minimum attendance for a learning experience/).fill('0');
  await coordinator.getByLabel(/Certificate: attendance for a session to count/).fill('0');
  await coordinator.getByRole('button', { name: 'Save settings' }).click();
  await expect(coordinator.getByText('Settings saved')).toBeVisible();
  await expect(coordinator.getByText(/attending at least 0% of a session/)).toBeVisible();
  const before = await learningExperiences(coordinator);
  const barBefore = await monthBar(coordinator, month);
  expect(before).toBeGreaterThan(0); // the demo's delivered sessions

  // A session starting now; the facilitator opens it and the spoke joins through the live page.
  const created = await request.post(`/api/programs/${programId}/sessions`, {
    headers,
    data: {
      title: 'Social Prescribing ECHO (impact test)',
      startsAt: now.toISOString(),
      durationMinutes: 15,
      agenda: [{ kind: 'didactic', title: 'What matters to you?', minutes: 15 }],
    },
  });
  expect(created.status()).toBe(201);
  const sessionId = (await created.json()).id as string;

  const host = await signedInPage(browser, 'facilitator@echo.demo');
  await host.goto(`/sessions/${sessionId}/live`);
  await host.getByRole('button', { name: 'Join session' }).click();
  await host.getByRole('button', { name: 'Open session' }).click();
  const spoke = await signedInPage(browser, 'linkworker.ards@echo.demo');
  await spoke.goto(`/sessions/${sessionId}/live`);
  await spoke.getByRole('button', { name: 'Join session' }).click();
  await expect(host.getByRole('region', { name: 'Facilitator controls' })).toBeVisible();
  await expect
    .poll(() =>
      host.evaluate(() =>
        (
          window as unknown as { __echoLive?: { state(): { participants: { displayName: string }[] } | null } }
        ).__echoLive
          ?.state()
          ?.participants.some((p) => p.displayName === 'Ciara Quinn'),
      ),
    )
    .toBe(true);
  await spoke.waitForTimeout(2000);

  // The facilitator ends it for everyone; the spoke is offered the survey.
  await host.getByRole('button', { name: 'End session for all' }).click();
  await host.getByRole('button', { name: 'Yes, end for everyone' }).click();
  await expect(spoke.getByRole('status').filter({ hasText: 'The session has ended' })).toBeVisible();
  await spoke.getByRole('link', { name: 'Answer the two-minute survey' }).click();

  // The survey, answered in the page.
  await expect(
    spoke.getByRole('heading', { level: 1, name: /^How was Social Prescribing ECHO \(impact test\)/ }),
  ).toBeVisible();
  for (const question of [
    'Overall, how would you rate this session?',
    'The session was relevant to my work',
    'The case discussions gave me ideas I can use',
  ]) {
    await spoke.getByRole('group', { name: question }).getByLabel(/^5 — /).check();
  }
  for (const item of [
    'Helping patients to identify and set goals',
    'Listening to and empowering the people I work with',
    'Encouraging activation and self-motivation',
    'Structuring conversations to enable behaviour change',
  ]) {
    const group = spoke.getByRole('group', { name: item });
    await group.getByRole('group', { name: 'Before this session' }).getByLabel('2 — Slightly confident').check();
    await group.getByRole('group', { name: 'Now' }).getByLabel('4 — Very confident').check();
  }
  await spoke
    .getByLabel('What will you do differently? (optional)')
    .fill('Ask "what matters to you?" before anything else.');
  await spoke.getByRole('button', { name: 'Send answers' }).click();
  await expect(spoke.getByText('Thank you: your answers are in.')).toBeVisible();

  // A certificate for this month, from the program page.
  await spoke.goto(`/programs/${programId}`);
  const downloading = spoke.waitForEvent('download');
  await spoke.getByRole('button', { name: `Download certificate for ${monthLabel}` }).click();
  const download = await downloading;
  const pdf = await readFile(await download.path());
  const code = (await spoke.getByTestId('certificate-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.includes(Buffer.from(code))).toBe(true);
  const verified = await request.get(`/api/certificates/verify/${code}`); // no token: public
  expect(verified.status()).toBe(200);
  expect(await verified.json()).toMatchObject({
    valid: true,
    code,
    holder: 'Ciara Quinn',
    program: 'Social Prescribing ECHO',
    period: month,
  });
  await spoke.getByRole('link', { name: 'check it' }).click();
  await expect(spoke.getByText(`Valid certificate ${code}.`)).toBeVisible();
  // A verifier types the code as they read it: lower case, no dashes.
  await spoke.goto('/certificates/verify');
  await spoke.getByLabel('Certificate code').fill(code.toLowerCase().replace(/-/g, ''));
  await spoke.getByRole('button', { name: 'Check' }).click();
  await expect(spoke.getByText(`Valid certificate ${code}.`)).toBeVisible();

  // The coordinator's report: two more learning experiences (the facilitator and the spoke).
  await coordinator.reload();
  await expect.poll(() => learningExperiences(coordinator)).toBe(before + 2);
  expect(await monthBar(coordinator, month)).toBe(barBefore + 2);
  const latest = coordinator.getByRole('region', { name: 'Sessions', exact: true }).getByRole('row').nth(1);
  await expect(latest).toContainText('Social Prescribing ECHO (impact test)');
  await expect(latest).toContainText('1 of 1 (100%)'); // the spoke's survey answer
});
