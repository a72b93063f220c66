import type { AgendaItemDto, AttachmentDto, CaseAttachmentDto, FieldFinding } from '@echo-hub/protocol';
import type { Response } from 'supertest';
import { GroupsService } from '../src/community/groups.service';
import { DICOM_REFUSED } from '../src/deid/dicom';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { StorageService } from '../src/storage/storage.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { cleanCase } from './routes';
import { startTestApp, type TestApp } from './test-app';
import {
  asBytes,
  identifyingTags,
  isUprightPhoto,
  pdfText,
  phonePhoto,
  scannedPdf,
  screenshot,
  tinyPdf,
} from './upload-fixtures';

/**
 * Every upload path (case attachments, community attachments, slides) stores files without their
 * metadata and tells the uploader what was removed: checked on what a reader downloads afterwards.
 */
describe('uploads are stored without their metadata', () => {
  let t: TestApp;
  let presenter: Account;
  let facilitator: Account;
  let sessionId: string;
  let didacticId: string;
  let groupId: string;
  const letter = () =>
    tinyPdf('Discharge summary: mobilising, plan unchanged.', {
      Author: 'John Smith',
      Title: 'Letter about John Smith, NHS 943 476 5919',
    });

  const download = (who: Account, url: string) =>
    api(t.app)
      .get(url)
      .set(bearer(who))
      .buffer(true)
      .parse(asBytes)
      .expect(200)
      .then((res: Response) => res.body as Buffer);

  beforeAll(async () => {
    t = await startTestApp();
    presenter = await account(t.app, 'presenter');
    facilitator = await account(t.app, 'facilitator');
    const admin = await account(t.app, 'admin');
    const program = await t.app.get(ProgramsService).create({ name: 'Wound care ECHO' });
    await addMember(t.app, program.id, presenter.id, 'participant');
    await addMember(t.app, program.id, facilitator.id, 'facilitator');
    const agenda = [
      { kind: 'didactic' as const, title: 'Pressure ulcers', minutes: 20 },
      { kind: 'case' as const, minutes: 30 },
    ];
    const session = await t.app
      .get(SessionsService)
      .create(program.id, { title: 'S1', startsAt: new Date().toISOString(), durationMinutes: 60, agenda }, null);
    sessionId = session.id;
    didacticId = session.agenda[0].id;
    groupId = (
      await t.app.get(GroupsService).create({ id: admin.id, isAdmin: true }, program.id, { name: 'Nurses' }, null)
    ).id;
  });
  afterAll(() => t.close());

  it('case attachments: a phone photo loses GPS, camera serial and artist and stays upright; a letter loses Author and Title', async () => {
    const caseId = (
      await api(t.app).post(`/api/sessions/${sessionId}/cases`).set(bearer(presenter)).send(cleanCase).expect(201)
    ).body.id as string;
    const upload = (bytes: Buffer, name: string) =>
      api(t.app)
        .post(`/api/cases/${caseId}/attachments`)
        .set(bearer(presenter))
        .field('confirmIdentifiersRemoved', 'true')
        .attach('file', bytes, name)
        .expect(201)
        .then((res: Response) => res.body as CaseAttachmentDto);

    const photo = await upload(await phonePhoto('John Smith'), 'heel.jpg');
    expect(photo.removed).toEqual(['location', 'camera', 'date', 'author']);
    const stored = await download(presenter, `/api/cases/${caseId}/attachments/${photo.id}`);
    expect(stored.length).toBe(photo.size);
    expect(identifyingTags(stored, 'heel.jpg')).toEqual([]);
    expect(stored.includes('John Smith')).toBe(false);
    expect(await isUprightPhoto(stored)).toBe(true);

    const pdf = await upload(letter(), 'discharge.pdf');
    expect(pdf.removed).toEqual(['author', 'title']);
    const storedPdf = await download(presenter, `/api/cases/${caseId}/attachments/${pdf.id}`);
    expect(identifyingTags(storedPdf, 'discharge.pdf')).toEqual([]);
    expect(storedPdf.includes('John Smith')).toBe(false);
    expect(pdfText(storedPdf)).toContain('Discharge summary: mobilising, plan unchanged.');
  });

  it('community attachments: a photo loses its metadata and the answer says so', async () => {
    const res = await api(t.app)
      .post(`/api/groups/${groupId}/attachments`)
      .set(bearer(presenter))
      .attach('file', await phonePhoto('Mary Byrne'), 'dressing.jpg')
      .expect(201);
    const a = res.body as AttachmentDto;
    expect(a.removed).toEqual(['location', 'camera', 'date', 'author']);
    const stored = await download(presenter, `/api/attachments/${a.id}`);
    expect(identifyingTags(stored, 'dressing.jpg')).toEqual([]);
    expect(await isUprightPhoto(stored)).toBe(true);
  });

  it('community attachments and slides: a file name that names someone is refused with 422 naming it', async () => {
    const refused = await api(t.app)
      .post(`/api/groups/${groupId}/attachments`)
      .set(bearer(presenter))
      .attach('file', await phonePhoto(), 'Mary_Byrne_heel.jpg')
      .expect(422);
    expect(refused.body).toMatchObject({
      error: 'IDENTIFIERS_FOUND',
      findings: [{ field: 'file', text: 'Mary Byrne' }],
    });
    expect(refused.body.message).toContain('Rename the file');
    const slides = await api(t.app)
      .post(`/api/sessions/${sessionId}/agenda/${didacticId}/slides`)
      .set(bearer(facilitator))
      .attach('file', tinyPdf('Pressure ulcers'), 'referral 943 476 5919.pdf')
      .expect(422);
    expect(slides.body.findings).toMatchObject([{ field: 'file', kind: 'ID', text: '943 476 5919' }]);
  });

  it('a DICOM file is refused with a message that says why and what to send instead', async () => {
    const dicom = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from('\x02\x00\x00\x00UL')]);
    const res = await api(t.app)
      .post(`/api/groups/${groupId}/attachments`)
      .set(bearer(presenter))
      .attach('file', dicom, 'ct-head.dcm')
      .expect(400);
    expect(res.body.message).toBe(DICOM_REFUSED);
  });

  it('slides: a PDF loses its Info dictionary; a presentation file is kept as it is', async () => {
    const url = `/api/sessions/${sessionId}/agenda/${didacticId}/slides`;
    const res = await api(t.app).post(url).set(bearer(facilitator)).attach('file', letter(), 'talk.pdf').expect(201);
    const item = res.body as AgendaItemDto;
    expect(item.removed).toEqual(['author', 'title']);
    const stored = await download(facilitator, item.slides?.url ?? '');
    expect(identifyingTags(stored, 'talk.pdf')).toEqual([]);
    expect(stored.includes('John Smith')).toBe(false);

    // A ZIP holding PowerPoint's parts, as the slides are sniffed by content.
    const pptx = Buffer.from('PK\u0003\u0004 [Content_Types].xml ppt/presentation.xml a presentation');
    const kept = await api(t.app).post(url).set(bearer(facilitator)).attach('file', pptx, 'talk.pptx').expect(201);
    expect((kept.body as AgendaItemDto).removed).toEqual([]);
    expect(await download(facilitator, url)).toEqual(pptx);
  });

  describe('the text in a case attachment goes through the gate', () => {
    const LINE = 'Patient: John Smith DOB 03/04/1961 NHS 943 476 5919';
    let caseId: string;
    const storedFiles = async () => (await t.app.get(StorageService).list('cases/')).length;
    const upload = (bytes: Buffer, name: string, confirmed?: unknown) => {
      const req = api(t.app)
        .post(`/api/cases/${caseId}/attachments`)
        .set(bearer(presenter))
        .field('confirmIdentifiersRemoved', 'true');
      if (confirmed !== undefined) req.field('confirmedSpans', JSON.stringify(confirmed));
      return req.attach('file', bytes, name);
    };
    const found = (findings: FieldFinding[]) => findings.map((f) => [f.field, f.kind, f.text]);

    beforeAll(async () => {
      caseId = (
        await api(t.app).post(`/api/sessions/${sessionId}/cases`).set(bearer(presenter)).send(cleanCase).expect(201)
      ).body.id as string;
    });

    it('a screenshot showing a name, date of birth and NHS number is refused with the three findings at their places', async () => {
      const before = await storedFiles();
      const res = await upload(await screenshot(LINE), 'screen.png').expect(422);
      expect(res.body.error).toBe('IDENTIFIERS_FOUND');
      const findings = res.body.findings as FieldFinding[];
      expect(found(findings)).toEqual([
        ['content', 'NAME', 'John Smith'],
        ['content', 'DATE', '03/04/1961'],
        ['content', 'ID', '943 476 5919'],
      ]);
      // Left to right on the one line of text (drawn at x 20, baseline y 70, 28 px high).
      const boxes = findings.map((f) => f.boxes ?? []);
      for (const b of boxes.flat()) {
        expect(b.page).toBe(1);
        expect(b.top).toBeGreaterThan(30);
        expect(b.top + b.height).toBeLessThan(90);
      }
      expect(boxes.map((b) => b.length)).toEqual([2, 1, 3]);
      expect(boxes[0][1].left + boxes[0][1].width).toBeLessThan(boxes[1][0].left);
      expect(boxes[1][0].left + boxes[1][0].width).toBeLessThan(boxes[2][0].left);
      expect(await storedFiles()).toBe(before);

      // Confirmed one by one as not identifying (here: a teaching mock-up), it is stored.
      const confirmed = findings.map(({ field, start, end }) => ({ field, start, end }));
      await upload(await screenshot(LINE), 'screen.png', confirmed.slice(1)).expect(422);
      await upload(await screenshot(LINE), 'screen.png', confirmed).expect(201);
      expect(await storedFiles()).toBe(before + 1);
    });

    it("a PDF letter's text is gated the same way", async () => {
      const res = await upload(tinyPdf(LINE), 'letter.pdf').expect(422);
      expect(found(res.body.findings as FieldFinding[])).toEqual([
        ['content', 'NAME', 'John Smith'],
        ['content', 'DATE', '03/04/1961'],
        ['content', 'ID', '943 476 5919'],
      ]);
    });

    it('a scanned PDF letter (no text layer) is read by OCR, page by page', async () => {
      const scan = await scannedPdf(await screenshot(LINE));
      expect(pdfText(scan).trim()).toBe('');
      const res = await upload(scan, 'scanned-letter.pdf').expect(422);
      const findings = res.body.findings as FieldFinding[];
      expect(found(findings)).toEqual([
        ['content', 'NAME', 'John Smith'],
        ['content', 'DATE', '03/04/1961'],
        ['content', 'ID', '943 476 5919'],
      ]);
      expect(findings.flatMap((f) => f.boxes ?? []).every((b) => b.page === 1)).toBe(true);
    });

    it('an image without text passes, and a bad confirmedSpans is a 400 naming it', async () => {
      await upload(await phonePhoto(), 'wound.jpg').expect(201);
      const res = await upload(await phonePhoto(), 'wound.jpg', { field: 'content' }).expect(400);
      expect(res.body.message).toContain('confirmedSpans');
    });
  });
});
