import type { PaymentKind, PaymentStatus } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';
import { EchoSession } from '../../sessions';

/** A payment for a person's time, or their expenses, for a session or another activity (recorded by a manager). */
@Entity('coproduction_payment')
@Index(['programId', 'date'])
export class CoproductionPayment extends BaseEntity {
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

  @Column({ type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @ManyToOne(() => EchoSession, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  /** What it is for when not a session (a panel, a reading day); '' for a session. */
  @Column({ type: 'varchar', length: 200, default: '' })
  activity: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'real' })
  hours: number;

  /** In the currency's minor units (pence, cents): exact sums. */
  @Column({ type: 'integer' })
  amountMinor: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 20 })
  kind: PaymentKind;

  @Column({ type: 'varchar', length: 20 })
  status: PaymentStatus;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'varchar', length: 36 })
  recordedBy: string;
}
