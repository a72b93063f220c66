import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import sharp from 'sharp';
// The same real files as the server's upload tests (ExifTool writes the photo's metadata).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ocrText, pdfText, phonePhoto, screenshot, tinyPdf } from '../../apps/server/test/upload-fixtures';
import { apiHeaders, closeOpenedPages, openPage, scheduleNow, signIn } from './helpers';

test.afterEach(closeOpenedPages);

/**
 * A case the demo presenter submitted to a session scheduled now (`sessionTitle`), and her case page's
 * "Images and documents" region, signed in; `headers` carry her token for the API.
 */
async function caseFiles(
  browser: Browser,
  request: APIRequestContext,
  sessionTitle: string,
  data: { title: string; presentingQuestion: string; summary: string; ageBand: string },
) {
  const { sessionId } = await scheduleNow(request, sessionTitle, [{ kind: 'case', minutes: 30 }]);
  const email = 'linkworker.ards@echo.demo';
  const headers = await apiHeaders(request, email);
  const created = await request.post(`/api/sessions/${sessionId}/cases`, { headers, data });
  expect(created.status()).toBe(201);
  const caseId = (await created.json()).id as string;
  const page = await openPage(browser);
  await signIn(page, email);
  await page.goto(`/cases/${caseId}`);
  return { page, files: page.getByRole('region', { name: 'Images and documents' }), caseId, headers };
}

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
  const { files } = await caseFiles(browser, request, 'Wound care ECHO (uploads test)', {
    title: 'A heel wound that will not heal',
    presentingQuestion: 'What dressing would you try next?',
    summary: 'Diabetic, lives alone, wound present for three months.',
    ageBand: '65-74',
  });
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
  const nobody = held.getByRole('radio', { name: 'It identifies nobody' });
  await expect(nobody).toHaveCount(3);
  await expect(held).toContainText('“John Smith”');
  await expect(held).toContainText('“03/04/1961”');
  await expect(held).toContainText('“943 476 5919”');
  // A teaching mock-up: she confirms each finding identifies nobody and attaches it again.
  for (const choice of await nobody.all()) await choice.check();
  await files.getByRole('button', { name: 'Attach file' }).click();
  await expect(files.getByText('Attached screen.png.')).toBeVisible();

  await files.getByLabel('I have removed or covered everything that identifies the patient').check();
  await fileInput.setInputFiles({ name: 'heel.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto('Mary Byrne') });
  await attach.click();
  await expect(
    files.getByText('Attached heel.jpg. Removed location, camera, date taken and author details.'),
  ).toBeVisible();
  await expect(files.getByRole('list', { name: 'Attachments' }).getByRole('img', { name: 'heel.jpg' })).toBeVisible();
});

/**
 * The redaction tool: the hub outlines what it read on the screenshot itself, each finding is covered
 * unless the presenter says otherwise, she drags out one more area, and what is stored is a new image
 * with those areas burnt in (an independent OCR of the download reads none of them).
 */
test('case attachments: findings shown on the picture are covered, with an area drawn by hand', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { page, files, caseId, headers } = await caseFiles(browser, request, 'Wound care ECHO (redaction test)', {
    title: 'A pressure ulcer on the sacrum',
    presentingQuestion: 'Which dressing next?',
    summary: 'Bed-bound, grade 3 ulcer for six weeks.',
    ageBand: '75-84',
  });
  await files.getByLabel('I have removed or covered everything that identifies the patient').check();
  await files.getByLabel('File', { exact: true }).setInputFiles({
    name: 'letter-screen.png',
    mimeType: 'image/png',
    buffer: await screenshot('Patient: John Smith DOB 03/04/1961 NHS 943 476 5919'),
  });
  await files.getByRole('button', { name: 'Attach file' }).click();

  const held = files.getByRole('group', { name: 'The file shows what may identify the patient' });
  await expect(held.getByRole('img', { name: /letter-screen\.png/ })).toBeVisible();
  // Two words of the name, the date, three groups of the NHS number: each outlined where it is.
  await expect(held.getByTestId('finding-box')).toHaveCount(6);
  await expect(held.getByRole('radio', { name: 'Cover it' })).toHaveCount(3);
  for (const choice of await held.getByRole('radio', { name: 'Cover it' }).all()) await expect(choice).toBeChecked();

  // She drags over "Patient:" at the start of the line as well.
  const picture = await held.getByTestId('redaction-picture').boundingBox();
  if (!picture) throw new Error('the picture is not shown');
  const scale = picture.width / 900;
  await page.mouse.move(picture.x + 10 * scale, picture.y + 35 * scale);
  await page.mouse.down();
  await page.mouse.move(picture.x + 60 * scale, picture.y + 60 * scale);
  await page.mouse.move(picture.x + 140 * scale, picture.y + 85 * scale);
  await page.mouse.up();
  await expect(held.getByRole('list', { name: 'Areas you drew' }).getByRole('listitem')).toHaveCount(1);

  await files.getByRole('button', { name: 'Attach with 7 areas covered' }).click();
  await expect(files.getByText('Attached letter-screen.png.')).toBeVisible();

  const list = await request.get(`/api/cases/${caseId}`, { headers });
  const [stored] = (await list.json()).attachments as { id: string }[];
  const download = await request.get(`/api/cases/${caseId}/attachments/${stored.id}`, { headers });
  const bytes = Buffer.from(await download.body());
  expect(ocrText(bytes, 'stored.png')).not.toMatch(/Patient|John|Smith|1961|943|5919/);
  // Covered, not blacked out: the picture is its old size and the words between the areas are left.
  const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([900, 120]);
  const black = data.filter((v) => v < 40).length / data.length;
  expect(black).toBeGreaterThan(0.05);
  expect(black).toBeLessThan(0.5);
});

/**
 * A PDF letter: the hub renders the page that has findings and outlines each one there, as on an image,
 * so the presenter sees where the name, date of birth and NHS number are before they are covered; the
 * stored letter is the page with them burnt in and no text layer.
 */
test('case attachments: a PDF letter shows its findings on a preview of the page, and is stored covered', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { files, caseId, headers } = await caseFiles(browser, request, 'Wound care ECHO (PDF redaction test)', {
    title: 'A leg ulcer with a referral letter',
    presentingQuestion: 'Compression next?',
    summary: 'Venous ulcer, ABPI 0.9.',
    ageBand: '65-74',
  });
  await files.getByLabel('I have removed or covered everything that identifies the patient').check();
  await files.getByLabel('File', { exact: true }).setInputFiles({
    name: 'letter.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf('Patient: John Smith DOB 03/04/1961 NHS 943 476 5919'),
  });
  await files.getByRole('button', { name: 'Attach file' }).click();

  const held = files.getByRole('group', { name: 'The file shows what may identify the patient' });
  const preview = held.getByRole('img', { name: /Page 1 of letter\.pdf/ });
  await expect(preview).toBeVisible();
  // The page as the hub rendered it (600 x 200 points at 150 DPI), with the six words outlined on it.
  expect(await preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1250, 417]);
  const boxes = held.getByTestId('finding-box');
  await expect(boxes).toHaveCount(6);
  const picture = await held.getByTestId('redaction-picture').boundingBox();
  if (!picture) throw new Error('the page is not shown');
  const shown = await Promise.all((await boxes.all()).map((b) => b.boundingBox()));
  for (const b of shown) {
    if (!b) throw new Error('a finding box is not shown');
    // On the line of text (its baseline is 100 of 200 points up the page), inside the page.
    expect(b.y + b.height / 2 - picture.y).toBeGreaterThan(picture.height * 0.35);
    expect(b.y + b.height / 2 - picture.y).toBeLessThan(picture.height * 0.55);
    expect(b.x).toBeGreaterThan(picture.x);
    expect(b.x + b.width).toBeLessThan(picture.x + picture.width);
  }
  // Left to right as the words are: name, date of birth, NHS number.
  const lefts = shown.map((b) => b?.x ?? 0);
  expect([...lefts].sort((x, y) => x - y)).toEqual(lefts);
  for (const choice of await held.getByRole('radio', { name: 'Cover it' }).all()) await expect(choice).toBeChecked();

  await files.getByRole('button', { name: 'Attach with 6 areas covered' }).click();
  await expect(files.getByText('Attached letter.pdf.')).toBeVisible();
  const list = await request.get(`/api/cases/${caseId}`, { headers });
  const [stored] = (await list.json()).attachments as { id: string }[];
  const download = await request.get(`/api/cases/${caseId}/attachments/${stored.id}`, { headers });
  const bytes = Buffer.from(await download.body());
  expect(pdfText(bytes).trim()).toBe('');
  const read = ocrText(bytes, 'stored.pdf');
  expect(read).toMatch(/Patient/);
  expect(read).not.toMatch(/John|Smith|1961|943|5919/);
});

/**
 * Peer support too: a screenshot attached to a community reply is read like a case's files; the author sees what
 * was found on the picture, covers it, and only the covered copy is stored and linked from the reply.
 */
test('community attachments: a screenshot with a patient’s details is held back until its findings are covered', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = 'linkworker.ards@echo.demo';
  const page = await openPage(browser);
  await signIn(page, email);
  await page.goto('/programs');
  await page.getByRole('link', { name: 'Social Prescribing ECHO', exact: true }).click();
  await page.getByRole('link', { name: 'Community', exact: true }).last().click();
  await page.getByRole('link', { name: 'Link workers’ network' }).click();
  await page.getByRole('link', { name: /Benefits and debt advice/ }).click();

  await page
    .locator('.composer input[type="file"]')
    .last()
    .setInputFiles({
      name: 'referral-screen.png',
      mimeType: 'image/png',
      buffer: await screenshot('Patient: John Smith DOB 03/04/1961 NHS 943 476 5919'),
    });
  const held = page.getByRole('group', { name: 'The file shows what may identify someone' });
  await expect(held.getByRole('img', { name: /referral-screen\.png/ })).toBeVisible();
  await expect(held.getByTestId('finding-box')).toHaveCount(6);
  await expect(held.getByRole('radio', { name: 'Cover it' })).toHaveCount(3);
  await held.getByRole('button', { name: 'Attach with 6 areas covered' }).click();
  await expect(held).toBeHidden();

  const reply = page.getByLabel('Your reply', { exact: true });
  await expect(reply).toHaveValue(/!\[referral-screen\.png\]\(attachment:[0-9a-f-]{36}\)/);
  const attachmentId = /attachment:([0-9a-f-]{36})/.exec(await reply.inputValue())![1];
  const headers = await apiHeaders(request, email);
  const stored = Buffer.from(await (await request.get(`/api/attachments/${attachmentId}`, { headers })).body());
  const read = ocrText(stored, 'stored.png');
  expect(read).toMatch(/DOB|NHS/);
  expect(read).not.toMatch(/John|Smith|1961|943|5919/);
});
