import { expect, test } from '@playwright/test';
// The same real files as the server's upload tests (ExifTool writes the photo's metadata).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { phonePhoto, screenshot } from '../../apps/server/test/upload-fixtures';
import { DEMO_PASSWORD, closeOpenedPages, openPage, scheduleNow, signIn } from './helpers';

test.afterEach(closeOpenedPages);

/**
 * A presenter attaches files to her case: a screenshot whose text names the patient is held back with
 * what the hub read in it until she confirms each finding; a phone photo is attached and she is told
 * which metadata the hub removed from it.
 */
test('case attachments: text in a screenshot is gated, and a photo loses its metadata with the presenter told', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { sessionId } = await scheduleNow(request, 'Wound care ECHO (uploads test)', [{ kind: 'case', minutes: 30 }]);
  const email = 'linkworker.ards@echo.demo';
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken as string}` };
  const created = await request.post(`/api/sessions/${sessionId}/cases`, {
    headers,
    data: {
      title: 'A heel wound that will not heal',
      presentingQuestion: 'What dressing would you try next?',
      summary: 'Diabetic, lives alone, wound present for three months.',
      ageBand: '65-74',
    },
  });
  expect(created.status()).toBe(201);
  const caseId = (await created.json()).id as string;

  const page = await openPage(browser);
  await signIn(page, email);
  await page.goto(`/cases/${caseId}`);
  const files = page.getByRole('region', { name: 'Images and documents' });
  const fileInput = files.getByLabel('File', { exact: true });
  const attach = files.getByRole('button', { name: 'Attach file' });
  await files.getByLabel('I have removed or covered everything that identifies the patient').check();

  await fileInput.setInputFiles({
    name: 'screen.png',
    mimeType: 'image/png',
    buffer: await screenshot('Patient: John Smith DOB 03/04/1961 NHS 943 476 5919'),
  });
  await attach.click();
  const held = files.getByRole('group', { name: 'The file shows what may identify the patient' });
  await expect(held).toBeVisible();
  const findings = held.getByRole('checkbox');
  await expect(findings).toHaveCount(3);
  await expect(held).toContainText('“John Smith”');
  await expect(held).toContainText('“03/04/1961”');
  await expect(held).toContainText('“943 476 5919”');
  // A teaching mock-up: she confirms each finding identifies nobody and attaches it again.
  for (const box of await findings.all()) await box.check();
  await attach.click();
  await expect(files.getByText('Attached screen.png.')).toBeVisible();

  await files.getByLabel('I have removed or covered everything that identifies the patient').check();
  await fileInput.setInputFiles({ name: 'heel.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto('Mary Byrne') });
  await attach.click();
  await expect(
    files.getByText('Attached heel.jpg. Removed location, camera, date taken and author details.'),
  ).toBeVisible();
  await expect(files.getByRole('list', { name: 'Attachments' }).getByRole('img', { name: 'heel.jpg' })).toBeVisible();
});
