import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';
import { EchoCase } from '../../cases';
import { EchoSession } from '../../sessions';
import { CommunityGroup } from './community-group.entity';

/** A discussion thread; its text is its opening post (number 1). */
@Entity('community_thread')
@Index(['groupId', 'lastPostAt'])
@Index(['groupId', 'pinned', 'lastPostAt', 'id'])
export class Thread extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  groupId: string;

  @ManyToOne(() => CommunityGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: CommunityGroup;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  /** No foreign key: accounts are never deleted, and a post must never vanish with one. */
  @ManyToOne(() => User, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** "Continue the discussion" of a session of the same program. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @ManyToOne(() => EchoSession, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  /** The case this discussion follows up, in the same program. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  @ManyToOne(() => EchoCase, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'case_id' })
  echoCase?: EchoCase;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  /** The opening post was hidden by a moderator: the thread is unlisted. */
  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  /** Posts ever written (numbers them); never goes down. */
  @Column({ type: 'integer', default: 0 })
  postCount: number;

  /** Visible replies. */
  @Column({ type: 'integer', default: 0 })
  replyCount: number;

  @TimestampColumn()
  lastPostAt: string;
}
