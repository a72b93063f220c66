import type { INestApplication } from '@nestjs/common';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { onPostgres, postgresDatabase } from './test-database';

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
 * A WebRtcServer port free on 127.0.0.1 for both TCP and UDP, below Linux's ephemeral range (32768+)
 * so no client socket of a test running beside it can take it between the check and the listen.
 */
async function freeRtcPort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if ((await canBind(port, 'tcp')) && (await canBind(port, 'udp'))) return port;
  }
}

function canBind(port: number, protocol: 'tcp' | 'udp'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = protocol === 'tcp' ? createServer() : createSocket('udp4');
    socket.once('error', () => resolve(false));
    const done = () => socket.close(() => resolve(true));
    if (protocol === 'tcp') (socket as Server).listen(port, '127.0.0.1', done);
    else (socket as Socket).bind(port, '127.0.0.1', done);
  });
}

/** Boots the real app (the same factory as production) on a temporary SQLite file, or PostgreSQL database. */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'echo-hub-test-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: onPostgres ? await postgresDatabase(dataDir, 'create') : '',
    MEDIASOUP_WORKERS: '1',
    RTC_LISTEN_IP: '127.0.0.1',
    RTC_PORT: String(await freeRtcPort()),
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
      if (options.keepDataDir) return;
      rmSync(dataDir, { recursive: true, force: true });
      if (onPostgres) await postgresDatabase(dataDir, 'drop');
    },
  };
}
