import { DataSource } from 'typeorm';
import { AdminAuditEntry } from '../src/admin/entities/admin-audit.entity';
import { User } from '../src/auth/entities/user.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { Recording } from '../src/recordings/entities/recording.entity';
import { EchoSession } from '../src/sessions/entities/echo-session.entity';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * The lists that grow, paged with common/page.ts: sessions of a program, its recordings and members, the admin's
 * accounts and audit log. Each is walked page by page (the next page from the answer's Link rel=next) and must
 * give every row once, in the order of the whole list, with keys that tie across page boundaries; rows added
 * ahead of the cursor meanwhile neither repeat nor push others out. Bad `limit` and `cursor` are 400s naming them.
 */
describe('cursor pagination on the lists that grow (#17 REST at scale)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Account;
  let coordinator: Account;
  let programId: string;
  // Three rows share each time: ties the id must break, across page boundaries (pages of 3 and 4).
  const at = (i: number) => new Date(Date.UTC(2030, 0, 1 + Math.floor(i / 3), 9)).toISOString();

  /** Every row of `path`, following Link rel=next from a first page of `limit`; the pages' lengths too. */
  async function walk(path: string, limit: number, between?: () => Promise<void>) {
    const ids: string[] = [];
    const sizes: number[] = [];
    let next: string | undefined = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
    while (next) {
      const res = await api(t.app).get(next).set(bearer(admin)).expect(200);
      ids.push(...(res.body as { id: string }[]).map((r) => r.id));
      sizes.push(res.body.length);
      const link = res.headers.link as string | undefined;
      next = link ? /^<([^>]+)>; rel="next"$/.exec(link)?.[1] : undefined;
      if (next) expect(res.headers['x-next-cursor']).toBe(new URL(next, 'http://x').searchParams.get('cursor'));
      if (between && sizes.length === 1) await between();
    }
    return { ids, sizes };
  }

  const whole = async (path: string) =>
    (
      (
        await api(t.app)
          .get(`${path}${path.includes('?') ? '&' : '?'}limit=200`)
          .set(bearer(admin))
          .expect(200)
      ).body as { id: string }[]
    ).map((r) => r.id);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await account(t.app, 'admin');
    coordinator = await account(t.app, 'coordinator');
    programId = (await t.app.get(ProgramsService).create({ name: 'Paging ECHO' })).id;
    await addMember(t.app, programId, coordinator.id, 'coordinator');
    const sessions = db.getRepository(EchoSession);
    for (let i = 0; i < 10; i++) {
      await sessions.save(
        sessions.create({
          programId,
          seriesId: null,
          title: `Session ${i}`,
          startsAt: at(i),
          durationMinutes: 60,
          timeZone: 'Europe/London',
          status: 'scheduled',
          practice: false,
        }),
      );
    }
    const [first] = await sessions.findBy({ programId });
    const recordings = db.getRepository(Recording);
    for (let i = 0; i < 10; i++) {
      await recordings.save(
        recordings.create({
          programId,
          sessionId: first.id,
          title: `Recording ${i}`,
          presenterName: 'Dr Page',
          kind: 'didactic',
          status: 'complete',
          file: `paging-${i}.webm`,
          startedAt: at(i),
          endedAt: at(i),
          sizeBytes: 1,
          consent: null,
          error: null,
        }),
      );
    }
    for (let i = 0; i < 9; i++) {
      const user = await db.getRepository(User).save(
        db.getRepository(User).create({
          email: `paging-${i}@example.org`,
          // two people share each name: the membership id breaks the tie
          displayName: `Member ${Math.floor(i / 2)}`,
          passwordHash: '!',
          calendarToken: `paging-token-${i}`,
          createdAt: at(i),
        } as Partial<User>),
      );
      await addMember(t.app, programId, user.id, 'participant');
    }
    const audit = db.getRepository(AdminAuditEntry);
    for (let i = 0; i < 10; i++) {
      await audit.save(
        audit.create({
          actorId: admin.id,
          action: 'disable',
          targetUserId: coordinator.id,
          detail: '',
          createdAt: at(i),
        }),
      );
    }
  });
  afterAll(() => t.close());

  it.each([
    ['sessions of a program', () => `/api/programs/${programId}/sessions?from=2029-12-31T00:00:00Z`, 10],
    ['recordings of a program', () => `/api/programs/${programId}/recordings`, 10],
    ['members of a program', () => `/api/programs/${programId}/members`, 10],
    ['accounts (admin)', () => '/api/admin/users?q=paging-', 9],
    ['audit log (admin)', () => '/api/admin/audit', 10],
  ])('walks the %s page by page: every row once, in order', async (_name, path, count) => {
    const all = await whole(path());
    expect(all).toHaveLength(count);
    expect(new Set(all).size).toBe(count);
    for (const limit of [3, 4]) {
      const { ids, sizes } = await walk(path(), limit);
      expect(ids).toEqual(all);
      expect(sizes.every((n, i) => n === limit || i === sizes.length - 1)).toBe(true);
    }
  });

  it('without a limit, a list shorter than a page (50) comes whole, with no Link or X-Next-Cursor', async () => {
    const res = await api(t.app).get(`/api/programs/${programId}/recordings`).set(bearer(admin)).expect(200);
    expect(res.body).toHaveLength(10);
    expect(res.headers.link).toBeUndefined();
    expect(res.headers['x-next-cursor']).toBeUndefined();
  });

  it('rows added ahead of the cursor while paging neither repeat nor push rows out', async () => {
    const path = `/api/programs/${programId}/recordings`;
    const before = await whole(path);
    const [first] = await db.getRepository(EchoSession).findBy({ programId });
    const { ids } = await walk(path, 3, async () => {
      const recordings = db.getRepository(Recording);
      await recordings.save(
        recordings.create({
          programId,
          sessionId: first.id,
          title: 'Newest',
          presenterName: '',
          kind: 'manual',
          status: 'complete',
          file: 'paging-new.webm',
          startedAt: '2031-01-01T00:00:00.000Z',
          endedAt: null,
          sizeBytes: 1,
          consent: null,
          error: null,
        }),
      );
    });
    expect(ids).toEqual(before);
    expect(await whole(path)).toHaveLength(before.length + 1);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=lots', 'limit'],
    ['cursor=not-one-we-gave', 'cursor'],
    [`cursor=${Buffer.from('[1]').toString('base64url')}`, 'cursor'],
  ])('refuses %s with 400 naming the field, on every paged list', async (query, field) => {
    for (const path of [
      `/api/programs/${programId}/sessions`,
      `/api/programs/${programId}/recordings`,
      `/api/programs/${programId}/members`,
      '/api/admin/users',
      '/api/admin/audit',
    ]) {
      const res = await api(t.app).get(`${path}?${query}`).set(bearer(admin));
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.message).toContain(field);
    }
  });

  it('pages of members hide e-mails from those who may not see them, as the whole list does', async () => {
    const spoke = await account(t.app, 'spoke');
    await addMember(t.app, programId, spoke.id, 'participant');
    const res = await api(t.app).get(`/api/programs/${programId}/members?limit=3`).set(bearer(spoke)).expect(200);
    expect(res.body).toHaveLength(3);
    const others = (res.body as { user: { id: string; email: string | null } }[]).filter((m) => m.user.id !== spoke.id);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((m) => m.user.email === null)).toBe(true);
    expect(res.headers.link).toContain('cursor=');
  });
});
