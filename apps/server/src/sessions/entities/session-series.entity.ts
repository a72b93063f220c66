import type { Recurrence } from '@echo-hub/protocol';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

/** The rule a recurring session was created from; its occurrences are EchoSession rows. */
@Entity('session_series')
export class SessionSeries extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 20 })
  frequency: Recurrence;

  @Column({ type: 'integer', nullable: true })
  count: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  until: string | null;

  /** Local dates (YYYY-MM-DD) skipped. */
  @Column({ type: 'simple-json' })
  exceptions: string[];

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;
}
