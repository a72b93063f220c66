import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One definition for the app, the tests and the TypeORM CLI: migrations (runMigrations at start), never synchronize. */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    migrationsRun: false,
    synchronize: false,
    logging: ['error' as const],
  };
  if (database.type === 'postgres') return { type: 'postgres', url: database.url, ...common };
  mkdirSync(dirname(database.path), { recursive: true });
  return { type: 'sqlite', database: database.path, enableWAL: true, ...common };
}
