import { type DeepPartial, type EntityManager, In, IsNull, LessThan } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { EchoCase } from '../cases';
import { keyset, type Page, type PageQueryDto, type SortKey, toPage } from '../common/page';
import { nowIso } from '../database/columns';
import { NO_TX } from '../database/no-tx';
import { Membership } from '../programs/entities/membership.entity';
import { EchoSession } from '../sessions';
import { Attachment } from './entities/attachment.entity';
import { Bookmark } from './entities/bookmark.entity';
import { Post } from './entities/post.entity';
import { PostRevision } from './entities/post-revision.entity';
import { Reaction } from './entities/reaction.entity';
import { ReadMarker } from './entities/read-marker.entity';
import { Thread } from './entities/thread.entity';
import { recordsOf } from '../database/records';

/** Reactions, attachments and mentioned people of some posts, fetched together (one query each). */
export interface PostExtras {
  reactions: Reaction[];
  attachments: Attachment[];
  people: User[];
}

/** A group's threads: pinned first, then latest activity (the id breaks ties), read off an index. */
const THREAD_ORDER: SortKey<Thread>[] = [
  { expr: 't.pinned', dir: 'DESC', of: (t) => t.pinned },
  { expr: 't.lastPostAt', dir: 'DESC', of: (t) => t.lastPostAt },
  { expr: 't.id', dir: 'DESC', of: (t) => t.id },
];

/** A thread's posts in order: their number (unique in the thread, on its index); the id breaks ties. */
const POST_ORDER: SortKey<Post>[] = [
  { expr: 'p.number', dir: 'ASC', of: (p) => p.number },
  { expr: 'p.id', dir: 'ASC', of: (p) => p.id },
];

/** A person's bookmarks, latest first (the id breaks ties). */
const BOOKMARK_ORDER: SortKey<Bookmark>[] = [
  { expr: 'b.createdAt', dir: 'DESC', of: (b) => b.createdAt },
  { expr: 'b.id', dir: 'DESC', of: (b) => b.id },
];

/**
 * The threads feature's queries (threads, posts, reactions, bookmarks, read markers, revisions, and the
 * sessions, cases and people they point to), on the database or inside one transaction.
 * Single-row writes skip TypeORM's transaction (database/no-tx.ts).
 */
export class ThreadQueries {
  constructor(protected readonly em: EntityManager) {}

  // ---- threads -------------------------------------------------------------------

  /** A page of a group's threads (THREAD_ORDER); hidden ones only for moderators and their author. */
  async threadsOfGroup(
    groupId: string,
    reader: { viewerId: string; moderator: boolean },
    page: PageQueryDto,
  ): Promise<Page<Thread>> {
    const qb = this.em
      .getRepository(Thread)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.author', 'author')
      .where('t.groupId = :groupId', { groupId });
    if (!reader.moderator) qb.andWhere('(t.hidden = :no OR t.authorId = :me)', { no: false, me: reader.viewerId });
    return toPage(await keyset(qb, THREAD_ORDER, page).getMany(), THREAD_ORDER, page);
  }

  /** The visible threads linked to a session or a case, in these groups, latest activity first. */
  linkedThreads(link: { sessionId: string } | { caseId: string }, groupIds: string[]): Promise<Thread[]> {
    return this.em.getRepository(Thread).find({
      where: { ...link, groupId: In(groupIds), hidden: false },
      relations: { author: true },
      order: { lastPostAt: 'DESC' },
    });
  }

  threadWithAuthor(id: string): Promise<Thread> {
    return this.em.getRepository(Thread).findOneOrFail({ where: { id }, relations: { author: true } });
  }

  addThread(thread: DeepPartial<Thread>): Promise<Thread> {
    const repo = this.em.getRepository(Thread);
    return repo.save(repo.create(thread), NO_TX);
  }

  async deleteThread(id: string): Promise<void> {
    await this.em.getRepository(Thread).delete({ id });
  }

  async saveThread(thread: Thread): Promise<void> {
    await this.em.getRepository(Thread).save(thread, NO_TX);
  }

  /** Moves a thread, and the attachments of its posts, to another group. */
  async moveThread(threadId: string, groupId: string): Promise<void> {
    await this.em.getRepository(Thread).update({ id: threadId }, { groupId });
    const postIds = (await this.em.getRepository(Post).find({ where: { threadId }, select: ['id'] })).map((p) => p.id);
    if (postIds.length) await this.em.getRepository(Attachment).update({ postId: In(postIds) }, { groupId });
  }

  /** A reply was added at `at`: the thread's counts and latest activity follow. */
  async countReply(threadId: string, at: string): Promise<void> {
    await this.em
      .getRepository(Thread)
      .update(
        { id: threadId },
        { lastPostAt: at, postCount: () => 'post_count + 1', replyCount: () => 'reply_count + 1' },
      );
  }

  async uncountReply(threadId: string): Promise<void> {
    await this.em.getRepository(Thread).update({ id: threadId }, { replyCount: () => 'reply_count - 1' });
  }

  /** Per thread, the posts this user has not read (visible, not their own, after their read marker). */
  async unreadByThread(userId: string, threadIds: string[]): Promise<Map<string, number>> {
    if (!threadIds.length) return new Map();
    const rows: { threadId: string; n: string | number }[] = await this.em
      .getRepository(Post)
      .createQueryBuilder('p')
      .select('p.threadId', 'threadId')
      .addSelect('COUNT(*)', 'n')
      .leftJoin(ReadMarker, 'm', 'm.threadId = p.threadId AND m.userId = :me', { me: userId })
      .where('p.threadId IN (:...threadIds)', { threadIds })
      .andWhere('p.hidden = :no AND p.deletedAt IS NULL AND p.authorId != :me', { no: false, me: userId })
      .andWhere('p.number > COALESCE(m.lastReadPostNumber, 0)')
      .groupBy('p.threadId')
      .getRawMany();
    return new Map(rows.map((r) => [r.threadId, Number(r.n)]));
  }

  // ---- posts ---------------------------------------------------------------------

  /** A page of a thread's posts (POST_ORDER), with their authors. */
  async postsOfThread(threadId: string, page: PageQueryDto): Promise<Page<Post>> {
    const qb = this.em
      .getRepository(Post)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.author', 'author')
      .where('p.threadId = :threadId', { threadId });
    return toPage(await keyset(qb, POST_ORDER, page).getMany(), POST_ORDER, page);
  }

  postWithAuthor(id: string): Promise<Post | null> {
    return this.em.getRepository(Post).findOne({ where: { id }, relations: { author: true } });
  }

  postInThread(id: string, threadId: string): Promise<Post | null> {
    return this.em.getRepository(Post).findOneBy({ id, threadId });
  }

  /** The post an author already made with this clientId (a retried request), if any. */
  postByClientId(authorId: string, clientId: string): Promise<Post | null> {
    return this.em.getRepository(Post).findOne({ where: { authorId, clientId }, relations: { author: true } });
  }

  async maxPostNumber(threadId: string): Promise<number> {
    const row: { max: string | number | null } | undefined = await this.em
      .getRepository(Post)
      .createQueryBuilder('p')
      .select('MAX(p.number)', 'max')
      .where('p.threadId = :threadId', { threadId })
      .getRawOne();
    return Number(row?.max ?? 0);
  }

  addPost(post: DeepPartial<Post>): Promise<Post> {
    const repo = this.em.getRepository(Post);
    return repo.save(repo.create(post), NO_TX);
  }

  async savePost(post: Post): Promise<void> {
    await this.em.getRepository(Post).save(post, NO_TX);
  }

  /** These posts with their authors and threads (deleted ones too). */
  postsWithThreads(ids: string[]): Promise<Post[]> {
    return ids.length
      ? this.em.getRepository(Post).find({ where: { id: In(ids) }, relations: { author: true, thread: true } })
      : Promise.resolve([]);
  }

  post(id: string): Promise<Post | null> {
    return this.em.getRepository(Post).findOneBy({ id });
  }

  openingPost(threadId: string): Promise<Post | null> {
    return this.em.getRepository(Post).findOneBy({ threadId, opening: true });
  }

  /** Every post neither hidden nor deleted, with its thread (to fill an empty search index). */
  visiblePostsWithThreads(): Promise<Post[]> {
    return this.em
      .getRepository(Post)
      .find({ where: { hidden: false, deletedAt: IsNull() }, relations: { thread: true } });
  }

  /** Hides or restores a post (a hidden opening post unlists its thread; a hidden reply stops counting). */
  async setPostHidden(post: Post, thread: Thread): Promise<void> {
    const { hidden, hiddenReason, hiddenById } = post;
    await this.em.getRepository(Post).update({ id: post.id }, { hidden, hiddenReason, hiddenById });
    if (post.opening) {
      await this.em.getRepository(Thread).update({ id: thread.id }, { hidden });
    } else if (!post.deletedAt) {
      await this.em
        .getRepository(Thread)
        .update({ id: thread.id }, { replyCount: () => (hidden ? 'reply_count - 1' : 'reply_count + 1') });
    }
  }

  async markPostDeleted(id: string, deletedAt: string): Promise<void> {
    await this.em.getRepository(Post).update({ id }, { deletedAt });
  }

  async addRevision(revision: DeepPartial<PostRevision>): Promise<void> {
    const repo = this.em.getRepository(PostRevision);
    await repo.save(repo.create(revision), NO_TX);
  }

  /** A post's earlier texts, latest first, with who changed them. */
  revisionsOf(postId: string): Promise<PostRevision[]> {
    return this.em
      .getRepository(PostRevision)
      .find({ where: { postId }, relations: { editor: true }, order: { createdAt: 'DESC' } });
  }

  /** The reactions, attachments and mentioned people of these posts. */
  async postExtras(posts: Post[]): Promise<PostExtras> {
    const ids = posts.map((p) => p.id);
    const mentioned = [...new Set(posts.flatMap((p) => p.mentionedUserIds))];
    return {
      reactions: ids.length
        ? await this.em.getRepository(Reaction).find({ where: { postId: In(ids) }, order: { createdAt: 'ASC' } })
        : [],
      attachments: ids.length
        ? await this.em.getRepository(Attachment).find({ where: { postId: In(ids) }, order: { createdAt: 'ASC' } })
        : [],
      people: mentioned.length ? await this.em.getRepository(User).findBy({ id: In(mentioned) }) : [],
    };
  }

  /** Attachments (by id) this uploader put in this group and not yet in a post become the post's. */
  async claimAttachments(postId: string, ids: string[], groupId: string, uploaderId: string): Promise<void> {
    await this.em.getRepository(Attachment).update({ id: In(ids), groupId, uploaderId, postId: IsNull() }, { postId });
  }

  // ---- attachment rows (the files are in storage) --------------------------------

  attachment(id: string): Promise<Attachment | null> {
    return this.em.getRepository(Attachment).findOneBy({ id });
  }

  addAttachment(attachment: DeepPartial<Attachment>): Promise<Attachment> {
    const repo = this.em.getRepository(Attachment);
    return repo.save(repo.create(attachment), NO_TX);
  }

  /** Attachments never used in a post and uploaded before `cutoff`. */
  unlinkedAttachmentsBefore(cutoff: string): Promise<Attachment[]> {
    return this.em.getRepository(Attachment).find({ where: { postId: IsNull(), createdAt: LessThan(cutoff) } });
  }

  /** Deletes an attachment's row unless a post took it meanwhile; whether it was deleted. */
  async deleteIfUnlinked(id: string): Promise<boolean> {
    const { affected } = await this.em.getRepository(Attachment).delete({ id, postId: IsNull() });
    return affected !== 0;
  }

  // ---- reactions and bookmarks ---------------------------------------------------

  hasReaction(key: { postId: string; userId: string; emoji: string }): Promise<boolean> {
    return this.em.getRepository(Reaction).exist({ where: key });
  }

  async addReaction(key: { postId: string; userId: string; emoji: string }): Promise<void> {
    const repo = this.em.getRepository(Reaction);
    await repo.save(repo.create(key), NO_TX);
  }

  async removeReaction(key: { postId: string; userId: string; emoji: string }): Promise<void> {
    await this.em.getRepository(Reaction).delete(key);
  }

  reactionsOf(postId: string): Promise<Reaction[]> {
    return this.em.getRepository(Reaction).find({ where: { postId }, order: { createdAt: 'ASC' } });
  }

  hasBookmark(key: { userId: string; postId: string }): Promise<boolean> {
    return this.em.getRepository(Bookmark).exist({ where: key });
  }

  async addBookmark(key: { userId: string; postId: string }): Promise<void> {
    const repo = this.em.getRepository(Bookmark);
    await repo.save(repo.create(key), NO_TX);
  }

  async removeBookmark(key: { userId: string; postId: string }): Promise<void> {
    await this.em.getRepository(Bookmark).delete(key);
  }

  /** The ids of the posts of a thread a user bookmarked (whichever page they are on). */
  async bookmarkedIn(userId: string, threadId: string): Promise<string[]> {
    const rows: { postId: string }[] = await this.em
      .getRepository(Bookmark)
      .createQueryBuilder('b')
      .innerJoin(Post, 'p', 'p.id = b.postId')
      .select('b.postId', 'postId')
      .where('b.userId = :userId AND p.threadId = :threadId', { userId, threadId })
      .getRawMany();
    return rows.map((r) => r.postId);
  }

  /** A page of a user's bookmarks of posts (not deleted) in one program, latest first. */
  async bookmarksOf(userId: string, programId: string, page: PageQueryDto): Promise<Page<Bookmark>> {
    const qb = this.em
      .getRepository(Bookmark)
      .createQueryBuilder('b')
      .innerJoin(Post, 'p', 'p.id = b.postId AND p.deletedAt IS NULL')
      .innerJoin(Thread, 't', 't.id = p.threadId')
      .where('b.userId = :userId AND t.programId = :programId', { userId, programId });
    return toPage(await keyset(qb, BOOKMARK_ORDER, page).getMany(), BOOKMARK_ORDER, page);
  }

  /** These posts unless deleted, with their authors and threads. */
  livePostsWithThreads(ids: string[]): Promise<Post[]> {
    return ids.length
      ? this.em
          .getRepository(Post)
          .find({ where: { id: In(ids), deletedAt: IsNull() }, relations: { author: true, thread: true } })
      : Promise.resolve([]);
  }

  // ---- read markers --------------------------------------------------------------

  readMarker(threadId: string, userId: string): Promise<ReadMarker | null> {
    return this.em.getRepository(ReadMarker).findOneBy({ threadId, userId });
  }

  async moveReadMarker(id: string, lastReadPostNumber: number): Promise<void> {
    await this.em.getRepository(ReadMarker).update({ id }, { lastReadPostNumber, updatedAt: nowIso() });
  }

  async addReadMarker(threadId: string, userId: string, lastReadPostNumber: number): Promise<void> {
    const repo = this.em.getRepository(ReadMarker);
    await repo.save(repo.create({ threadId, userId, lastReadPostNumber, updatedAt: nowIso() }), NO_TX);
  }

  // ---- what threads point to -----------------------------------------------------

  person(id: string): Promise<User> {
    return this.em.getRepository(User).findOneByOrFail({ id });
  }

  /** The display names of a program's members. */
  async memberNames(programId: string): Promise<string[]> {
    const members = await this.em.getRepository(Membership).find({ where: { programId }, relations: { user: true } });
    return members.flatMap((m) => (m.user ? [m.user.displayName] : []));
  }

  session(id: string): Promise<EchoSession | null> {
    return this.em.getRepository(EchoSession).findOneBy({ id });
  }

  sessionOrFail(id: string): Promise<EchoSession> {
    return this.em.getRepository(EchoSession).findOneByOrFail({ id });
  }

  sessionInProgram(id: string, programId: string): Promise<boolean> {
    return this.em.getRepository(EchoSession).exist({ where: { id, programId } });
  }

  /** A case (of this program, when given). */
  echoCase(id: string, programId?: string): Promise<EchoCase | null> {
    return this.em.getRepository(EchoCase).findOneBy({ id, ...(programId && { programId }) });
  }
}

/** The threads feature's data access: every query threads and posts make is here. */
export class ThreadRecords extends recordsOf(ThreadQueries) {}
