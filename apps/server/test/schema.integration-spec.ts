import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { onPostgres, postgresDatabase } from './test-database';

describe('migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'echo-hub-schema-'));
  let db: DataSource;

  beforeAll(async () => {
    const database = onPostgres
      ? { type: 'postgres' as const, url: await postgresDatabase(dir, 'create') }
      : { type: 'sqlite' as const, path: join(dir, 'schema.sqlite') };
    db = await new DataSource(dataSourceOptions(database)).initialize();
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
