import { type Browser, expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiHeaders, closeOpenedPages, openPage, signIn } from './helpers';

test.afterEach(closeOpenedPages);

/**
 * Case presentations from submission to written recommendations: a spoke writes a case and the
 * form flags the identifiers she typed; the coordinator reorders the session's queue; the
 * facilitator presents the case live through its stages with the shared recommendations editor;
 * the presenter attaches an image (confirming it identifies nobody) and watches its upload progress, is notified when the
 * recommendations are sent and downloads them as a PDF.
 */

const TITLE = 'Low mood and isolation after a bereavement';
/** A 1×1 PNG, made here: the image the spoke attaches to her case. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const OTHER_TITLE = 'Chronic pain and debt worries';

async function newPage(browser: Browser, email: string): Promise<Page> {
  const page = await openPage(browser);
  await signIn(page, email);
  return page;
}

/** The queue's titles, top to bottom. */
const queueOrder = (page: Page) =>
  page
    .getByRole('list', { name: 'Case queue' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => li.querySelector('a')?.textContent ?? ''));

test('a spoke presents a de-identified case, the coordinator reorders the queue, the hub discusses it live and the presenter downloads the recommendations', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const facilitator = await apiHeaders(request, 'facilitator@echo.demo');
  const [program] = await (await request.get('/api/programs', { headers: facilitator })).json();
  const created = await request.post(`/api/programs/${program.id}/sessions`, {
    headers: facilitator,
    data: {
      title: 'Social Prescribing ECHO (cases test)',
      startsAt: new Date().toISOString(),
      durationMinutes: 90,
      agenda: [
        { kind: 'didactic', title: 'Goal setting', minutes: 20 },
        { kind: 'case', minutes: 30 },
        { kind: 'case', minutes: 30 },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const sessionId = (await created.json()).id as string;

  // Another spoke's case is already waiting (submitted through the API).
  const other = await request.post(`/api/sessions/${sessionId}/cases`, {
    headers: await apiHeaders(request, 'linkworker.bradford@echo.demo'),
    data: {
      title: OTHER_TITLE,
      presentingQuestion: 'What could help him manage his pain and get back to something he values?',
      summary: 'Man in his fifties with chronic back pain and debt worries, out of work for two years.',
    },
  });
  expect(other.status()).toBe(201);

  // ---- The spoke writes a case: the form flags what could identify the patient. ----
  const spoke = await newPage(browser, 'linkworker.ards@echo.demo');
  await spoke.goto(`/sessions/${sessionId}`);
  await spoke.getByRole('link', { name: 'Present a case' }).click();
  await expect(spoke.getByRole('heading', { level: 1, name: 'Present a case' })).toBeVisible();
  await expect(spoke.getByText('give an age band, not a date of birth')).toBeVisible();
  await spoke.getByLabel('Title').fill(TITLE);
  await spoke
    .getByLabel('Presenting question')
    .fill('How can we help her reconnect with community groups she used to enjoy?');
  const summary = spoke.getByLabel('Summary');
  await summary.pressSequentially('Mrs Margaret Doyle, NHS number 943 476 5919, was referred by her GP ', {
    delay: 5,
  });
  await summary.pressSequentially('after her husband died last year.', { delay: 5 });
  await spoke.getByLabel('Age band').selectOption('75-84');
  await spoke.getByLabel('Sex').selectOption('female');
  await spoke.getByLabel('What has been tried').fill('Sertraline 50 mg daily, as Dr Rahman suggested last session.');
  await spoke.getByLabel('Social context').fill('Lives alone; stopped going to her church choir.');

  const findings = spoke.getByRole('region', { name: 'Possible identifiers' });
  await expect(findings.getByRole('heading')).toHaveText('Possible identifiers 3');
  await expect(findings.locator('mark', { hasText: 'Mrs Margaret Doyle' })).toBeVisible();
  await expect(findings.locator('mark', { hasText: '943 476 5919' })).toBeVisible();
  await expect(findings.getByText('NHS number (valid check digit)')).toBeVisible();

  // The hub's gate refuses what the presenter has neither changed nor confirmed.
  await spoke.getByRole('button', { name: 'Submit case' }).click();
  await expect(spoke.getByRole('alert')).toContainText('The hub found possible identifiers');
  await expect(spoke).toHaveURL(/\/cases\/new$/);

  // The hub expert's name is not about the patient: the presenter confirms it.
  await spoke.getByRole('button', { name: 'Not identifying: Dr Rahman' }).click();
  await expect(findings.getByRole('heading')).toHaveText('Possible identifiers 2');
  await expect(spoke.getByText('You confirmed Dr Rahman is not identifying.')).toBeVisible();

  // The name and the NHS number are taken out of the summary.
  await spoke.getByRole('button', { name: 'Edit Mrs Margaret Doyle' }).click();
  await expect(summary).toBeFocused();
  await summary.fill('A woman in her seventies was referred by her GP after her husband died last year.');
  await expect(findings.getByRole('heading')).toHaveText('Possible identifiers 0');
  await expect(findings.getByText('None found so far')).toBeVisible();
  await spoke.getByRole('button', { name: 'Submit case' }).click();
  await expect(spoke.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(spoke.getByText('Case submitted: it is number 2 in the queue.')).toBeVisible();
  const caseId = /\/cases\/([\w-]+)$/.exec(spoke.url())?.[1] as string;
  await spoke.getByText(/1 span was confirmed not identifying/).click();
  await expect(spoke.getByText(/Dr Rahman.*in What has been tried, confirmed by Ciara Quinn/)).toBeVisible();

  // ---- She attaches an image: a file name that names someone is refused; she confirms the file identifies nobody. ----
  const files = spoke.getByRole('region', { name: 'Images and documents' });
  await expect(files.getByText(/Remove or cover anything that identifies the patient/)).toBeVisible();
  const fileInput = files.getByLabel('File', { exact: true });
  const attach = files.getByRole('button', { name: 'Attach file' });
  await fileInput.setInputFiles({ name: 'John_Smith_CT.png', mimeType: 'image/png', buffer: PNG });
  await expect(files.getByText(/The file name may identify the patient: "John Smith"/)).toBeVisible();
  await expect(attach).toBeDisabled();
  await fileInput.setInputFiles({ name: 'walking-route.png', mimeType: 'image/png', buffer: PNG });
  await expect(attach).toBeDisabled();
  await files.getByLabel('I have removed or covered everything that identifies the patient').check();
  // On a clinic's slow line the upload takes a while, and she sees it go: the test holds the request
  // at the browser until the progress bar has been seen, then lets it through.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await spoke.route(`**/api/cases/${caseId}/attachments`, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await held;
    await route.continue();
  });
  await attach.click();
  const progress = files.getByRole('progressbar', { name: 'Uploading walking-route.png' });
  await expect(progress).toBeVisible();
  await expect(files.getByText(/^Upload(ing|ed) walking-route\.png/)).toBeVisible();
  await expect(attach).toBeDisabled();
  release();
  await expect(files.getByText('Attached walking-route.png.')).toBeVisible();
  await expect(progress).toHaveCount(0);
  await spoke.unroute(`**/api/cases/${caseId}/attachments`);
  await expect(
    files.getByRole('list', { name: 'Attachments' }).getByRole('img', { name: 'walking-route.png' }),
  ).toBeVisible();

  // ---- The coordinator puts the bereavement case first (buttons, drag and drop, keyboard). ----
  const coordinator = await newPage(browser, 'coordinator@echo.demo');
  await coordinator.goto(`/sessions/${sessionId}`);
  await expect.poll(() => queueOrder(coordinator)).toEqual([OTHER_TITLE, TITLE]);
  await coordinator.getByRole('button', { name: `Move ${TITLE} up` }).click();
  await expect(coordinator.getByText(`Queue saved: ${TITLE} is number 1.`)).toBeVisible();
  expect(await queueOrder(coordinator)).toEqual([TITLE, OTHER_TITLE]);

  const items = coordinator.getByRole('list', { name: 'Case queue' }).getByRole('listitem');
  await items.filter({ hasText: OTHER_TITLE }).dragTo(items.filter({ hasText: TITLE }));
  await expect(coordinator.getByText(`Queue saved: ${OTHER_TITLE} is number 1.`)).toBeVisible();
  expect(await queueOrder(coordinator)).toEqual([OTHER_TITLE, TITLE]);

  await coordinator.getByRole('button', { name: `Move ${OTHER_TITLE} down` }).focus();
  await coordinator.keyboard.press('Enter');
  await expect(coordinator.getByText(`Queue saved: ${OTHER_TITLE} is number 2.`)).toBeVisible();
  await coordinator.reload();
  await expect.poll(() => queueOrder(coordinator)).toEqual([TITLE, OTHER_TITLE]);

  await spoke.goto(`/sessions/${sessionId}`);
  await expect(spoke.getByText('Your case is number 1 in the queue')).toBeVisible();
  await expect(spoke.getByRole('button', { name: `Move ${TITLE} up` })).toHaveCount(0);

  // ---- Live: the facilitator opens the case, moves through the stages, writes the recommendations. ----
  const host = await newPage(browser, 'facilitator@echo.demo');
  for (const page of [host, spoke]) {
    await page.goto(`/sessions/${sessionId}/live`);
    await page.getByRole('button', { name: 'Join session' }).click();
  }
  const hostCase = host.getByRole('region', { name: 'Case' });
  const spokeCase = spoke.getByRole('region', { name: 'Case' });
  await expect(hostCase.getByText(`Next in the queue: ${TITLE}`)).toBeVisible();
  await hostCase.getByRole('button', { name: 'Open next case' }).click();
  for (const panel of [hostCase, spokeCase]) {
    await expect(panel.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(panel.getByText('Case discussion — not recorded')).toBeVisible();
    await expect(panel.getByText('Stage: Presentation')).toBeVisible();
    await expect(panel.getByRole('img', { name: 'walking-route.png' })).toBeVisible();
  }
  await expect(hostCase.getByRole('timer', { name: /^Presentation: \d+:\d\d left$/ })).toBeVisible();
  for (const stage of [
    'Clarifying questions — spokes',
    'Clarifying questions — hub',
    'Recommendations — spokes',
    'Recommendations — hub',
    'Summary',
  ]) {
    await hostCase.getByRole('button', { name: 'Next stage' }).click();
    await expect(hostCase.getByText(`Stage: ${stage}`)).toBeVisible();
    await expect(hostCase.getByRole('button', { name: stage, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(spokeCase.getByText(`Stage: ${stage}`)).toBeVisible();
  }
  await expect(hostCase.getByRole('button', { name: 'Next stage' })).toBeDisabled();
  await expect(spokeCase.getByRole('button', { name: 'Close case' })).toHaveCount(0);

  // The shared editor: the presenter reads along; the notes pass the gate before they are kept.
  const notes = hostCase.getByLabel('Recommendations');
  await notes.pressSequentially('Ask Mrs Doyle to bring her daughter to the first befriending visit.', { delay: 5 });
  await expect(spokeCase.getByText('Ask Mrs Doyle to bring her daughter')).toBeVisible();
  await expect(spokeCase.getByLabel('Recommendations')).toHaveCount(0);
  await hostCase.getByRole('button', { name: 'Close case' }).click();
  await expect(hostCase.getByRole('alert')).toContainText('Possible patient identifiers');
  await expect(hostCase.getByRole('heading', { name: TITLE })).toBeVisible();

  const recommendation =
    'Try a warm handover to the local befriending scheme and review in four weeks. ' +
    'Ask about the choir she used to enjoy: a volunteer could go with her the first time.';
  await notes.fill(recommendation);
  await expect(spokeCase.getByText(recommendation)).toBeVisible();
  await hostCase.getByRole('button', { name: 'Close case' }).click();
  await expect(hostCase.getByText('Case closed. The recommendations were saved for the presenter.')).toBeVisible();
  await expect(hostCase.getByText(`Next in the queue: ${OTHER_TITLE}`)).toBeVisible();
  await expect(spokeCase).toHaveCount(0);

  // ---- The presenter is notified, finds her case from the program dashboard and downloads the recommendations. ----
  await spoke.goto(`/programs/${program.id}`);
  await expect(spoke.getByRole('link', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await spoke.getByRole('link', { name: /^Notifications/ }).click();
  await expect(
    spoke.getByRole('list', { name: 'Notifications' }).getByRole('link', {
      name: `Recommendations for your case “${TITLE}” are ready`,
    }),
  ).toHaveAttribute('href', `/cases/${caseId}`);
  await spoke.goto(`/programs/${program.id}`);
  await spoke.getByRole('link', { name: 'My cases' }).click();
  await spoke.getByRole('list', { name: 'My cases' }).getByRole('link', { name: TITLE }).click();
  await expect(spoke).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(spoke.getByText('Recommendations sent')).toBeVisible();
  const recommendations = spoke.getByRole('region', { name: 'Recommendations' });
  await expect(recommendations.getByText(recommendation)).toBeVisible();
  await expect(recommendations.getByText(/Siobhán McAllister/)).toBeVisible();
  const [download] = await Promise.all([
    spoke.waitForEvent('download'),
    recommendations.getByRole('button', { name: 'Download recommendations (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  expect(pdf.length).toBeGreaterThan(1000);
});
