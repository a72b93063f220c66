import type { ProgramRole } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { EchoSession } from '../../sessions';

/**
 * One connection of one person to a live session: written on join, closed on leave.
 * A reconnect makes a new row; impact figures merge overlapping rows per person.
 */
@Entity('attendance')
@Index(['sessionId', 'userId'])
export class Attendance extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => EchoSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** Role and site at the time of attending (they may change later). */
  @Column({ type: 'varchar', length: 20 })
  role: ProgramRole | 'admin';

  @Column({ type: 'varchar', length: 36, nullable: true })
  siteId: string | null;

  @TimestampColumn()
  joinedAt: string;

  @TimestampColumn({ nullable: true })
  leftAt: string | null;

  /** While open: when its connection was last known alive (a heartbeat); a crash leaves it closed at this time. */
  @TimestampColumn({ nullable: true })
  lastSeenAt: string | null;
}
