import type { PlannedActivityKind } from '@echo-hub/protocol';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { AssessmentRound } from './assessment-round.entity';

/** A priority the coordinator recorded from a round (the consensus workshop's outcome), on one dimension. */
@Entity('assessment_priority')
export class Priority extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  roundId: string;

  @ManyToOne(() => AssessmentRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: AssessmentRound;

  @Column({ type: 'integer' })
  dimension: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;
}

/** An activity of the learning plan that serves a priority: an ECHO session or series, or a knowledge transfer. */
@Entity('planned_activity')
export class PlannedActivity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  priorityId: string;

  @ManyToOne(() => Priority, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'priority_id' })
  priority?: Priority;

  @Column({ type: 'varchar', length: 30 })
  kind: PlannedActivityKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  seriesId: string | null;

  @Column({ type: 'varchar', length: 36 })
  ownerId: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  dueOn: string;
}
