import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { closeOnSignals, createApp } from './app.factory';
import { type AppConfig, ConfigError, loadConfig } from './config/config';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
  // A bug in one live room must not end everyone's session: log it and carry on.
  process.on('unhandledRejection', (e) =>
    new Logger('Unhandled').error(e instanceof Error ? (e.stack ?? e.message) : String(e)),
  );
  const app = await createApp(config);
  closeOnSignals(app);
  await app.listen(config.port, config.host);
  new Logger('EchoHub').log(`ECHO Hub is running on http://localhost:${config.port} (API docs: /api/docs)`);
}

void main();
