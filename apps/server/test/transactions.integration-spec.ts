import { DataSource } from 'typeorm';
import { User } from '../src/auth/entities/user.entity';
import { Program } from '../src/programs/entities/program.entity';
import { account, api, bearer, type Account } from './fixtures';
import { startTestApp, type TestApp } from './test-app';
import { onPostgres } from './test-database';

/**
 * SQLite is one connection shared by every request (see sqlite-gate.ts). Transactions from concurrent
 * requests must not interleave on it: none may fail because another is open, and one's rollback must not
 * undo another's work. PostgreSQL, with a pool of connections, must keep the same promises.
 */
describe('concurrent transactions', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Account;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await account(t.app, 'admin');
  });
  afterAll(() => t.close());

  const newProgram = (name: string) =>
    db.getRepository(Program).create({ name, timeZone: 'Europe/London', calendarToken: `token-${name}` });
  const names = async () => (await db.getRepository(Program).find()).map((p) => p.name).sort();

  it('eight people registering at the same moment all get their accounts', async () => {
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api(t.app)
          .post('/api/auth/register')
          .send({ email: `burst-${i}@example.org`, password: 'correct horse battery', displayName: `Burst ${i}` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(202));
    const emails = (await db.getRepository(User).find()).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(Array.from({ length: 8 }, (_, i) => `burst-${i}@example.org`)));
  });

  it('twelve sessions scheduled at once in one program are all stored', async () => {
    const program = await api(t.app)
      .post('/api/programs')
      .set(bearer(admin))
      .send({ name: 'Concurrency ECHO', topic: 'Test' })
      .expect(201);
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api(t.app)
          .post(`/api/programs/${program.body.id}/sessions`)
          .set(bearer(admin))
          .send({
            title: `Session ${i}`,
            startsAt: `2026-03-${String(i + 2).padStart(2, '0')}T12:30:00+00:00`,
            durationMinutes: 60,
            agenda: [{ kind: 'case', minutes: 30 }],
          }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(201));
    const listed = await api(t.app)
      .get(`/api/programs/${program.body.id}/sessions?from=2026-01-01T00:00:00Z`)
      .set(bearer(admin))
      .expect(200);
    expect(listed.body).toHaveLength(12);
  });

  it('a transaction that fails rolls back only its own writes, not those of work running beside it', async () => {
    let release!: () => void;
    const midway = new Promise<void>((resolve) => (release = resolve));
    const failing = db.transaction(async (tx) => {
      await tx.save(newProgram('rolled back'));
      await midway;
      throw new Error('fails after others started');
    });
    const beside = Promise.all([
      db.transaction((tx) => tx.save(newProgram('committed in a transaction'))),
      db.getRepository(Program).save(newProgram('saved with an implicit transaction')),
      db.getRepository(Program).insert(newProgram('inserted outside any transaction')),
    ]);
    setTimeout(release, 50);
    await expect(failing).rejects.toThrow('fails after others started');
    await beside;
    const stored = await names();
    expect(stored).not.toContain('rolled back');
    expect(stored).toEqual(
      expect.arrayContaining([
        'committed in a transaction',
        'saved with an implicit transaction',
        'inserted outside any transaction',
      ]),
    );
  });

  it('a nested transaction is a savepoint: its rollback undoes only its own work', async () => {
    await db.transaction(async (tx) => {
      await tx.save(newProgram('outer'));
      const inner = tx.transaction(async (nested) => {
        await nested.save(newProgram('inner, rolled back'));
        throw new Error('inner fails');
      });
      await expect(inner).rejects.toThrow('inner fails');
      await tx.transaction((nested) => nested.save(newProgram('inner, kept')));
    });
    const stored = await names();
    expect(stored).toEqual(expect.arrayContaining(['outer', 'inner, kept']));
    expect(stored).not.toContain('inner, rolled back');
  });

  it('work inside a transaction through plain repositories does not wait for it (on SQLite it joins it)', async () => {
    const attempt = db.transaction(async () => {
      await db.getRepository(Program).save(newProgram('inner save'));
      await db.getRepository(Program).count();
      throw new Error('undo');
    });
    await expect(attempt).rejects.toThrow('undo');
    // SQLite's one connection ran the inner save inside the transaction, so it rolled back with it; PostgreSQL's
    // pool gave the plain repository a connection of its own, where the save committed by itself.
    expect((await names()).includes('inner save')).toBe(onPostgres);
    // And the connection is free again afterwards.
    await db.transaction((tx) => tx.save(newProgram('after')));
    expect(await names()).toContain('after');
  });
});
