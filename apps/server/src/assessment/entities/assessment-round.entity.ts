import type { AssessmentDimension } from '@echo-hub/protocol';
import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

/** A round of the self-assessment a program opens: the template's dimensions as they were when it opened. */
@Entity('assessment_round')
export class AssessmentRound extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  templateName: string;

  @Column({ type: 'simple-json' })
  dimensions: AssessmentDimension[];

  /** A re-assessment: the round it is compared with. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  previousRoundId: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;
}

/** One member's answer to a round, with the site they answered for. */
@Entity('assessment_answer')
@Unique(['roundId', 'userId'])
export class AssessmentAnswer extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  roundId: string;

  @ManyToOne(() => AssessmentRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: AssessmentRound;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  siteId: string | null;

  @Column({ type: 'simple-json' })
  scores: number[];
}
