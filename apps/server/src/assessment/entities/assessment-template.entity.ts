import type { AssessmentDimension } from '@echo-hub/protocol';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

/** A program's own self-assessment template (the built-in SCIROCCO/B3 one lives in code). */
@Entity('assessment_template')
export class AssessmentTemplate extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'simple-json' })
  dimensions: AssessmentDimension[];
}
