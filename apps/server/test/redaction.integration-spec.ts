import type { CaseAttachmentDto, FieldFinding, FindingBox } from '@echo-hub/protocol';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { StorageService } from '../src/storage/storage.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { cleanCase } from './routes';
import { startTestApp, type TestApp } from './test-app';
import { animatedWebp, asBytes, ocrText, pdfOf, pdfText, screenshot, tinyPdf } from './upload-fixtures';

const LINE = 'Patient: John Smith DOB 03/04/1961 NHS 943 476 5919';
const THREE = [
  ['NAME', 'John Smith'],
  ['DATE', '03/04/1961'],
  ['ID', '943 476 5919'],
];

/**
 * The ingest pipeline's redaction: findings in an attached file come back with their boxes, the
 * uploader sends the boxes to cover (accepted or drawn), and the server burns them into a new file
 * that is read again before it is stored; the original is never stored.
 */
describe('case attachments: findings on the picture, and redaction', () => {
  let t: TestApp;
  let presenter: Account;
  let caseId: string;

  const storedFiles = async () => (await t.app.get(StorageService).list('cases/')).length;
  const upload = (bytes: Buffer, name: string, fields: { confirmedSpans?: unknown; redactions?: unknown } = {}) => {
    const req = api(t.app)
      .post(`/api/cases/${caseId}/attachments`)
      .set(bearer(presenter))
      .field('confirmIdentifiersRemoved', 'true');
    for (const [key, value] of Object.entries(fields)) req.field(key, JSON.stringify(value));
    return req.attach('file', bytes, name);
  };
  const download = (a: CaseAttachmentDto) =>
    api(t.app)
      .get(`/api/cases/${caseId}/attachments/${a.id}`)
      .set(bearer(presenter))
      .buffer(true)
      .parse(asBytes)
      .expect(200)
      .then((res: Response) => res.body as Buffer);
  const found = (findings: FieldFinding[]) => findings.map((f) => [f.kind, f.text]);
  const boxesOf = (findings: FieldFinding[]): FindingBox[] => findings.flatMap((f) => f.boxes ?? []);

  beforeAll(async () => {
    t = await startTestApp();
    presenter = await account(t.app, 'presenter');
    const program = await t.app.get(ProgramsService).create({ name: 'Wound care ECHO' });
    await addMember(t.app, program.id, presenter.id, 'participant');
    const session = await t.app.get(SessionsService).create(
      program.id,
      {
        title: 'S1',
        startsAt: new Date().toISOString(),
        durationMinutes: 60,
        agenda: [{ kind: 'case', minutes: 30 }],
      },
      null,
    );
    caseId = (
      await api(t.app).post(`/api/sessions/${session.id}/cases`).set(bearer(presenter)).send(cleanCase).expect(201)
    ).body.id as string;
  });
  afterAll(() => t.close());

  it('a screenshot: the three findings are covered where they were, and OCR of the stored image finds none', async () => {
    const png = await screenshot(LINE);
    const refused = await upload(png, 'screen.png').expect(422);
    const findings = refused.body.findings as FieldFinding[];
    expect(found(findings)).toEqual(THREE);

    const before = await storedFiles();
    const res = await upload(png, 'screen.png', { redactions: boxesOf(findings) }).expect(201);
    expect(await storedFiles()).toBe(before + 1);
    const stored = await download(res.body as CaseAttachmentDto);
    expect(stored.equals(png)).toBe(false);
    const read = ocrText(stored, 'stored.png');
    // What was not covered is still there to read; what was is gone.
    expect(read).toMatch(/Patient/);
    expect(read).not.toMatch(/John|Smith|1961|943|5919/);
  });

  it('a box the uploader drew (not a finding) is burnt in too', async () => {
    const png = await screenshot('Ward 7 bed 3 wound photo');
    const res = await upload(png, 'ward.png', {
      redactions: [{ page: 1, left: 0, top: 20, width: 130, height: 80 }],
    }).expect(201);
    const read = ocrText(await download(res.body as CaseAttachmentDto), 'stored.png');
    expect(read).not.toMatch(/Ward/);
    expect(read).toMatch(/photo/);
  });

  it('a PDF letter: findings have boxes on the page, and the stored letter shows none of them and has no text layer', async () => {
    const letter = tinyPdf(LINE);
    const findings = (await upload(letter, 'letter.pdf').expect(422)).body.findings as FieldFinding[];
    expect(found(findings)).toEqual(THREE);
    expect(boxesOf(findings).every((b) => b.page === 1 && b.width > 0 && b.height > 0)).toBe(true);

    const res = await upload(letter, 'letter.pdf', { redactions: boxesOf(findings) }).expect(201);
    const stored = await download(res.body as CaseAttachmentDto);
    expect(pdfText(stored).trim()).toBe('');
    const read = ocrText(stored, 'stored.pdf');
    expect(read).toMatch(/Patient/);
    expect(read).not.toMatch(/John|Smith|1961|943|5919/);
  });

  it('a PDF letter: the page preview is a PNG of the page, and each finding’s boxes lie on its words there', async () => {
    const letter = tinyPdf(LINE);
    const findings = (await upload(letter, 'letter.pdf').expect(422)).body.findings as FieldFinding[];
    const storedBefore = await storedFiles();
    const preview = (page: number | string, bytes = letter, name = 'letter.pdf') =>
      api(t.app)
        .post(`/api/deid/pdf-page?page=${page}`)
        .set(bearer(presenter))
        .attach('file', bytes, name)
        .buffer(true)
        .parse(asBytes);
    const res = await preview(1).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = res.body as Buffer;
    // The page (600 x 200 points) at the boxes' resolution, 150 DPI.
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1250, height: 417 });

    /** The darkest grey in an area of the preview (0 black, 255 white). */
    const darkest = async (b: FindingBox) => {
      const area = await sharp(png).extract({ left: b.left, top: b.top, width: b.width, height: b.height }).toBuffer();
      return (await sharp(area).greyscale().stats()).channels[0].min;
    };
    for (const f of findings) {
      expect(f.boxes?.length).toBeGreaterThan(0);
      for (const b of f.boxes ?? []) {
        expect(b.page).toBe(1);
        // Ink where the box is; blank paper the same size just below the line of text.
        expect(await darkest(b)).toBeLessThan(100);
        expect(await darkest({ ...b, top: b.top + 3 * b.height })).toBeGreaterThan(200);
      }
    }
    // The three boxes are where the words are, left to right as in the line.
    const lefts = findings.map((f) => f.boxes?.[0].left ?? 0);
    expect([...lefts].sort((x, y) => x - y)).toEqual(lefts);

    // Bad requests name the field.
    const refusal = async (req: ReturnType<typeof preview>) =>
      JSON.parse(String((await req.expect(400)).body)) as { fields: { field: string; messages: string[] }[] };
    expect((await refusal(preview(2))).fields).toEqual([
      { field: 'page', messages: [expect.stringContaining('1 page')] },
    ]);
    expect((await refusal(preview('x'))).fields.map((f) => f.field)).toEqual(['page']);
    const notPdf = await refusal(preview(1, await screenshot('Wound day 1'), 'w.pdf'));
    expect(notPdf.fields.map((f) => f.field)).toEqual(['file']);
    // Nothing is stored by a preview.
    expect(await storedFiles()).toBe(storedBefore);
  });

  it('what redaction leaves still goes through the gate', async () => {
    const png = await screenshot(LINE);
    const findings = (await upload(png, 'screen.png').expect(422)).body.findings as FieldFinding[];
    const name = findings.find((f) => f.kind === 'NAME');
    const res = await upload(png, 'screen.png', { redactions: name?.boxes }).expect(422);
    expect(found(res.body.findings as FieldFinding[])).toEqual(THREE.slice(1));

    // Covering one and confirming the others (offsets as first shown) in one go stores it.
    const others = findings.filter((f) => f !== name).map(({ field, start, end }) => ({ field, start, end }));
    await upload(png, 'screen.png', { redactions: name?.boxes, confirmedSpans: others }).expect(201);
  });

  it('a PDF with a typed page and a scanned page: both are read, each finding on its page', async () => {
    const mixed = await pdfOf([
      { text: 'Referral letter, typed: plan unchanged.' },
      { picture: await screenshot(LINE) },
    ]);
    const findings = (await upload(mixed, 'mixed.pdf').expect(422)).body.findings as FieldFinding[];
    expect(found(findings)).toEqual(THREE);
    expect(boxesOf(findings).every((b) => b.page === 2)).toBe(true);
    // A scan pasted under typed text on the same page is read as well.
    const pasted = await pdfOf([
      { text: 'Referral letter, typed: see the scan below.', picture: await screenshot(LINE) },
    ]);
    expect(found((await upload(pasted, 'pasted.pdf').expect(422)).body.findings as FieldFinding[])).toEqual(THREE);
  });

  it('an animated WebP: every frame is read, and a box on frame 2 covers frame 2', async () => {
    const blank = await screenshot('Wound day 1');
    const anim = await animatedWebp([blank, await screenshot(LINE)]);
    const findings = (await upload(anim, 'anim.webp').expect(422)).body.findings as FieldFinding[];
    expect(found(findings)).toEqual(THREE);
    expect(boxesOf(findings).every((b) => b.page === 2)).toBe(true);
    await upload(anim, 'anim.webp', { redactions: boxesOf(findings) }).expect(201);
  });

  it('a PDF with more pictures to read than the hub reads is refused, not passed partly unread', async () => {
    const page = await screenshot('Scanned page');
    const long = await pdfOf(Array.from({ length: 31 }, () => ({ picture: page })));
    const res = await upload(long, 'long.pdf').expect(400);
    expect(res.body.fields).toEqual([{ field: 'file', messages: [expect.stringContaining('31')] }]);
  });

  it('bad redactions are a 400 naming the field', async () => {
    const png = await screenshot('Wound day 1');
    let res = await upload(png, 'w.png', { redactions: [{ page: 1, left: 0, top: 0, width: 0 }] }).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'redactions.0.width',
      'redactions.0.height',
    ]);
    res = await upload(png, 'w.png', { redactions: [{ page: 2, left: 0, top: 0, width: 5, height: 5 }] }).expect(400);
    expect(res.body.fields).toEqual([
      { field: 'redactions', messages: [expect.stringContaining('redactions[0].page')] },
    ]);
  });
});

/**
 * Community attachments go through the same pipeline: a screenshot pasted into a peer-support post is read, its
 * findings come back as a warning the uploader answers by covering or confirming, and nothing is stored before.
 */
describe('community attachments: text in the file is read and gated too', () => {
  let t: TestApp;
  let member: Account;
  let groupId: string;

  const storedFiles = async () => (await t.app.get(StorageService).list('community/')).length;
  const upload = (bytes: Buffer, name: string, fields: { confirmedSpans?: unknown; redactions?: unknown } = {}) => {
    const req = api(t.app).post(`/api/groups/${groupId}/attachments`).set(bearer(member));
    for (const [key, value] of Object.entries(fields)) req.field(key, JSON.stringify(value));
    return req.attach('file', bytes, name);
  };
  const found = (findings: FieldFinding[]) => findings.map((f) => [f.kind, f.text]);

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await account(t.app, 'admin');
    member = await account(t.app, 'member');
    const program = await t.app.get(ProgramsService).create({ name: 'Peer support ECHO' });
    await addMember(t.app, program.id, admin.id, 'facilitator');
    await addMember(t.app, program.id, member.id, 'participant');
    groupId = (
      await api(t.app).post(`/api/programs/${program.id}/groups`).set(bearer(admin)).send({ name: 'Staff' }).expect(201)
    ).body.id as string;
  });
  afterAll(() => t.close());

  it('a screenshot with a name, date of birth and NHS number: refused with the three findings, stored once covered', async () => {
    const png = await screenshot(LINE);
    const before = await storedFiles();
    const refused = await upload(png, 'screen.png').expect(422);
    expect(refused.body.error).toBe('IDENTIFIERS_FOUND');
    const findings = refused.body.findings as FieldFinding[];
    expect(found(findings)).toEqual(THREE);
    expect(await storedFiles()).toBe(before);

    const res = await upload(png, 'screen.png', { redactions: findings.flatMap((f) => f.boxes ?? []) }).expect(201);
    expect(await storedFiles()).toBe(before + 1);
    const stored = await api(t.app)
      .get(`/api/attachments/${res.body.id as string}`)
      .set(bearer(member))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const read = ocrText(stored.body as Buffer, 'stored.png');
    expect(read).toMatch(/Patient/);
    expect(read).not.toMatch(/John|Smith|1961|943|5919/);
  });

  it('findings the uploader confirms identify nobody are stored as they are; a file without text passes', async () => {
    const png = await screenshot('Team office phone 028 9024 5133');
    const refused = await upload(png, 'office.png').expect(422);
    const spans = (refused.body.findings as FieldFinding[]).map(({ field, start, end }) => ({ field, start, end }));
    await upload(png, 'office.png', { confirmedSpans: spans }).expect(201);
    await upload(await screenshot('Thank you all for the support this week'), 'thanks.png').expect(201);
  });
});
