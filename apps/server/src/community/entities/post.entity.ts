import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Thread } from './thread.entity';

/**
 * One post: the opening post of a thread or a reply (to the thread, or to another post).
 * Never hard-deleted: hiding and deleting keep the text for moderators and the audit log.
 */
@Entity('community_post')
@Unique(['threadId', 'number'])
@Unique(['authorId', 'clientId'])
export class Post extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Thread;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @ManyToOne(() => User, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'boolean', default: false })
  opening: boolean;

  /** Markdown source (search reads its plain text, kept in the search table: see SearchService). */
  @Column({ type: 'text' })
  body: string;

  /** Users mentioned in the current text (so an edit notifies only people newly mentioned). */
  @Column({ type: 'simple-json' })
  mentionedUserIds: string[];

  @TimestampColumn({ nullable: true })
  editedAt: string | null;

  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  hiddenById: string | null;

  @TimestampColumn({ nullable: true })
  deletedAt: string | null;

  /** Client-generated id of the request that created it: a retry returns this post. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  clientId: string | null;
}
