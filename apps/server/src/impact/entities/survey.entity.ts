import type { SurveyAudience, SurveyQuestion } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';
import { EchoSession } from '../../sessions';

/** A post-session survey (sessionId set, one per session) or a program-level survey a coordinator wrote. */
@Entity('survey')
export class Survey extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @ManyToOne(() => EchoSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  intro: string;

  @Column({ type: 'simple-json' })
  questions: SurveyQuestion[];

  @Column({ type: 'varchar', length: 20 })
  audience: SurveyAudience;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  /** After this the survey is no longer pending for anyone (null: open). */
  @TimestampColumn({ nullable: true })
  closesAt: string | null;
}
