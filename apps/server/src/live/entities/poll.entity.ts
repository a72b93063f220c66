import type { FieldFinding, PollKind, PollStatus } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { EchoSession } from '../../sessions';

/** A poll or knowledge check of a session, prepared (attached to an agenda slot) or asked on the spot. */
@Entity('poll')
@Index(['sessionId', 'createdAt'])
export class Poll extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => EchoSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  @Column({ type: 'varchar', length: 36, nullable: true })
  agendaItemId: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ type: 'varchar', length: 20 })
  kind: PollKind;

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'simple-json', default: '[]' })
  options: string[];

  /** Indices of the correct options; empty for a poll that is not a knowledge check. */
  @Column({ type: 'simple-json', default: '[]' })
  correct: number[];

  @Column({ type: 'boolean', default: true })
  anonymous: boolean;

  @Column({ type: 'varchar', length: 20 })
  status: PollStatus;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @TimestampColumn({ nullable: true })
  openedAt: string | null;

  @TimestampColumn({ nullable: true })
  closedAt: string | null;
}

/** One person's answer to a poll (changed while the poll is open). Anonymous polls never show who answered. */
@Entity('poll_answer')
@Index(['pollId', 'userId'], { unique: true })
export class PollAnswer extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'poll_id' })
  poll?: Poll;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'simple-json', default: '[]' })
  choices: number[];

  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** Knowledge checks: whether exactly the correct options were chosen. */
  @Column({ type: 'boolean', nullable: true })
  correct: boolean | null;

  /** Possible identifiers in the text the person confirmed as not identifying. */
  @Column({ type: 'simple-json', default: '[]' })
  confirmedFindings: FieldFinding[];
}
