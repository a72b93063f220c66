import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';

export interface TestApp {
  app: INestApplication;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Start on this DATA_DIR (e.g. a restart on the same SQLite file) instead of a new temporary one. */
  dataDir?: string;
  /** Leave DATA_DIR in place on close, so another app can start on it. */
  keepDataDir?: boolean;
}

/** Boots the real app (the same factory as production) on a temporary SQLite file. */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'echo-hub-test-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    MEDIASOUP_WORKERS: '1',
    RTC_LISTEN_IP: '127.0.0.1',
    // A port block of its own, so test files running side by side do not collide.
    RTC_PORT: String(30000 + Math.floor(Math.random() * 900) * 10),
    LOG_LEVEL: 'error',
    PORT: '3000',
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
