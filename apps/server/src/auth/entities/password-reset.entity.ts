import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { User } from './user.entity';

/** A single-use reset link; only the SHA-256 of its token is stored. */
@Entity('password_reset')
export class PasswordReset extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @TimestampColumn()
  expiresAt: string;

  @TimestampColumn({ nullable: true })
  usedAt: string | null;
}
