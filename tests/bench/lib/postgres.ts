/**
 * A PostgreSQL for the REST phase, when there is one: DATABASE_URL_BENCH_PG (an empty database the
 * hub may migrate), else a local server that answers pg_isready (as root: a throwaway role and
 * database, dropped afterwards), else — when the PostgreSQL binaries are installed — a temporary
 * instance of our own (initdb in a temp dir, 127.0.0.1 and a free port, stopped and deleted at the
 * end). BENCH_PG=off skips it.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup, trackPid } from './children';

export type PgTarget = { url: string; source: string } | { skipped: string };

const isRoot = () => process.getuid?.() === 0;

function run(cmd: string, args: string[], opts: SpawnSyncOptions & { asPostgres?: boolean } = {}) {
  const [bin, argv] = opts.asPostgres && isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(bin, argv, { encoding: 'utf8', timeout: 60_000, ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed: ${String(r.stderr || r.error?.message || r.status).trim()}`);
  }
  return String(r.stdout);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function pgBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

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

async function temporaryInstance(bin: string): Promise<PgTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'echo-hub-bench-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) {
    const uid = Number(run('id', ['-u', 'postgres']).trim());
    const gid = Number(run('id', ['-g', 'postgres']).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const pgCtl = (args: string[]) => run(join(bin, 'pg_ctl'), ['-D', data, ...args], { asPostgres: true });
  let started = false;
  onCleanup(() => {
    if (started) {
      try {
        pgCtl(['-m', 'fast', '-w', '-t', '20', 'stop']);
      } catch {
        // pg_ctl could not stop it: the postmaster pid is tracked and killed by children.ts.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });
  run(join(bin, 'initdb'), ['-D', data, '-U', 'bench', '-A', 'trust', '-E', 'UTF8', '--no-sync'], {
    asPostgres: true,
  });
  pgCtl([
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    '-l',
    join(dir, 'postgres.log'),
    '-w',
    '-t',
    '30',
    'start',
  ]);
  started = true;
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  if (pid) trackPid(pid);
  run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'bench', 'echo_bench'], {
    asPostgres: true,
  });
  const version = run(join(bin, 'postgres'), ['--version']).trim();
  return {
    url: `postgres://bench@127.0.0.1:${port}/echo_bench`,
    source: `temporary local instance (${version}, initdb in ${dir}, port ${port})`,
  };
}

export async function postgresForBench(): Promise<PgTarget> {
  if (process.env.DATABASE_URL_BENCH_PG)
    return { url: process.env.DATABASE_URL_BENCH_PG, source: 'DATABASE_URL_BENCH_PG' };
  if (process.env.BENCH_PG === 'off') return { skipped: 'BENCH_PG=off' };
  try {
    const local = await localServer();
    if (local) return local;
    const bin = pgBinDir();
    if (!bin) return { skipped: 'no server reachable and no PostgreSQL binaries installed' };
    return await temporaryInstance(bin);
  } catch (e) {
    return { skipped: (e as Error).message.split('\n')[0] };
  }
}
