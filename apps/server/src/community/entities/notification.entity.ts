import type { NotificationKind } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { EchoCase } from '../../cases';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';
import { Thread } from './thread.entity';

/** One entry of a person's notifications centre (mentions, replies, join requests, recommendations sent). */
@Entity('notification')
@Index(['userId', 'createdAt'])
export class Notification extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 20 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 36, nullable: true })
  groupId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  threadId: string | null;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Thread;

  @Column({ type: 'varchar', length: 36, nullable: true })
  postId: string | null;

  /** The case a `recommendations` notification is about. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  @ManyToOne(() => EchoCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: EchoCase;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  excerpt: string;

  @TimestampColumn({ nullable: true })
  readAt: string | null;

  /** Sent in an email digest (only when SMTP is configured). */
  @TimestampColumn({ nullable: true })
  emailedAt: string | null;
}
