import type { CaseStatus } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';
import { EchoSession } from '../../sessions';

/** A de-identified case presentation: every text field passed the gate (or its spans were confirmed). */
@Entity('echo_case')
@Index(['sessionId', 'position'])
export class EchoCase extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @ManyToOne(() => EchoSession, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  @Column({ type: 'varchar', length: 36 })
  presenterId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'presenter_id' })
  presenter?: User;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  presentingQuestion: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  ageBand: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  sex: string;

  @Column({ type: 'text', default: '' })
  history: string;

  @Column({ type: 'text', default: '' })
  medications: string;

  @Column({ type: 'text', default: '' })
  investigations: string;

  @Column({ type: 'text', default: '' })
  tried: string;

  @Column({ type: 'text', default: '' })
  socialContext: string;

  @Column({ type: 'text', default: '' })
  specificQuestions: string;

  @Column({ type: 'varchar', length: 30 })
  status: CaseStatus;

  /** Place in the session's queue (1-based); null when not queued (draft, withdrawn). */
  @Column({ type: 'integer', nullable: true })
  position: number | null;

  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  followUpOfId: string | null;

  @TimestampColumn({ nullable: true })
  submittedAt: string | null;
}
