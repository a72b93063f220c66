import type { MigrationInterface } from 'typeorm';
import { AccountsProgramsSessions1764072000000 } from './1764072000000-accounts-programs-sessions';
import { LiveAttendanceChat1764075600000 } from './1764075600000-live-attendance-chat';
import { Impact1764079200000 } from './1764079200000-impact';
import { Cases1764086400000 } from './1764086400000-cases';

/** Every migration, in order; run at start (migrationsRun) and by the TypeORM CLI. */
export const migrations: (new () => MigrationInterface)[] = [
  AccountsProgramsSessions1764072000000,
  LiveAttendanceChat1764075600000,
  Impact1764079200000,
  Cases1764086400000,
];
