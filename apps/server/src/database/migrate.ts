import type { DataSource } from 'typeorm';

/** The PostgreSQL advisory lock key the instances of one hub take turns on to migrate (any fixed 64-bit number). */
export const MIGRATION_LOCK_KEY = 7_361_540_421;

/**
 * Runs the pending migrations. On PostgreSQL they run under a session advisory lock, so instances
 * starting at once take turns: the first migrates, the others then find nothing left to run.
 */
export async function runMigrations(db: DataSource): Promise<void> {
  if (db.options.type !== 'postgres') {
    await db.runMigrations();
    return;
  }
  const lock = db.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await db.runMigrations();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
