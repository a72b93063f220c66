import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';

describe('migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'echo-hub-schema-'));
  const db = new DataSource(dataSourceOptions({ type: 'sqlite', path: join(dir, 'schema.sqlite') }));

  beforeAll(() => db.initialize().then(() => db.runMigrations()));
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
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
      .filter((n) => n !== 'migrations' && !n.startsWith('sqlite_'));
    await runner.release();
    expect(tables).toEqual([]);
    await db.runMigrations();
  });
});
