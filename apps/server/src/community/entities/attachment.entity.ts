import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { CommunityGroup } from './community-group.entity';
import { Post } from './post.entity';

/** An image or PDF uploaded to a group (file under DATA_DIR/community), attached to a post once it is used. */
@Entity('community_attachment')
export class Attachment extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  groupId: string;

  @ManyToOne(() => CommunityGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: CommunityGroup;

  @Column({ type: 'varchar', length: 36 })
  uploaderId: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  postId: string | null;

  @ManyToOne(() => Post, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @Column({ type: 'varchar', length: 64 })
  storedName: string;

  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ type: 'integer' })
  size: number;
}
