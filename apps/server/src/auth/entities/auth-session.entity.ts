import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { User } from './user.entity';

/** One signed-in device; its id is in the access token, so logout revokes just this one. */
@Entity('auth_session')
export class AuthSession extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @TimestampColumn({ nullable: true })
  revokedAt: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;
}
