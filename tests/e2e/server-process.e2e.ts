import { expect, test } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const main = join(__dirname, '..', '..', 'apps', 'server', 'dist', 'main.js');

test('bad configuration stops the start with one line naming the variable', () => {
  const r = spawnSync(process.execPath, [main], { env: { ...process.env, PORT: 'abc' }, encoding: 'utf8' });
  expect(r.status).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('PORT');
  expect(lines[0]).toContain('"abc"');
});

test('SIGTERM closes the workers and the database and exits 0', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'echo-hub-sigterm-'));
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: '3199',
      RTC_PORT: '41000',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MEDIASOUP_WORKERS: '2',
      LOG_LEVEL: 'log',
    },
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  await expect.poll(() => out, { timeout: 30_000 }).toContain('ECHO Hub is running');
  const pids = [...out.matchAll(/pids ([\d, ]+)/g)].flatMap((m) => m[1].split(', ').map(Number));
  expect(pids).toHaveLength(2);

  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(out).toContain('mediasoup workers closed');
  expect(out).toContain('closed cleanly');
  expect(out).toContain('(0 still running)');
  await expect.poll(() => pids.filter((pid) => existsSync(`/proc/${pid}`)), { timeout: 5000 }).toEqual([]);
});
