import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../database/columns';

/** An ECHO series, e.g. "Social Prescribing ECHO". */
@Entity('program')
export class Program extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  topic: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  targetAudience: string;

  @Column({ type: 'integer', nullable: true })
  learningTarget: number | null;

  /** YYYY-MM-DD the learning target should be met by (the impact forecast looks ahead to it). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  learningTargetDate: string | null;

  /** Share of a session's scheduled duration a person must attend to count a learning experience. */
  // As SQL, the way both databases report it back: a number here would be compared as '0.5' on
  // PostgreSQL (which reports 0.5), so its schema check would ask for a migration that changes nothing.
  @Column({ type: 'real', default: () => '0.5' })
  minAttendanceShare: number;

  /** Certificate rule: share of a session's scheduled duration attended for it to count on a certificate. */
  @Column({ type: 'real', default: () => '0.8' })
  certificateShare: number;

  /** Certificate rule: sessions so attended needed in a period (month or year) for its certificate. */
  @Column({ type: 'integer', default: 1 })
  certificateMinSessions: number;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Whether members who do not manage the program see each other's e-mail addresses. */
  @Column({ type: 'boolean', default: false })
  memberEmailsVisible: boolean;

  /** Secret in the program calendar feed URL. */
  @Column({ type: 'varchar', length: 64 })
  calendarToken: string;
}
