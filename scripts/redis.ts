/**
 * A throwaway redis-server for the scale-out tests (and benches): 127.0.0.1, a free port, nothing
 * persisted; stop() kills it. `tsx scripts/redis.ts` prints why there is none (exit 1), or nothing (exit 0).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface TemporaryRedis {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  pid: number;
  /** Kills the server and deletes its directory. Synchronous, so it can run in an exit handler; safe to repeat. */
  stop(): void;
}

/** Why startTemporaryRedis cannot work here, or null when it can. */
export function temporaryRedisUnavailable(): string | null {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? null : 'no redis-server on PATH (Debian: apt-get install redis-server)';
}

/** On a free port, or on `port` (e.g. the same server again after a test stopped it). */
export async function startTemporaryRedis(port?: number): Promise<TemporaryRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'echo-hub-redis-'));
  port ??= await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${output}`));
      });
    });
  } catch (e) {
    stop();
    throw e;
  }
  child.stdout.resume();
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid!, stop };
}

if (require.main === module) {
  const reason = temporaryRedisUnavailable();
  if (reason) console.log(reason);
  process.exit(reason ? 1 : 0);
}
