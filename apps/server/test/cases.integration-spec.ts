import {
  type CaseAttachmentDto,
  type CaseDto,
  CaseLimits,
  type JoinResponse,
  type NotificationDto,
  type NotificationsResponse,
  type QueuedCase,
  type RoomState,
} from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { CaseAttachment } from '../src/cases/entities/case-attachment.entity';
import { EchoCase } from '../src/cases/entities/echo-case.entity';
import { Recommendation } from '../src/cases/entities/recommendation.entity';
import { NotificationsService } from '../src/community/notifications.service';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { StorageService } from '../src/storage/storage.service';
import { type Account, account, addMember, api, asBytes, bearer, waitUntil } from './fixtures';
import { TestLiveClient } from './live-client';
import { cleanCase } from './routes';
import { startTestApp, type TestApp } from './test-app';
import { TINY_PNG, tinyPdf } from './upload-fixtures';

/** Identifiers that must never reach the database unconfirmed. */
const NHS = '943 476 5919';
const withIdentifiers = {
  ...cleanCase,
  summary: `Mrs Aoife Brennan, NHS ${NHS}, seen on 12/03/2024 at 14 Elm Grove, BT7 1NN.`,
};

describe('case presentations: the de-identification gate, the queue, recommendations', () => {
  let t: TestApp;
  let sessionId: string;
  let laterSessionId: string;
  const p: Record<'facilitator' | 'coordinator' | 'expert' | 'spoke' | 'spoke2', Account> = {} as never;

  /** Every place case text can end up: no row may contain an unconfirmed identifier. */
  const stored = async () => {
    const db = t.app.get(DataSource);
    const cases = await db.getRepository(EchoCase).find();
    const recs = await db.getRepository(Recommendation).find();
    return JSON.stringify([cases, recs]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    for (const name of Object.keys({
      facilitator: 1,
      coordinator: 1,
      expert: 1,
      spoke: 1,
      spoke2: 1,
    }) as (keyof typeof p)[]) {
      p[name] = await account(t.app, name);
    }
    const program = await t.app.get(ProgramsService).create({ name: 'Social Prescribing ECHO' });
    await addMember(t.app, program.id, p.facilitator.id, 'facilitator');
    await addMember(t.app, program.id, p.coordinator.id, 'coordinator');
    await addMember(t.app, program.id, p.expert.id, 'expert');
    await addMember(t.app, program.id, p.spoke.id, 'participant');
    await addMember(t.app, program.id, p.spoke2.id, 'participant');
    const sessions = t.app.get(SessionsService);
    const agenda = [
      { kind: 'didactic' as const, title: 'Goal setting', minutes: 15 },
      { kind: 'case' as const, minutes: 30 },
      { kind: 'case' as const, minutes: 30 },
    ];
    sessionId = (
      await sessions.create(
        program.id,
        { title: 'S1', startsAt: new Date().toISOString(), durationMinutes: 90, agenda },
        null,
      )
    ).id;
    laterSessionId = (
      await sessions.create(
        program.id,
        { title: 'S2', startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(), durationMinutes: 90, agenda },
        null,
      )
    ).id;
  });
  afterAll(() => t.close());

  it('refuses a case with identifiers (422 IDENTIFIERS_FOUND listing each) and stores nothing', async () => {
    const res = await api(t.app)
      .post(`/api/sessions/${sessionId}/cases`)
      .set(bearer(p.spoke))
      .send(withIdentifiers)
      .expect(422);
    expect(res.body.error).toBe('IDENTIFIERS_FOUND');
    const found = res.body.findings.map((f: { field: string; kind: string; text: string }) => [
      f.field,
      f.kind,
      f.text,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['summary', 'ID', NHS],
        ['summary', 'DATE', '12/03/2024'],
      ]),
    );
    expect(found.some(([, kind]: string[]) => kind === 'NAME')).toBe(true);
    expect(found.some(([, kind]: string[]) => kind === 'ADDRESS')).toBe(true);
    expect(await stored()).not.toContain(NHS);
  });

  it('stores a span the presenter confirmed as not identifying, recording who and when', async () => {
    // A dog's name the scanner takes for a person's: the presenter confirms it is not identifying.
    const text = 'Her dog Molly Brown keeps her walking every day.';
    const check = await api(t.app).post('/api/deid/check').set(bearer(p.spoke)).send({ text }).expect(200);
    const spans = check.body.findings.map((f: { start: number; end: number }) => ({
      field: 'socialContext',
      start: f.start,
      end: f.end,
    }));
    expect(spans).toHaveLength(1);
    await api(t.app)
      .post(`/api/sessions/${sessionId}/cases`)
      .set(bearer(p.spoke))
      .send({ ...cleanCase, socialContext: text })
      .expect(422);
    const res = await api(t.app)
      .post(`/api/sessions/${sessionId}/cases`)
      .set(bearer(p.spoke))
      .send({ ...cleanCase, socialContext: text, confirmedSpans: spans })
      .expect(201);
    expect(res.body.position).toBe(1);
    const c = await api(t.app).get(`/api/cases/${res.body.id}`).set(bearer(p.facilitator)).expect(200);
    expect(c.body.confirmations).toEqual([
      expect.objectContaining({
        field: 'socialContext',
        text: 'Molly Brown',
        by: 'Test spoke',
        at: expect.any(String),
      }),
    ]);
  });

  it('every write path refuses unconfirmed identifiers: submit, edit, follow-up, recommendation, live notes', async () => {
    const id = (
      await api(t.app).post(`/api/sessions/${sessionId}/cases`).set(bearer(p.spoke2)).send(cleanCase).expect(201)
    ).body.id;
    await api(t.app)
      .patch(`/api/cases/${id}`)
      .set(bearer(p.spoke2))
      .send({ history: `NHS no ${NHS}` })
      .expect(422);
    await api(t.app)
      .post(`/api/sessions/${sessionId}/cases`)
      .set(bearer(p.spoke2))
      .send({ ...withIdentifiers, draft: true })
      .expect(422);
    await api(t.app)
      .post(`/api/cases/${id}/follow-ups`)
      .set(bearer(p.spoke2))
      .send({ ...withIdentifiers, sessionId: laterSessionId })
      .expect(422);
    await api(t.app)
      .post(`/api/cases/${id}/recommendations`)
      .set(bearer(p.expert))
      .send({ body: `Call her on 07700 900123 re NHS ${NHS}` })
      .expect(422);
    // A confirmation given for one text does not carry over when the text at that place changes.
    expect(await stored()).not.toMatch(/943 476 5919|07700 900123/);
  });

  it('the coordinator reorders the queue; urgent cases jump ahead; presenters see their position', async () => {
    const queue = async () =>
      (await api(t.app).get(`/api/sessions/${sessionId}`).set(bearer(p.spoke)).expect(200)).body.cases as QueuedCase[];
    const before = await queue();
    expect(before.map((c) => c.position)).toEqual([1, 2]);
    expect(before.map((c) => c.status)).toEqual(['scheduled', 'scheduled']);
    const third = (
      await api(t.app).post(`/api/sessions/${sessionId}/cases`).set(bearer(p.spoke)).send(cleanCase).expect(201)
    ).body;
    expect(third.position).toBe(3);
    expect((await queue())[2].status).toBe('submitted'); // only two case slots

    const reversed = (await queue()).map((c) => c.id).reverse();
    await api(t.app)
      .patch(`/api/sessions/${sessionId}/cases/order`)
      .set(bearer(p.spoke))
      .send({ caseIds: reversed })
      .expect(403);
    await api(t.app)
      .patch(`/api/sessions/${sessionId}/cases/order`)
      .set(bearer(p.coordinator))
      .send({ caseIds: reversed.slice(1) })
      .expect(400);
    const reordered = await api(t.app)
      .patch(`/api/sessions/${sessionId}/cases/order`)
      .set(bearer(p.coordinator))
      .send({ caseIds: reversed })
      .expect(200);
    expect(reordered.body.map((c: QueuedCase) => c.id)).toEqual(reversed);
    expect(reordered.body.map((c: QueuedCase) => c.status)).toEqual(['scheduled', 'scheduled', 'submitted']);

    const last = reversed[2];
    await api(t.app).post(`/api/cases/${last}/urgent`).set(bearer(p.facilitator)).send({ urgent: true }).expect(201);
    const urgent = await queue();
    expect(urgent[0]).toMatchObject({ id: last, urgent: true, position: 1, status: 'scheduled' });

    const moved = await api(t.app)
      .post(`/api/cases/${third.id}/move`)
      .set(bearer(p.coordinator))
      .send({ sessionId: laterSessionId })
      .expect(201);
    expect(moved.body.map((c: QueuedCase) => c.id)).toContain(third.id);
    expect((await queue()).map((c) => c.id)).not.toContain(third.id);
  });

  it('runs a case live: stages, recommendations captured by the hub, gated at close; the presenter gets a PDF', async () => {
    const url = await t.app.getUrl();
    const connect = async (who: Account) => {
      const c = new TestLiveClient(url, who.token);
      await c.connected();
      const joined = await c.ok<JoinResponse>('session:join', { sessionId });
      c.state = joined.state as RoomState;
      return c;
    };
    const host = await connect(p.facilitator);
    const expert = await connect(p.expert);
    const spoke = await connect(p.spoke);
    try {
      const [next] = (await api(t.app).get(`/api/sessions/${sessionId}`).set(bearer(p.spoke)).expect(200)).body
        .cases as QueuedCase[];
      expect(await spoke.request('host:openCase', { caseId: next.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      await host.ok('host:openCase', { caseId: next.id });
      await waitUntil(() => spoke.state?.liveCase?.caseId === next.id);
      expect(spoke.state).toMatchObject({ phase: 'cases', liveCase: { stage: 'presentation' } });

      for (const stage of [
        'clarifying-spokes',
        'clarifying-hub',
        'recommendations-spokes',
        'recommendations-hub',
        'summary',
      ]) {
        await host.ok('host:caseStage', { stage });
        await waitUntil(() => spoke.state?.liveCase?.stage === stage);
      }
      expect(await spoke.request('case:notes', { text: 'mine' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      await expert.ok('case:notes', { text: `Ring her daughter on 07700 900123.` });
      const refused = await host.request('host:closeCase', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'IDENTIFIERS_FOUND' } });
      expect(await stored()).not.toContain('07700 900123');
      expect(host.state?.liveCase).not.toBeNull();

      const advice = 'Warm handover to the befriending scheme; revisit goals with her in four weeks.';
      await expert.ok('case:notes', { text: advice });
      await waitUntil(() => spoke.state?.liveCase?.notes === advice);
      await host.ok('host:closeCase', {});
      await waitUntil(() => spoke.state?.liveCase === null);

      const c = (await api(t.app).get(`/api/cases/${next.id}`).set(bearer(p.spoke)).expect(200)).body as CaseDto;
      expect(c.status).toBe('recommendations_sent');
      expect(c.recommendations.map((r) => r.body)).toEqual([advice]);
      const presenter = c.presenter.id === p.spoke.id ? p.spoke : p.spoke2;
      const inbox = (await api(t.app).get('/api/notifications').set(bearer(presenter)).expect(200))
        .body as NotificationsResponse;
      expect(inbox.items).toContainEqual(
        expect.objectContaining({
          kind: 'recommendations',
          caseId: next.id,
          actor: expect.objectContaining({ id: p.facilitator.id }),
        }),
      );
      const pdf = await api(t.app)
        .get(`/api/cases/${next.id}/recommendations.pdf`)
        .set(bearer(p.spoke))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200)
        .expect('Content-Type', /pdf/);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

      // The presenter follows up in a later session, linked to the original case.
      const follow = await api(t.app)
        .post(`/api/cases/${next.id}/follow-ups`)
        .set(bearer(presenter))
        .send({ ...cleanCase, title: 'Follow-up: back at her choir', sessionId: laterSessionId })
        .expect(201);
      const followed = (await api(t.app).get(`/api/cases/${follow.body.id}`).set(bearer(p.spoke)).expect(200))
        .body as CaseDto;
      expect(followed).toMatchObject({ followUpOfId: next.id, sessionId: laterSessionId });
      expect((await api(t.app).get(`/api/cases/${next.id}`).set(bearer(p.spoke))).body.status).toBe('follow_up');
    } finally {
      [host, expert, spoke].forEach((c) => c.close());
    }
  });

  it('ending the session while a case is presented, with nothing captured, queues it for the next session and tells the presenter', async () => {
    const host = new TestLiveClient(await t.app.getUrl(), p.facilitator.token);
    await host.connected();
    try {
      await host.ok('session:join', { sessionId });
      const waiting = (await api(t.app).get(`/api/sessions/${sessionId}`).set(bearer(p.spoke)).expect(200)).body
        .cases as QueuedCase[];
      const open = waiting.find((c) => c.status === 'submitted' || c.status === 'scheduled');
      if (!open) throw new Error('the earlier tests left no waiting case in S1');
      await host.ok('host:openCase', { caseId: open.id });
      await host.ok('host:end');

      const c = (await api(t.app).get(`/api/cases/${open.id}`).set(bearer(p.facilitator)).expect(200)).body as CaseDto;
      expect({ status: c.status, sessionId: c.sessionId }).toEqual({ status: 'submitted', sessionId: laterSessionId });
      const later = (await api(t.app).get(`/api/sessions/${laterSessionId}`).set(bearer(p.spoke)).expect(200)).body
        .cases as QueuedCase[];
      expect(later.map((q) => q.id)).toContain(open.id);
      const presenter = [p.spoke, p.spoke2].find((a) => a.id === c.presenter.id) as Account;
      const inbox = (await api(t.app).get('/api/notifications').set(bearer(presenter)).expect(200))
        .body as NotificationsResponse;
      expect(inbox.items).toContainEqual(
        expect.objectContaining({ kind: 'case_returned', caseId: open.id, excerpt: expect.stringContaining('S2') }),
      );
    } finally {
      host.close();
    }
  });
});

describe('case attachments and the recommendations notification', () => {
  let t: TestApp;
  let sessionId: string;
  const p: Record<'presenter' | 'colleague' | 'expert' | 'facilitator' | 'outsider', Account> = {} as never;
  const png = TINY_PNG;
  const pdf = tinyPdf('walking plan');

  const newCase = async (draft = false) =>
    (
      await api(t.app)
        .post(`/api/sessions/${sessionId}/cases`)
        .set(bearer(p.presenter))
        .send({ ...cleanCase, draft })
        .expect(201)
    ).body.id as string;
  const upload = (who: Account, caseId: string, bytes: Buffer, name: string, confirm: string | null = 'true') => {
    const req = api(t.app).post(`/api/cases/${caseId}/attachments`).set(bearer(who)).attach('file', bytes, name);
    return confirm === null ? req : req.field('confirmIdentifiersRemoved', confirm);
  };
  const download = (who: Account, caseId: string, id: string) =>
    api(t.app).get(`/api/cases/${caseId}/attachments/${id}`).set(bearer(who)).buffer(true).parse(asBytes);
  const storedFiles = () => t.app.get(StorageService).list('cases/');

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    for (const name of ['presenter', 'colleague', 'expert', 'facilitator', 'outsider'] as const) {
      p[name] = await account(t.app, name);
    }
    const programs = t.app.get(ProgramsService);
    const program = await programs.create({ name: 'Chronic Pain ECHO' });
    await addMember(t.app, program.id, p.presenter.id, 'participant');
    await addMember(t.app, program.id, p.colleague.id, 'participant');
    await addMember(t.app, program.id, p.expert.id, 'expert');
    await addMember(t.app, program.id, p.facilitator.id, 'facilitator');
    await addMember(t.app, (await programs.create({ name: 'Another ECHO' })).id, p.outsider.id, 'participant');
    const agenda = [{ kind: 'case' as const, minutes: 30 }];
    sessionId = (
      await t.app
        .get(SessionsService)
        .create(program.id, { title: 'S1', startsAt: new Date().toISOString(), durationMinutes: 60, agenda }, null)
    ).id;
  });
  afterAll(() => t.close());

  it('the presenter attaches a PNG and a PDF, recorded with who confirmed and when; readers of the case download them', async () => {
    const caseId = await newCase();
    const image = await upload(p.presenter, caseId, png, 'knee-xray.png').expect(201);
    expect(image.body).toMatchObject({
      caseId,
      name: 'knee-xray.png',
      mimeType: 'image/png',
      size: expect.any(Number),
      uploadedBy: { id: p.presenter.id, displayName: expect.any(String) },
    });
    expect(Date.parse(image.body.confirmedAt)).toBeGreaterThan(Date.now() - 60_000);
    const letter = await upload(p.presenter, caseId, pdf, 'pain-diary.pdf').expect(201);
    expect(letter.body.mimeType).toBe('application/pdf');
    const row = await t.app.get(DataSource).getRepository(CaseAttachment).findOneByOrFail({ id: image.body.id });
    expect(row).toMatchObject({ uploaderId: p.presenter.id, confirmedAt: image.body.confirmedAt });

    const c = (await api(t.app).get(`/api/cases/${caseId}`).set(bearer(p.colleague)).expect(200)).body as CaseDto;
    expect(c.attachments.map((a) => [a.name, a.mimeType])).toEqual([
      ['knee-xray.png', 'image/png'],
      ['pain-diary.pdf', 'application/pdf'],
    ]);
    const got = await download(p.colleague, caseId, letter.body.id).expect(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    // Stored as rewritten without its metadata: still the PDF it was, of the size answered.
    expect((got.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((got.body as Buffer).length).toBe(letter.body.size);
    expect((await download(p.expert, caseId, image.body.id).expect(200)).headers['content-type']).toBe('image/png');

    // Not a member of the program: refused by the guard; an id of another case: 404.
    expect((await download(p.outsider, caseId, image.body.id)).status).toBe(403);
    await api(t.app).get(`/api/cases/${caseId}/attachments/${image.body.id}`).expect(401);
    const other = await newCase();
    expect((await download(p.colleague, other, image.body.id)).status).toBe(404);
  });

  it("a draft's files are seen by its presenter and the hub team only", async () => {
    const draft = await newCase(true);
    const a = await upload(p.presenter, draft, png, 'hand.png').expect(201);
    expect((await download(p.colleague, draft, a.body.id)).status).toBe(404);
    expect((await download(p.facilitator, draft, a.body.id)).status).toBe(200);
    expect((await download(p.presenter, draft, a.body.id)).status).toBe(200);
    // A member who may not read the draft learns nothing of it: 404, not 403, for changes too.
    expect((await upload(p.colleague, draft, png, 'mine.png')).status).toBe(404);
    await api(t.app).delete(`/api/cases/${draft}/attachments/${a.body.id}`).set(bearer(p.colleague)).expect(404);
  });

  it('refuses other types, however named, and uploads without the confirmation, naming the field', async () => {
    const caseId = await newCase();
    const before = (await storedFiles()).length;
    const text = await upload(p.presenter, caseId, Buffer.from('just some text, not an image'), 'scan.png').expect(400);
    expect(text.body.message).toContain('file');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
    expect((await upload(p.presenter, caseId, exe, 'viewer.exe').expect(400)).body.message).toContain('file');
    const gif = Buffer.from('GIF89a tiny');
    expect((await upload(p.presenter, caseId, gif, 'chart.gif').expect(400)).body.message).toContain('file');
    const huge = Buffer.concat([png, Buffer.alloc(CaseLimits.attachmentBytes)]);
    expect((await upload(p.presenter, caseId, huge, 'big.png')).status).toBe(413);
    await api(t.app)
      .post(`/api/cases/${caseId}/attachments`)
      .set(bearer(p.presenter))
      .field('confirmIdentifiersRemoved', 'true')
      .expect(400)
      .expect((res) => expect(res.body.message).toContain('file'));

    for (const confirm of [null, 'false', 'yes']) {
      const res = await upload(p.presenter, caseId, png, 'knee.png', confirm).expect(400);
      expect(res.body.message).toContain('confirmIdentifiersRemoved');
    }
    expect(await storedFiles()).toHaveLength(before);
    const c = (await api(t.app).get(`/api/cases/${caseId}`).set(bearer(p.presenter)).expect(200)).body as CaseDto;
    expect(c.attachments).toEqual([]);
  });

  it('refuses a file whose name identifies the patient (422 IDENTIFIERS_FOUND) and stores nothing', async () => {
    const caseId = await newCase();
    const before = (await storedFiles()).length;
    for (const name of ['John_Smith_CT.pdf', `referral ${NHS}.pdf`]) {
      const res = await upload(p.presenter, caseId, pdf, name).expect(422);
      expect(res.body.error).toBe('IDENTIFIERS_FOUND');
      expect(res.body.findings[0]).toMatchObject({ field: 'file' });
    }
    expect(await storedFiles()).toHaveLength(before);
    expect(await t.app.get(DataSource).getRepository(CaseAttachment).countBy({ caseId })).toBe(0);
  });

  it('only the presenter (or the hub team) attaches and removes, and only before the case is discussed', async () => {
    const caseId = await newCase();
    const a = (await upload(p.presenter, caseId, png, 'wrist.png').expect(201)).body as CaseAttachmentDto;
    expect((await upload(p.colleague, caseId, png, 'mine.png')).status).toBe(403);
    await api(t.app).delete(`/api/cases/${caseId}/attachments/${a.id}`).set(bearer(p.colleague)).expect(403);
    await api(t.app).delete(`/api/cases/${caseId}/attachments/${a.id}`).set(bearer(p.outsider)).expect(403);

    const files = (await storedFiles()).length;
    await api(t.app).delete(`/api/cases/${caseId}/attachments/${a.id}`).set(bearer(p.presenter)).expect(204);
    expect(await storedFiles()).toHaveLength(files - 1);
    expect((await download(p.presenter, caseId, a.id)).status).toBe(404);

    const kept = (await upload(p.presenter, caseId, pdf, 'plan.pdf').expect(201)).body as CaseAttachmentDto;
    await api(t.app)
      .post(`/api/cases/${caseId}/recommendations`)
      .set(bearer(p.expert))
      .send({ body: 'Graded activity; review in six weeks.' })
      .expect(201);
    await api(t.app).delete(`/api/cases/${caseId}/attachments/${kept.id}`).set(bearer(p.presenter)).expect(400);
    await upload(p.presenter, caseId, png, 'late.png').expect(400);
    expect((await download(p.colleague, caseId, kept.id)).status).toBe(200);
  });

  it('stores recommendations once even when the notification fails (it is best effort)', async () => {
    const caseId = await newCase();
    const notify = jest
      .spyOn(t.app.get(NotificationsService), 'notify')
      .mockRejectedValueOnce(new Error('notifications are down'));
    try {
      await api(t.app)
        .post(`/api/cases/${caseId}/recommendations`)
        .set(bearer(p.expert))
        .send({ body: 'Graded exposure; review in a month.' })
        .expect(201);
      expect(notify).toHaveBeenCalledTimes(1);
    } finally {
      notify.mockRestore();
    }
    expect(await t.app.get(DataSource).getRepository(Recommendation).countBy({ caseId })).toBe(1);
    const c = await t.app.get(DataSource).getRepository(EchoCase).findOneByOrFail({ id: caseId });
    expect(c.status).toBe('recommendations_sent');
  });

  it('notifies the presenter, live and in the notifications list, when recommendations are sent', async () => {
    const caseId = await newCase();
    const inbox = new TestLiveClient(await t.app.getUrl(), p.presenter.token);
    try {
      await inbox.connected();
      const before = (await api(t.app).get('/api/notifications').set(bearer(p.presenter)).expect(200))
        .body as NotificationsResponse;
      const pushed = inbox.waitFor<NotificationDto>('notification', (n) => n.caseId === caseId);
      await api(t.app)
        .post(`/api/cases/${caseId}/recommendations`)
        .set(bearer(p.expert))
        .send({ body: 'Pacing plan; refer to the pain management programme.' })
        .expect(201);
      expect(await pushed).toMatchObject({
        kind: 'recommendations',
        caseId,
        groupId: null,
        title: cleanCase.title,
        actor: { id: p.expert.id },
        readAt: null,
      });
      const after = (await api(t.app).get('/api/notifications').set(bearer(p.presenter)).expect(200))
        .body as NotificationsResponse;
      expect(after.unread).toBe(before.unread + 1);
      expect(after.items[0]).toMatchObject({ kind: 'recommendations', caseId, title: cleanCase.title });
      // Nobody else is told.
      const colleague = (await api(t.app).get('/api/notifications').set(bearer(p.colleague)).expect(200))
        .body as NotificationsResponse;
      expect(colleague.items.filter((n) => n.caseId === caseId)).toEqual([]);
      const read = await api(t.app)
        .post('/api/notifications/read')
        .set(bearer(p.presenter))
        .send({ ids: [after.items[0].id] })
        .expect(200);
      expect(read.body.unread).toBe(before.unread);
    } finally {
      inbox.close();
    }
  });
});
