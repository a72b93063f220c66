import type { SessionStatus } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';
import { AgendaItem } from './agenda-item.entity';
import { SessionSeries } from './session-series.entity';

/** One scheduled teleECHO session (an occurrence of a series, or a one-off). */
@Entity('echo_session')
@Index(['programId', 'startsAt'])
export class EchoSession extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 36, nullable: true })
  seriesId: string | null;

  @ManyToOne(() => SessionSeries, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'series_id' })
  series?: SessionSeries;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @TimestampColumn()
  startsAt: string;

  @Column({ type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: SessionStatus;

  /** A dry run (sound check, rehearsal): never counted in attendance, impact or certificates, and no survey. */
  @Column({ type: 'boolean', default: false })
  practice: boolean;

  /** Bumped on every change, for calendar clients (ICS SEQUENCE). */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @OneToMany(() => AgendaItem, (item) => item.session)
  agenda?: AgendaItem[];
}
