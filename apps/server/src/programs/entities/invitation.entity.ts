import type { ProgramRole } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Program } from './program.entity';

/** An invitation link; only the SHA-256 of its token is stored. */
@Entity('invitation')
export class Invitation extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: ProgramRole;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  siteId: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @TimestampColumn()
  expiresAt: string;

  @TimestampColumn({ nullable: true })
  acceptedAt: string | null;
}
