import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type HubProcess, startHubProcess } from '../../apps/server/test/hub-process';

/** The built hub's settings here: HTTP on port 443 of `ip` (the clinic's only open port), media on UDP/TCP 40000 of `ip`. */
const fieldEnv = (ip: string, dataDir: string): Record<string, string> => ({
  HOST: ip,
  PORT: '443',
  DATA_DIR: dataDir,
  RTC_LISTEN_IP: ip,
  RTC_PORT: '40000',
});

/** The demo program (accounts such as facilitator@echo.demo) in a new DATA_DIR. */
export function seedDemo(ip: string, dataDir: string): void {
  const seed = join(__dirname, '..', '..', 'apps', 'server', 'dist', 'seed', 'demo-seed.js');
  const r = spawnSync(process.execPath, [seed], {
    env: { ...process.env, ...fieldEnv(ip, dataDir) },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`demo seed failed: ${r.stderr || r.stdout}`);
}

/** The built hub on `ip` (started the one way tests start it: apps/server/test/hub-process.ts). */
export function startHub(ip: string, dataDir: string, extra: Record<string, string> = {}): Promise<HubProcess> {
  return startHubProcess({ ...fieldEnv(ip, dataDir), ...extra });
}
