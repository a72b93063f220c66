import type { MigrationInterface } from 'typeorm';
import { AccountsProgramsSessions1764072000000 } from './1764072000000-accounts-programs-sessions';
import { LiveAttendanceChat1764075600000 } from './1764075600000-live-attendance-chat';
import { Impact1764079200000 } from './1764079200000-impact';
import { Community1764082800000 } from './1764082800000-community';
import { Cases1764086400000 } from './1764086400000-cases';
import { Recordings1764090000000 } from './1764090000000-recordings';
import { CaseAttachments1764093600000 } from './1764093600000-case-attachments';
import { ChatConfirmations1764097200000 } from './1764097200000-chat-confirmations';
import { PracticeSessions1764100800000 } from './1764100800000-practice-sessions';
import { PostgresSearch1764104400000 } from './1764104400000-postgres-search';
import { LiveCrashRecovery1764106200000 } from './1764106200000-live-crash-recovery';
import { Polls1764108000000 } from './1764108000000-polls';
import { AdminOperations1764118800000 } from './1764118800000-admin-operations';
import { ThreadCase1764129000000 } from './1764129000000-thread-case';
import { Programme1764133000000 } from './1764133000000-programme';
import { AttendanceCorrections1764134000000 } from './1764134000000-attendance-corrections';
import { Registration1764134000001 } from './1764134000001-registration';
import { MemberEmailVisibility1764136000000 } from './1764136000000-member-email-visibility';
import { Coproduction1764140000000 } from './1764140000000-coproduction';
import { CommunityPages1764141000000 } from './1764141000000-community-pages';

/** Every migration, in order; run at start (runMigrations, under a lock on PostgreSQL) and by the TypeORM CLI. */
export const migrations: (new () => MigrationInterface)[] = [
  AccountsProgramsSessions1764072000000,
  LiveAttendanceChat1764075600000,
  Impact1764079200000,
  Community1764082800000,
  Cases1764086400000,
  Recordings1764090000000,
  CaseAttachments1764093600000,
  ChatConfirmations1764097200000,
  PracticeSessions1764100800000,
  PostgresSearch1764104400000,
  LiveCrashRecovery1764106200000,
  Polls1764108000000,
  AdminOperations1764118800000,
  ThreadCase1764129000000,
  Programme1764133000000,
  AttendanceCorrections1764134000000,
  Registration1764134000001,
  MemberEmailVisibility1764136000000,
  Coproduction1764140000000,
  CommunityPages1764141000000,
];
