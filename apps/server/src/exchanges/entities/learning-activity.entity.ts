import type { FieldFinding, LearningActivityKind } from '@echo-hub/protocol';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

/** A learning activity outside the sessions: an exchange, job-shadowing, study visit, mission, secondment or a
 * mentoring meeting. Each participant has a learning experience of it. */
@Entity('learning_activity')
export class LearningActivity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 30 })
  kind: LearningActivityKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  place: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  startsOn: string;

  @Column({ type: 'varchar', length: 10 })
  endsOn: string;

  /** Hours per participant. */
  @Column({ type: 'real' })
  hours: number;

  @Column({ type: 'simple-json' })
  participantIds: string[];

  @Column({ type: 'varchar', length: 36, nullable: true })
  pairId: string | null;

  @Column({ type: 'text', default: '' })
  reflection: string;

  /** Possible identifiers in the reflection the author confirmed as not identifying. */
  @Column({ type: 'simple-json', default: '[]' })
  confirmedFindings: FieldFinding[];

  @Column({ type: 'varchar', length: 36 })
  loggedBy: string;
}
