import { DataSource } from 'typeorm';
import { User } from '../src/auth/entities/user.entity';
import { DomainError } from '../src/common/domain-error';
import { keyset, type PageQueryDto, sendPage, type SortKey, toPage } from '../src/common/page';
import { startTestApp, type TestApp } from './test-app';

describe('cursor pagination (common/page.ts) on the real database', () => {
  let t: TestApp;
  let db: DataSource;
  const keys: SortKey<User>[] = [
    { expr: 'u.isAdmin', dir: 'DESC', of: (u) => u.isAdmin },
    { expr: 'u.createdAt', dir: 'DESC', of: (u) => u.createdAt },
    { expr: 'u.id', dir: 'ASC', of: (u) => u.id },
  ];
  const query = (page: PageQueryDto) =>
    keyset(db.getRepository(User).createQueryBuilder('u').where('u.email LIKE :e', { e: 'page-%' }), keys, page);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    // ties on purpose: three share a time, admins sort first whatever their time
    const times = ['2026-01-01T10:00:00.000Z', '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z'];
    for (let i = 0; i < 11; i++) {
      await db.getRepository(User).save(
        db.getRepository(User).create({
          email: `page-${i}@example.org`,
          displayName: `Page ${i}`,
          calendarToken: `page-token-${i}`,
          passwordHash: 'x',
          isAdmin: i % 4 === 0,
          createdAt: times[i % 3],
        } as Partial<User>),
      );
    }
  });
  afterAll(() => t.close());

  it('walks every row once, in order, across pages whose keys tie', async () => {
    const all = await query({ limit: 200 }).getMany();
    expect(all).toHaveLength(11);
    expect(all.slice(0, 3).every((u) => u.isAdmin)).toBe(true);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = toPage(await query({ limit: 4, cursor }).getMany(), keys, { limit: 4 });
      seen.push(...page.items.map((u) => u.id));
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.map((u) => u.id));
  });

  it('gives no next cursor when the last page is exactly full', async () => {
    const first = toPage(await query({ limit: 10 }).getMany(), keys, { limit: 10 });
    const second = toPage(await query({ limit: 10, cursor: first.next }).getMany(), keys, { limit: 10 });
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeUndefined();
    const whole = toPage(await query({ limit: 11 }).getMany(), keys, { limit: 11 });
    expect(whole.next).toBeUndefined();
  });

  it('refuses a cursor it did not give out, naming the field', () => {
    for (const cursor of [
      'not base64 json',
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('[{},1,2]').toString('base64url'),
    ]) {
      let error: unknown;
      try {
        query({ cursor });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toEqual({ fields: [{ field: 'cursor', messages: [expect.any(String)] }] });
    }
  });

  it('puts the next page in Link and X-Next-Cursor, keeping the other query parameters', () => {
    const headers: Record<string, string> = {};
    const res = { setHeader: (k: string, v: string) => (headers[k] = v) };
    const req = { originalUrl: '/api/groups/g1/threads?limit=2&cursor=old' };
    const items = sendPage(req as never, res as never, { items: [1, 2], next: 'abc' });
    expect(items).toEqual([1, 2]);
    expect(headers).toEqual({
      Link: '</api/groups/g1/threads?limit=2&cursor=abc>; rel="next"',
      'X-Next-Cursor': 'abc',
    });
    const last: Record<string, string> = {};
    sendPage(req as never, { setHeader: (k: string, v: string) => (last[k] = v) } as never, { items: [3] });
    expect(last).toEqual({});
  });
});
