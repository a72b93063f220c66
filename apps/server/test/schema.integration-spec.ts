import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { entities } from '../src/entities';
import { runMigrations } from '../src/database/migrate';
import { onPostgres, postgresDatabase } from './test-database';

describe('migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'echo-hub-schema-'));
  let db: DataSource;

  beforeAll(async () => {
    const database = onPostgres
      ? { type: 'postgres' as const, url: await postgresDatabase(dir, 'create') }
      : { type: 'sqlite' as const, path: join(dir, 'schema.sqlite') };
    db = await new DataSource(dataSourceOptions(database, entities)).initialize();
    await db.runMigrations();
  });
  afterAll(async () => {
    await db?.destroy(); // undefined when beforeAll failed: let its error show, not a TypeError
    rmSync(dir, { recursive: true, force: true });
    if (onPostgres) await postgresDatabase(dir, 'drop');
  });

  it('leave nothing for a generated migration to add: the entities and the migrations agree', async () => {
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can be reverted to an empty database', async () => {
    const runner = db.createQueryRunner();
    for (let i = 0; i < db.migrations.length; i++) await db.undoLastMigration();
    const tables = (await runner.getTables())
      .map((t) => t.name)
      // PostgreSQL also lists its catalogue, as schema.table (pg_catalog, information_schema).
      .filter((n) => n !== 'migrations' && !n.startsWith('sqlite_') && !n.includes('.'));
    await runner.release();
    expect(tables).toEqual([]);
    await db.runMigrations();
  });
});

// Several instances share PostgreSQL only (SQLite is one process): there, instances starting at once take turns.
// Skipped on SQLite by design (one process, nothing to race); the PostgreSQL pass of npm test runs it.
(onPostgres ? describe : describe.skip)('migrations of instances starting at once (PostgreSQL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'echo-hub-migrate-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await postgresDatabase(dir, 'drop');
  });

  it('both succeed on a fresh database, and each migration runs once', async () => {
    const database = { type: 'postgres' as const, url: await postgresDatabase(dir, 'create') };
    const instances = await Promise.all(
      [1, 2].map(() => new DataSource(dataSourceOptions(database, entities)).initialize()),
    );
    try {
      await Promise.all(instances.map((db) => runMigrations(db)));
      const rows: { name: string }[] = await instances[0].query('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((r) => r.name)).toEqual(instances[0].migrations.map((m) => m.name));
      expect(await instances[1].showMigrations()).toBe(false); // nothing pending
    } finally {
      await Promise.all(instances.map((db) => db.destroy()));
    }
  });
});
