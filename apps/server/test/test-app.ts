import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort } from '../../../scripts/free-port';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { s3Env } from './s3-server';
import { onPostgres, postgresDatabase } from './test-database';

/** TEST_STORAGE=s3 keeps the apps' files in s3rver (global-setup.ts starts it) instead of on local disk. */
export const onS3 = process.env.TEST_STORAGE === 's3';

export interface TestApp {
  app: INestApplication;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Start on this DATA_DIR (e.g. a restart on the same database) instead of a new temporary one. */
  dataDir?: string;
  /** Leave DATA_DIR (and its database) in place on close, so another app can start on it. */
  keepDataDir?: boolean;
}

/**
 * Boots the real app (the same factory as production) on a temporary SQLite file, or PostgreSQL database;
 * its files on local disk, or in s3rver.
 */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'echo-hub-test-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: onPostgres ? await postgresDatabase(dataDir, 'create') : '',
    MEDIASOUP_WORKERS: '1',
    RTC_LISTEN_IP: '127.0.0.1',
    // WebRtcServer listens on both TCP and UDP.
    RTC_PORT: String(await freePort(['tcp', 'udp'])),
    LOG_LEVEL: 'error',
    PORT: '3000',
    ...(onS3 ? s3Env(String(process.env.TEST_S3_ENDPOINT), basename(dataDir)) : {}),
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      if (options.keepDataDir) return;
      rmSync(dataDir, { recursive: true, force: true });
      if (onPostgres) await postgresDatabase(dataDir, 'drop');
    },
  };
}
