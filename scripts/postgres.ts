/**
 * A throwaway PostgreSQL for the bench and the integration tests: initdb in a temp dir, 127.0.0.1 and a
 * free port, trust auth; stop() stops it and deletes the directory. As root, the PostgreSQL binaries run
 * as the `postgres` user. `tsx scripts/postgres.ts` prints why there is none (exit 1), or nothing (exit 0).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface TemporaryPostgres {
  /** postgres://<user>@127.0.0.1:<port>/<database>; the user is a superuser. */
  url: string;
  dir: string;
  port: number;
  /** The postmaster's pid, e.g. to kill it should stop() fail. */
  pid: number;
  version: string;
  /** Stops the server and deletes its directory. Synchronous, so it can run in an exit handler; safe to repeat. */
  stop(): void;
}

export const isRoot = () => process.getuid?.() === 0;

export function run(cmd: string, args: string[], opts: SpawnSyncOptions & { asPostgres?: boolean } = {}): string {
  const [bin, argv] = opts.asPostgres && isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(bin, argv, { encoding: 'utf8', timeout: 60_000, ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed: ${String(r.stderr || r.error?.message || r.status).trim()}`);
  }
  return String(r.stdout);
}

/** The bin directory of the newest PostgreSQL installed under /usr/lib/postgresql (Debian's layout), if any. */
export function pgBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

/** Why startTemporaryPostgres cannot work here, or null when it can. */
export function temporaryPostgresUnavailable(): string | null {
  if (!pgBinDir()) return 'no PostgreSQL binaries in /usr/lib/postgresql/*/bin';
  if (isRoot() && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root and there is no postgres user';
  return null;
}

export interface TemporaryPostgresOptions {
  /** Of the temp dir's name, e.g. `echo-hub-bench-pg-`. */
  prefix: string;
  /** The superuser initdb creates. */
  user: string;
  /** A database created for the caller. */
  database: string;
  /** Extra server settings, e.g. `-c fsync=off` where durability does not matter. */
  serverOptions?: string;
}

export async function startTemporaryPostgres({
  prefix,
  user,
  database,
  serverOptions = '',
}: TemporaryPostgresOptions): Promise<TemporaryPostgres> {
  const bin = pgBinDir();
  if (!bin) throw new Error(temporaryPostgresUnavailable()!);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const data = join(dir, 'data');
  const port = await freePort();
  const pgCtl = (args: string[]) => run(join(bin, 'pg_ctl'), ['-D', data, ...args], { asPostgres: true });
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        pgCtl(['-m', 'fast', '-w', '-t', '20', 'stop']);
      } catch {
        // pg_ctl could not stop it: the caller may still kill `pid`.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (isRoot()) {
      const uid = Number(run('id', ['-u', 'postgres']).trim());
      const gid = Number(run('id', ['-g', 'postgres']).trim());
      chownSync(dir, uid, gid);
    }
    run(join(bin, 'initdb'), ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-sync'], { asPostgres: true });
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${serverOptions}`;
    pgCtl(['-o', options, '-l', join(dir, 'postgres.log'), '-w', '-t', '30', 'start']);
    started = true;
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], { asPostgres: true });
    const version = run(join(bin, 'postgres'), ['--version']).trim();
    return { url: `postgres://${user}@127.0.0.1:${port}/${database}`, dir, port, pid, version, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

if (require.main === module) {
  const reason = temporaryPostgresUnavailable();
  if (reason) console.log(reason);
  process.exit(reason ? 1 : 0);
}
