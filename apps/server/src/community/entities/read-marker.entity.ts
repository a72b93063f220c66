import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Thread } from './thread.entity';

/** How far one person has read one thread (by post number). */
@Entity('community_read_marker')
@Unique(['threadId', 'userId'])
export class ReadMarker extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Thread;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'integer' })
  lastReadPostNumber: number;

  @TimestampColumn()
  updatedAt: string;
}
