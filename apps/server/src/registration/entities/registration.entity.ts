import type { ParticipationType } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

/**
 * One person's registration through a program's public form (no account needed). They get an invitation; the
 * funnel follows them by e-mail to their account, attendance and certificates.
 */
@Entity('registration')
@Index(['programId', 'email'])
export class Registration extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Lower case. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  siteId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  profession: string | null;

  @Column({ type: 'varchar', length: 20 })
  participationType: ParticipationType;

  @Column({ type: 'simple-json' })
  answers: { questionId: string; answer: string }[];

  @Column({ type: 'boolean', default: false })
  consentToContact: boolean;

  @Column({ type: 'text', default: '' })
  accessibilityNeeds: string;

  /** The last session they were reminded of (reminders go to those who consented, once per session). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  remindedSessionId: string | null;

  @TimestampColumn({ nullable: true })
  remindedAt: string | null;
}
