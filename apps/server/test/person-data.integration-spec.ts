import type { ErasureReport, ImpactReport } from '@echo-hub/protocol';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { User } from '../src/auth/entities/user.entity';
import { AttachmentsService } from '../src/community/attachments.service';
import { Attachment } from '../src/community/entities/attachment.entity';
import { Post } from '../src/community/entities/post.entity';
import { Thread } from '../src/community/entities/thread.entity';
import { GroupsService } from '../src/community/groups.service';
import { ThreadsService } from '../src/community/threads.service';
import { Attendance } from '../src/live/entities/attendance.entity';
import { ChatMessageEntity } from '../src/live/entities/chat-message.entity';
import { Membership } from '../src/programs/entities/membership.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { EchoSession } from '../src/sessions/entities/echo-session.entity';
import { SessionsService } from '../src/sessions/sessions.service';
import { StorageService } from '../src/storage/storage.service';
import { type Account, account, addMember, api, asBytes, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';
import { tinyPdf } from './upload-fixtures';

/** The files of a zip (through Debian's unzip), by name. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'echo-export-'));
  try {
    writeFileSync(join(dir, 'export.zip'), zip);
    const names = execFileSync('zipinfo', ['-1', join(dir, 'export.zip')], { encoding: 'utf8' })
      .trim()
      .split('\n');
    return new Map(names.map((n) => [n, execFileSync('unzip', ['-p', join(dir, 'export.zip'), n])]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("a person's data: export and erasure", () => {
  let t: TestApp;
  let admin: Account;
  let programId: string;

  /** A member with a past: attendance at an ended session, live chat, a thread, a reply and an uploaded PDF. */
  async function personWithData(name: string) {
    const who = await account(t.app, name);
    await addMember(t.app, programId, who.id, 'participant');
    const db = t.app.get(DataSource);
    const session = await t.app
      .get(SessionsService)
      .create(programId, { title: 'Delivered', startsAt: '2026-06-09T12:30:00+01:00', durationMinutes: 60 }, null);
    await db.getRepository(EchoSession).update({ id: session.id }, { status: 'ended' });
    const rows = db.getRepository(Attendance);
    await rows.save(
      rows.create({
        sessionId: session.id,
        userId: who.id,
        role: 'participant',
        siteId: null,
        joinedAt: '2026-06-09T11:30:00.000Z',
        leftAt: '2026-06-09T12:15:00.000Z',
      }),
    );
    const chat = db.getRepository(ChatMessageEntity);
    await chat.save(
      chat.create({ sessionId: session.id, userId: who.id, displayName: `Test ${name}`, text: 'My clinic is in Ards' }),
    );
    const viewer = { id: who.id, isAdmin: false };
    const group = await t.app
      .get(GroupsService)
      .create({ id: admin.id, isAdmin: true }, programId, { name: `Group ${name}` }, null);
    const pdf = tinyPdf('leaflet');
    const file = { originalname: 'our-leaflet.pdf', size: pdf.length, buffer: pdf } as Express.Multer.File;
    const upload = await t.app.get(AttachmentsService).upload(viewer, group.id, file);
    const threads = t.app.get(ThreadsService);
    const thread = await threads.create(viewer, group.id, {
      title: 'My walking group',
      body: `I started a walking group: ${upload.markdown}`,
    });
    return { who, threadId: thread.id, attachmentId: upload.id, sessionId: session.id };
  }

  const impact = async () =>
    (await api(t.app).get(`/api/programs/${programId}/impact`).set(bearer(admin)).expect(200)).body as ImpactReport;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await account(t.app, 'admin');
    programId = (await t.app.get(ProgramsService).create({ name: 'Social Prescribing ECHO' })).id;
  });
  afterAll(() => t.close());

  it('exports everything about a person as data.json and their files, to an admin and to the person', async () => {
    const { who, threadId, attachmentId } = await personWithData('exported');
    const byAdmin = await api(t.app)
      .get(`/api/admin/users/${who.id}/export`)
      .set(bearer(admin))
      .buffer(true)
      .parse(asBytes)
      .expect(200)
      .expect('Content-Type', 'application/zip');
    const files = unzip(byAdmin.body as Buffer);
    const data = JSON.parse(files.get('data.json')!.toString('utf8'));
    expect(data.account).toMatchObject({ id: who.id, email: who.email, displayName: 'Test exported' });
    expect(data.account.passwordHash).toBeUndefined();
    expect(data.account.calendarToken).toBeUndefined();
    expect(data.programMemberships).toEqual([expect.objectContaining({ programId, role: 'participant' })]);
    expect(data.attendance).toEqual([expect.objectContaining({ joinedAt: '2026-06-09T11:30:00.000Z' })]);
    expect(data.liveChat).toEqual([expect.objectContaining({ text: 'My clinic is in Ards' })]);
    expect(data.threads).toEqual([expect.objectContaining({ id: threadId, title: 'My walking group' })]);
    expect(data.posts).toEqual([expect.objectContaining({ body: expect.stringContaining('walking group') })]);
    expect(data.signIns).toHaveLength(1);
    expect(JSON.stringify(data.signIns)).not.toContain('tokenHash');
    const pdf = [...files.keys()].find((n) => n.startsWith(`files/community/${attachmentId}-`));
    expect(pdf).toBeDefined();
    expect(files.get(pdf!)!.subarray(0, 5).toString()).toBe('%PDF-');

    const own = await api(t.app).get('/api/me/export').set(bearer(who)).buffer(true).parse(asBytes).expect(200);
    expect(
      JSON.parse(
        unzip(own.body as Buffer)
          .get('data.json')!
          .toString('utf8'),
      ).account.id,
    ).toBe(who.id);
    // Someone else's export is an admin's to take.
    await api(t.app).get(`/api/admin/users/${admin.id}/export`).set(bearer(who)).expect(403);
  });

  it('erases personal data and authorship, keeping the figures that count the person', async () => {
    const { who, threadId, attachmentId } = await personWithData('erased');
    const db = t.app.get(DataSource);
    const before = await impact();
    const stored = await db.getRepository(Attachment).findOneByOrFail({ id: attachmentId });

    const wrong = await api(t.app)
      .post(`/api/admin/users/${who.id}/erase`)
      .set(bearer(admin))
      .send({ confirmEmail: 'someone.else@example.org' })
      .expect(400);
    expect(wrong.body.message).toContain('confirmEmail');

    const res = await api(t.app)
      .post(`/api/admin/users/${who.id}/erase`)
      .set(bearer(admin))
      .send({ confirmEmail: who.email.toUpperCase() })
      .expect(200);
    const report = res.body as ErasureReport;
    expect(report.deleted).toMatchObject({ signIns: 1, programMemberships: 1, communityAttachments: 1 });
    expect(report.anonymised).toMatchObject({ posts: 1, threads: 1, liveChat: 1, attendance: 1 });
    expect(report.files).toBe(1);

    const user = await db.getRepository(User).findOneByOrFail({ id: who.id });
    expect(user).toMatchObject({ displayName: 'Erased user', isAdmin: false, erasedAt: expect.any(String) });
    expect(JSON.stringify(user)).not.toContain(who.email);
    expect(await db.getRepository(Membership).countBy({ userId: who.id })).toBe(0);
    expect((await db.getRepository(Thread).findOneByOrFail({ id: threadId })).title).not.toContain('walking');
    const posts = await db.getRepository(Post).findBy({ authorId: who.id });
    expect(posts.map((p) => p.body)).toEqual(['[erased at the request of its author]']);
    const chat = await db.getRepository(ChatMessageEntity).findBy({ userId: who.id });
    expect(chat.map((c) => [c.displayName, c.text])).toEqual([
      ['Erased user', '[erased at the request of its author]'],
    ]);
    expect(await t.app.get(StorageService).head(`community/${stored.storedName}`)).toBeNull();

    // The figures: attendance stays (now anonymous); hours, attendances and people counted are unchanged.
    const after = await impact();
    expect(after).toMatchObject({
      hours: before.hours,
      attendances: before.attendances,
      uniqueParticipants: before.uniqueParticipants,
      learningExperiences: before.learningExperiences,
    });

    // The account is gone for good: no sign-in, its tokens refused, its address free for a new account.
    await api(t.app).get('/api/me').set(bearer(who)).expect(401);
    await api(t.app).post('/api/auth/login').send({ email: who.email, password: 'correct horse battery' }).expect(401);
    await api(t.app)
      .post('/api/auth/register')
      .send({ email: who.email, password: 'a new passphrase here', displayName: 'Back again' })
      .expect(202);
    await api(t.app).post('/api/auth/login').send({ email: who.email, password: 'a new passphrase here' }).expect(200);
    await api(t.app).post(`/api/admin/users/${who.id}/enable`).set(bearer(admin)).expect(409);
    const log = await api(t.app).get('/api/admin/audit').set(bearer(admin)).expect(200);
    expect(log.body[0]).toMatchObject({ action: 'user.erase', target: { id: who.id, displayName: 'Erased user' } });
  });
});
