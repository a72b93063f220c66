import type { FlagReason } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Post } from './post.entity';

/** Someone asked the moderators to look at a post. */
@Entity('community_flag')
@Index(['postId', 'status'])
export class Flag extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  reason: FlagReason;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'varchar', length: 20 })
  status: 'open' | 'resolved' | 'dismissed';

  @Column({ type: 'varchar', length: 36, nullable: true })
  resolvedById: string | null;

  @TimestampColumn({ nullable: true })
  resolvedAt: string | null;
}
