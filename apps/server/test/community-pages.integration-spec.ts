import type { AuditEntryDto, BookmarkDto, NotificationsResponse, ThreadSummary } from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { ProgramsService } from '../src/programs/programs.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * The community's growing lists come in cursor pages (common/page.ts), and its hot pages make the same number
 * of queries whatever their length (no query per row).
 */
describe('community lists in pages, hot pages without a query per row', () => {
  let t: TestApp;
  let host: Account;
  let reader: Account;
  let programId: string;
  let groupId: string;

  const get = (who: Account, path: string) => api(t.app).get(path).set(bearer(who));
  const post = (who: Account, path: string, body: object = {}) => api(t.app).post(path).set(bearer(who)).send(body);
  const newThread = async (title: string) => {
    const res = await post(host, `/api/groups/${groupId}/threads`, { title, body: `About ${title}.` });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** Every page of a list, following X-Next-Cursor; `between` runs after the first page. */
  const walk = async <T>(path: string, limit: number, between?: () => Promise<unknown>, who = reader) => {
    const pages: T[][] = [];
    let cursor: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(who, `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(res.body);
      cursor = res.headers['x-next-cursor'];
      if (cursor) expect(res.headers.link).toContain('rel="next"');
      if (pages.length === 1) await between?.();
    } while (cursor);
    return pages;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await account(t.app, 'admin'); // the first account is the instance admin
    programId = (await t.app.get(ProgramsService).create({ name: 'Pages ECHO' })).id;
    host = await account(t.app, 'host');
    reader = await account(t.app, 'reader');
    await addMember(t.app, programId, host.id, 'facilitator'); // moderates: no flood limit
    await addMember(t.app, programId, reader.id, 'participant');
    const group = await post(host, `/api/programs/${programId}/groups`, { name: 'Paged group' });
    expect(group.status).toBe(201);
    groupId = group.body.id;
  });
  afterAll(() => t.close());

  describe("a group's threads", () => {
    it('walks every thread once, pinned first then latest, while a new thread arrives between pages', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push(await newThread(`Thread ${i}`));
      expect((await api(t.app).patch(`/api/threads/${ids[2]}`).set(bearer(host)).send({ pinned: true })).status).toBe(
        200,
      );
      const whole = (await get(reader, `/api/groups/${groupId}/threads?limit=200`).expect(200)).body as ThreadSummary[];
      expect(whole.map((th) => th.id)).toEqual([ids[2], ...ids.filter((id) => id !== ids[2]).reverse()]);

      let added = '';
      const pages = await walk<ThreadSummary>(`/api/groups/${groupId}/threads`, 3, async () => {
        added = await newThread('Arrived meanwhile');
      });
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      // The newcomer sorts before the first page (newest), so the walk neither repeats nor skips anything.
      expect(pages.flat().map((th) => th.id)).toEqual(whole.map((th) => th.id));
      const fresh = (await get(reader, `/api/groups/${groupId}/threads?limit=2`).expect(200)).body as ThreadSummary[];
      expect(fresh.map((th) => th.id)).toEqual([ids[2], added]);
    });

    it('answers 400 naming the field for a bad limit or cursor', async () => {
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['limit=abc', 'limit'],
        ['limit=201', 'limit'],
        ['cursor=not-one-of-ours', 'cursor'],
        [`cursor=${Buffer.from('[1]').toString('base64url')}`, 'cursor'],
      ]) {
        const res = await get(reader, `/api/groups/${groupId}/threads?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      }
    });
  });

  it("the moderators' audit log: every entry once, newest first, while a moderator acts between pages", async () => {
    const threadId = await newThread('Pinned and unpinned');
    for (const pinned of [true, false, true, false, true]) {
      await api(t.app).patch(`/api/threads/${threadId}`).set(bearer(host)).send({ pinned }).expect(200);
    }
    const path = `/api/programs/${programId}/community/audit`;
    const whole = (await get(host, `${path}?limit=200`).expect(200)).body as AuditEntryDto[];
    expect(whole.length).toBeGreaterThan(5);
    const pages = await walk<AuditEntryDto>(
      path,
      2,
      () => api(t.app).patch(`/api/threads/${threadId}`).set(bearer(host)).send({ pinned: false }).expect(200),
      host,
    );
    expect(pages.flat().map((a) => a.id)).toEqual(whole.map((a) => a.id));
    const bad = await get(host, `${path}?limit=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['limit']);
  });

  it('notifications in pages, newest first, each page with the unread count', async () => {
    const group = (await post(host, `/api/programs/${programId}/groups`, { name: 'Mentions' })).body.id;
    const handle = `@${reader.email.split('@')[0]}`;
    for (let i = 0; i < 5; i++) {
      await post(host, `/api/groups/${group}/threads`, { title: `Mention ${i}`, body: `Hello ${handle}` }).expect(201);
    }
    const whole = (await get(reader, '/api/notifications?limit=200').expect(200)).body as NotificationsResponse;
    expect(whole.items.length).toBeGreaterThanOrEqual(5);
    const pages: NotificationsResponse[] = [];
    let cursor: string | undefined;
    do {
      const res = await get(reader, `/api/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      pages.push(res.body);
      cursor = res.headers['x-next-cursor'];
    } while (cursor);
    expect(pages.flatMap((p) => p.items.map((n) => n.id))).toEqual(whole.items.map((n) => n.id));
    expect(new Set(pages.map((p) => p.unread))).toEqual(new Set([whole.unread]));
    expect((await get(reader, '/api/notifications?cursor=nope')).status).toBe(400);
  });

  it("a reader's bookmarks in pages, latest first, only of posts still there", async () => {
    const group = (await post(host, `/api/programs/${programId}/groups`, { name: 'Bookmarked' })).body.id;
    const threadIds: string[] = [];
    const openings: string[] = [];
    for (let i = 0; i < 5; i++) {
      threadIds.push(
        (await post(host, `/api/groups/${group}/threads`, { title: `Keep ${i}`, body: 'Worth keeping.' })).body.id,
      );
    }
    for (const threadId of threadIds) {
      const opening = (await get(reader, `/api/threads/${threadId}`).expect(200)).body.posts[0].id;
      await api(t.app).put(`/api/posts/${opening}/bookmark`).set(bearer(reader)).expect(200);
      openings.push(opening);
    }
    const path = `/api/programs/${programId}/community/bookmarks`;
    const whole = (await get(reader, `${path}?limit=200`).expect(200)).body as BookmarkDto[];
    expect(new Set(whole.map((b) => b.threadId))).toEqual(new Set(threadIds));
    const pages = await walk<BookmarkDto>(path, 2);
    expect(pages.flat().map((b) => b.postId)).toEqual(whole.map((b) => b.postId));
    await api(t.app).delete(`/api/posts/${openings[0]}`).set(bearer(host)).expect(200);
    const left = (await walk<BookmarkDto>(path, 2)).flat().map((b) => b.postId);
    expect(left).toEqual(whole.map((b) => b.postId).filter((id) => id !== openings[0]));
  });

  it("a group's people in pages by name, an open group's (the program's members) and a private group's", async () => {
    const group = (await post(host, `/api/programs/${programId}/groups`, { name: 'Kept small', private: true })).body
      .id as string;
    for (let i = 0; i < 5; i++) {
      const person = await account(t.app, `member-${i}`);
      await addMember(t.app, programId, person.id, 'participant');
      await post(host, `/api/groups/${group}/members`, { userId: person.id }).expect(201);
    }
    type Member = { user: { id: string; displayName: string } };
    for (const path of [`/api/groups/${groupId}/members`, `/api/groups/${group}/members`]) {
      const whole = (await get(host, `${path}?limit=200`).expect(200)).body as Member[];
      const names = whole.map((m) => m.user.displayName);
      expect(names).toEqual([...names].sort());
      let added: Account | undefined;
      const pages = await walk<Member>(
        path,
        2,
        async () => {
          // A newcomer named to sort last lands on a later page, once.
          added = await account(t.app, 'zz-newcomer');
          await addMember(t.app, programId, added.id, 'participant');
          if (path.includes(group)) await post(host, `/api/groups/${group}/members`, { userId: added.id }).expect(201);
        },
        host,
      );
      expect(pages.flat().map((m) => m.user.id)).toEqual([...whole.map((m) => m.user.id), added?.id]);
      expect(pages.every((p, i) => p.length === 2 || i === pages.length - 1)).toBe(true);
    }
    const bad = await get(host, `/api/groups/${group}/members?cursor=nope`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['cursor']);
  });

  describe('queries per request', () => {
    /** How many SQL statements answering `path` took (TypeORM's logger sees every one). */
    const queriesFor = async (path: string) => {
      const logged = jest.spyOn(t.app.get(DataSource).logger, 'logQuery');
      try {
        await get(reader, path).expect(200);
        return logged.mock.calls.length;
      } finally {
        logged.mockRestore();
      }
    };

    it("a group's thread list, a thread and the notifications take as many queries for 2 rows as for 12", async () => {
      const group = (await post(host, `/api/programs/${programId}/groups`, { name: 'Counted group' })).body.id;
      const small = (await post(host, `/api/groups/${group}/threads`, { title: 'Small', body: 'One.' })).body.id;
      const big = (await post(host, `/api/groups/${group}/threads`, { title: 'Big', body: 'Many.' })).body.id;
      const mention = `@${reader.email.split('@')[0]}`;
      await post(host, `/api/threads/${small}/posts`, { body: `A reply for ${mention}` }).expect(201);
      for (let i = 0; i < 11; i++) {
        await post(host, `/api/threads/${big}/posts`, { body: `Reply ${i} for ${mention}` }).expect(201);
      }
      const other = (await post(host, `/api/programs/${programId}/groups`, { name: 'Counted too' })).body.id;
      for (let i = 0; i < 10; i++) {
        await post(host, `/api/groups/${other}/threads`, { title: `More ${i}`, body: `Hello ${mention}` }).expect(201);
      }

      expect(await queriesFor(`/api/threads/${big}`)).toBe(await queriesFor(`/api/threads/${small}`));
      expect(await queriesFor(`/api/groups/${other}/threads`)).toBe(await queriesFor(`/api/groups/${group}/threads`));
      // Notifications pointing into one group, then into two groups of the program.
      const fewGroups = await queriesFor('/api/notifications');
      const third = (await post(host, `/api/programs/${programId}/groups`, { name: 'Counted three' })).body.id;
      await post(host, `/api/groups/${third}/threads`, { title: 'Third', body: `Hello ${mention}` }).expect(201);
      expect(await queriesFor('/api/notifications')).toBe(fewGroups);
    });
  });
});
