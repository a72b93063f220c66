import type { RegistrationQuestion } from '@echo-hub/protocol';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

/** A program's public registration form, as its coordinator configured it (one per program). */
@Entity('registration_form')
export class RegistrationForm extends BaseEntity {
  @Column({ type: 'varchar', length: 36, unique: true })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  /** The series registered for, when the form is for one series only. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  seriesId: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  intro: string;

  @Column({ type: 'simple-json' })
  questions: RegistrationQuestion[];

  @Column({ type: 'boolean', default: true })
  askAccessibility: boolean;

  /** Sessions attended as learning experiences to complete the series (the funnel's third stage). */
  @Column({ type: 'integer', default: 6 })
  completionSessions: number;

  @Column({ type: 'boolean', default: true })
  open: boolean;

  /** The coordinator who set it up: the invitations go out in their name. */
  @Column({ type: 'varchar', length: 36 })
  createdById: string;
}
