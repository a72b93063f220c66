import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity } from '../../database/columns';
import { EchoCase } from './echo-case.entity';

/** A flagged span the presenter confirmed is not identifying: who, when, and exactly what text. */
@Entity('case_confirmation')
export class CaseConfirmation extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @ManyToOne(() => EchoCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: EchoCase;

  @Column({ type: 'varchar', length: 30 })
  field: string;

  @Column({ type: 'integer' })
  start: number;

  @Column({ type: 'integer' })
  end: number;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'varchar', length: 36 })
  confirmedById: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'confirmed_by_id' })
  confirmedBy?: User;
}
