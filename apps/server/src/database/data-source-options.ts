import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type Entities = NonNullable<DataSourceOptions['entities']>;

/**
 * One definition for the app, the tests and the TypeORM CLI: migrations (runMigrations at start), never synchronize.
 * The entities are the features' (listed once in src/entities.ts): the kernel imports no feature.
 */
export function dataSourceOptions(database: AppConfig['database'], entities: Entities): DataSourceOptions {
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
