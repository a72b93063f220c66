import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

export interface CertifiedSession {
  startsAt: string;
  title: string;
  minutes: number;
}

/**
 * An attendance certificate as issued: the figures printed on it are kept, so its code
 * verifies what the paper says even if attendance is corrected later.
 */
@Entity('certificate')
@Index(['programId', 'userId', 'period'])
export class Certificate extends BaseEntity {
  @Column({ type: 'varchar', length: 20, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** YYYY-MM or YYYY in the program's time zone. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 100 })
  holderName: string;

  @Column({ type: 'varchar', length: 200 })
  programName: string;

  @Column({ type: 'integer' })
  sessions: number;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'simple-json' })
  sessionList: CertifiedSession[];
}
