import type { MigrationInterface } from 'typeorm';

/** Every migration, in order; run at start (migrationsRun) and by the TypeORM CLI. */
export const migrations: (new () => MigrationInterface)[] = [];
