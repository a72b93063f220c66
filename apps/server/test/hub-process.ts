import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../scripts/free-port';

const main = join(__dirname, '..', 'dist', 'main.js');

export interface HubProcess {
  url: string;
  rtcPort: number;
  child: ChildProcess;
  /** kill -9: no shutdown hook runs, the lease is not released, sockets just drop. Resolves once it is gone. */
  kill(): Promise<void>;
}

/** Why startHubProcess cannot work here (no build), or null. */
export const hubProcessUnavailable = () =>
  existsSync(main) ? null : 'apps/server/dist/main.js is missing (node scripts/setup.mjs builds it)';

/**
 * The built hub (apps/server/dist/main.js) as a process of its own, as a server runs it, on free ports (or on
 * `env.PORT`, e.g. the same address again after a crash).
 */
export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const rtcPort = await freePort(['tcp', 'udp']);
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      RTC_LISTEN_IP: '127.0.0.1',
      RTC_PORT: String(rtcPort),
      MEDIASOUP_WORKERS: '1',
      LOG_LEVEL: 'log',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start:\n${out}`)), 60_000);
    const check = () => {
      if (!out.includes('ECHO Hub is running')) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited (${code}):\n${out}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    rtcPort,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
