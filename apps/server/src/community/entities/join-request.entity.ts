import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { CommunityGroup } from './community-group.entity';

/** A request to join a private group, decided by one of its moderators. */
@Entity('community_join_request')
@Index(['groupId', 'status'])
export class JoinRequest extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  groupId: string;

  @ManyToOne(() => CommunityGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: CommunityGroup;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 500, default: '' })
  message: string;

  @Column({ type: 'varchar', length: 20 })
  status: 'pending' | 'approved' | 'declined';

  @Column({ type: 'varchar', length: 36, nullable: true })
  decidedById: string | null;

  @TimestampColumn({ nullable: true })
  decidedAt: string | null;
}
