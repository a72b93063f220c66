/**
 * A PostgreSQL for the REST phase, when there is one: DATABASE_URL_BENCH_PG (an empty database the
 * hub may migrate), else a local server that answers pg_isready (as root: a throwaway role and
 * database, dropped afterwards), else — when the PostgreSQL binaries are installed — a temporary
 * instance of our own (initdb in a temp dir, 127.0.0.1 and a free port, stopped and deleted at the
 * end). BENCH_PG=off skips it.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
// One throwaway-PostgreSQL helper for the bench and the integration tests, kept with the scripts.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { isRoot, pgBinDir, run, startTemporaryPostgres } from '../../../scripts/postgres';
import { onCleanup, trackPid } from './children';

export type PgTarget = { url: string; source: string } | { skipped: string };

async function localServer(): Promise<PgTarget | null> {
  if (spawnSync('pg_isready', ['-q'], { timeout: 5000 }).status !== 0) return null;
  if (!isRoot()) return { skipped: 'a local server answers, but without credentials (set DATABASE_URL_BENCH_PG)' };
  const name = `echo_bench_${process.pid}`;
  const password = randomBytes(12).toString('hex');
  run('psql', ['-q', '-c', `CREATE ROLE ${name} LOGIN PASSWORD '${password}'`], { asPostgres: true });
  run('psql', ['-q', '-c', `CREATE DATABASE ${name} OWNER ${name}`], { asPostgres: true });
  onCleanup(() => {
    run('psql', ['-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { asPostgres: true });
    run('psql', ['-q', '-c', `DROP ROLE IF EXISTS ${name}`], { asPostgres: true });
  });
  return { url: `postgres://${name}:${password}@127.0.0.1:5432/${name}`, source: 'local server (throwaway database)' };
}

async function temporaryInstance(): Promise<PgTarget> {
  const pg = await startTemporaryPostgres({ prefix: 'echo-hub-bench-pg-', user: 'bench', database: 'echo_bench' });
  trackPid(pg.pid); // killed by children.ts should pg_ctl fail to stop it
  onCleanup(pg.stop);
  return { url: pg.url, source: `temporary local instance (${pg.version}, initdb in ${pg.dir}, port ${pg.port})` };
}

export async function postgresForBench(): Promise<PgTarget> {
  if (process.env.DATABASE_URL_BENCH_PG)
    return { url: process.env.DATABASE_URL_BENCH_PG, source: 'DATABASE_URL_BENCH_PG' };
  if (process.env.BENCH_PG === 'off') return { skipped: 'BENCH_PG=off' };
  try {
    const local = await localServer();
    if (local) return local;
    if (!pgBinDir()) return { skipped: 'no server reachable and no PostgreSQL binaries installed' };
    return await temporaryInstance();
  } catch (e) {
    return { skipped: (e as Error).message.split('\n')[0] };
  }
}
