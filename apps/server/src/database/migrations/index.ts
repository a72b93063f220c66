import type { MigrationInterface } from 'typeorm';
import { AccountsProgramsSessions1764072000000 } from './1764072000000-accounts-programs-sessions';

/** Every migration, in order; run at start (migrationsRun) and by the TypeORM CLI. */
export const migrations: (new () => MigrationInterface)[] = [AccountsProgramsSessions1764072000000];
