import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity } from '../../database/columns';
import { Post } from './post.entity';

/** The text of a post as it was before one edit. */
@Entity('community_post_revision')
@Index(['postId', 'createdAt'])
export class PostRevision extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Post;

  @Column({ type: 'varchar', length: 36 })
  editorId: string;

  @ManyToOne(() => User, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'editor_id' })
  editor?: User;

  @Column({ type: 'text' })
  body: string;
}
