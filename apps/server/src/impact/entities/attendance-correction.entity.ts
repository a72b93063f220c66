import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { EchoSession } from '../../sessions';

/**
 * A coordinator's correction of one person's minutes at one session, with its reason. The attendance rows
 * stay as the connections wrote them; the latest correction of a person at a session gives their minutes.
 * Never updated or deleted: the corrections are their own history (before, after, who, when).
 */
@Entity('attendance_correction')
@Index(['sessionId', 'userId', 'createdAt'])
export class AttendanceCorrection extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => EchoSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'integer' })
  minutesBefore: number;

  @Column({ type: 'integer' })
  minutesAfter: number;

  @Column({ type: 'text' })
  reason: string;

  /** The coordinator; null once their account is erased. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  correctedBy: string | null;
}
