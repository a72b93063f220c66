import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';
import { EchoSession } from '../../sessions';

/** `storing`: finished, its file on its way into storage (S3). */
export type RecordingStatus = 'recording' | 'storing' | 'complete' | 'partial' | 'failed';

/** One recorded stretch of a live session (a didactic slot, or a case with everyone's consent). */
@Entity('recording')
@Index(['programId', 'startedAt'])
export class Recording extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => EchoSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  /** From the agenda slot, e.g. the didactic's title. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  presenterName: string;

  @Column({ type: 'varchar', length: 20 })
  kind: 'didactic' | 'case' | 'manual';

  @Column({ type: 'varchar', length: 20 })
  status: RecordingStatus;

  /** File name under RECORDINGS_DIR. */
  @Column({ type: 'varchar', length: 255 })
  file: string;

  @TimestampColumn()
  startedAt: string;

  @TimestampColumn({ nullable: true })
  endedAt: string | null;

  @Column({ type: 'integer', default: 0 })
  sizeBytes: number;

  /** For a case slot: who consented, recorded by whom and when. */
  @Column({ type: 'simple-json', nullable: true })
  consent: { userIds: string[]; recordedBy: string; at: string } | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;
}
