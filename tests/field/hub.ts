import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dist = join(__dirname, '..', '..', 'apps', 'server', 'dist');

export interface Hub {
  url: string;
  close(): Promise<void>;
}

/** The built hub's environment: HTTP on port 443 of `ip` (the clinic's only open port), media on `ip` too. */
function hubEnv(ip: string, dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: ip,
    PORT: '443',
    DATA_DIR: dataDir,
    RTC_LISTEN_IP: ip,
    RTC_PORT: '40000',
    MEDIASOUP_WORKERS: '1',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** The demo program (accounts such as facilitator@echo.demo) in a new DATA_DIR. */
export function seedDemo(ip: string, dataDir: string): void {
  const r = spawnSync(process.execPath, [join(dist, 'seed', 'demo-seed.js')], {
    env: hubEnv(ip, dataDir, {}),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`demo seed failed: ${r.stderr || r.stdout}`);
}

/** Starts the built server (apps/server/dist) and resolves once /api/health answers. */
export async function startHub(ip: string, dataDir: string, extra: Record<string, string> = {}): Promise<Hub> {
  const url = `http://${ip}:443`;
  const child: ChildProcess = spawn(process.execPath, [join(dist, 'main.js')], {
    env: hubEnv(ip, dataDir, extra),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the hub exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the hub did not answer /api/health within 60 s');
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
