import {
  type BookmarkDto,
  type ConfirmedSpan,
  CommunityLimits,
  type NotificationKind,
  type PostDto,
  type PostNode,
  type PostRevisionDto,
  type LinkedCase,
  type PreviewResponse,
  type ProgramRole,
  REACTIONS,
  type ReactionSummary,
  type ThreadDetail,
  type ThreadSummary,
} from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { User } from '../auth/entities/user.entity';
import { caseReadableBy, type EchoCase } from '../cases';
import { gate } from '../deid';
import type { Page, PageQueryDto } from '../common/page';
import { RateLimitService } from '../common/rate-limit.service';
import { nowIso } from '../database/columns';
import { RealtimeService } from '../realtime/realtime.service';
import { AuditService } from './audit.service';
import { CommunityAccessService, HUB_MANAGERS, type ResolvedAccess, type Viewer } from './community-access.service';
import {
  badRequest,
  CommunityError,
  conflict,
  forbidden,
  notFound,
  notModerator,
  tooManyPosts,
} from './community.errors';
import type { CreatePostDto, CreateThreadDto, ReactDto, UpdatePostDto, UpdateThreadDto } from './dto/community.dto';
import type { Attachment } from './entities/attachment.entity';
import type { CommunityGroup } from './entities/community-group.entity';
import type { Post } from './entities/post.entity';
import type { Reaction } from './entities/reaction.entity';
import type { Thread } from './entities/thread.entity';
import { excerpt, type MentionCandidate, renderMarkdown } from './markdown';
import { NotificationsService } from './notifications.service';
import { SearchService } from './search.service';
import { ThreadRecords } from './threads.records';

const ATTACHMENT_REF = /attachment:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

/** What a reader may see of hidden and deleted posts. */
export interface Seer {
  moderator: boolean;
  /** null: a broadcast to everyone watching (always the redacted view). */
  viewerId: string | null;
}
const EVERYONE: Seer = { moderator: false, viewerId: null };

interface PostContext {
  reactions: Map<string, Reaction[]>;
  attachments: Map<string, Attachment[]>;
  people: Map<string, MentionCandidate>;
}

/**
 * The de-identification gate over a post's title and body, as a warning the author confirms: a finding
 * not among `confirmed` answers 422 IDENTIFIERS_FOUND. The names of the program's members name
 * colleagues, not patients.
 */
function gatePost(
  fields: { title?: string; body?: string },
  confirmed: readonly ConfirmedSpan[] = [],
  people: string[],
) {
  gate(fields, confirmed, { knownPeople: people });
}

export const attachmentMarkdown = (a: { id: string; originalName: string; mimeType: string }) => {
  const label = a.originalName.replace(/[[\]\\]/g, '');
  return `${a.mimeType.startsWith('image/') ? '!' : ''}[${label}](attachment:${a.id})`;
};

export function reactionSummary(rows: Reaction[]): ReactionSummary[] {
  return REACTIONS.flatMap((emoji) => {
    const userIds = rows.filter((r) => r.emoji === emoji).map((r) => r.userId);
    return userIds.length ? [{ emoji, count: userIds.length, userIds }] : [];
  });
}

/** Posts in order of number → the tree (iteratively, so a very deep chain cannot overflow the stack). */
export function buildTree(posts: PostDto[]): PostNode[] {
  const nodes = new Map<string, PostNode>();
  const roots: PostNode[] = [];
  for (const p of posts) {
    const node: PostNode = { ...p, replies: [] };
    nodes.set(p.id, node);
    const parent = p.parentId ? nodes.get(p.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * Threads and posts: writing (idempotent by clientId, rate limited), reading as a tree with
 * per-reader unread markers, edits with history, reactions, bookmarks; every change is pushed to
 * the thread's and the group's socket rooms and kept in the search index.
 */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly records: ThreadRecords,
    private readonly access: CommunityAccessService,
    private readonly search: SearchService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
    private readonly rateLimits: RateLimitService,
  ) {}

  // ---- threads -------------------------------------------------------------------

  /** A page of a group's threads, pinned first, then latest activity. */
  async list(
    viewer: Viewer,
    groupId: string,
    page: PageQueryDto,
    role?: ProgramRole | null,
  ): Promise<Page<ThreadSummary>> {
    const access = await this.access.readableGroup(viewer, groupId, role);
    const threads = await this.records.threadsOfGroup(
      groupId,
      { viewerId: viewer.id, moderator: access.moderate },
      page,
    );
    const unread = await this.records.unreadByThread(
      viewer.id,
      threads.items.map((t) => t.id),
    );
    return { ...threads, items: threads.items.map((t) => this.summary(t, unread.get(t.id) ?? 0)) };
  }

  /** Threads that continue a session's discussion, in the groups the caller may read. */
  async forSession(viewer: Viewer, sessionId: string, role?: ProgramRole | null): Promise<ThreadSummary[]> {
    const session = await this.records.sessionOrFail(sessionId);
    const readable = await this.access.readableGroups(viewer, session.programId, role);
    if (!readable.length) return [];
    const threads = await this.records.linkedThreads(
      { sessionId },
      readable.map((a) => a.group.id),
    );
    const unread = await this.records.unreadByThread(
      viewer.id,
      threads.map((t) => t.id),
    );
    return threads.map((t) => this.summary(t, unread.get(t.id) ?? 0));
  }

  /** Threads that follow up a case the caller may read, in the groups the caller may read. */
  async forCase(viewer: Viewer, caseId: string, role?: ProgramRole | null): Promise<ThreadSummary[]> {
    const c = await this.records.echoCase(caseId);
    if (!c || !(await this.mayReadCase(viewer, c, role))) throw notFound(`case ${caseId}`);
    const readable = await this.access.readableGroups(viewer, c.programId, role);
    const threads = await this.records.linkedThreads(
      { caseId },
      readable.map((a) => a.group.id),
    );
    const unread = await this.records.unreadByThread(
      viewer.id,
      threads.map((t) => t.id),
    );
    return threads.map((t) => this.summary(t, unread.get(t.id) ?? 0));
  }

  async create(
    viewer: Viewer,
    groupId: string,
    dto: CreateThreadDto,
    role?: ProgramRole | null,
  ): Promise<{ id: string; created: boolean }> {
    const access = await this.access.readableGroup(viewer, groupId, role);
    if (dto.clientId) {
      const existing = await this.records.postByClientId(viewer.id, dto.clientId);
      if (existing) return this.replayedThread(existing);
    }
    await this.checkRate(viewer, access);
    const group = access.group;
    if (dto.sessionId) await this.checkSession(group.programId, dto.sessionId);
    if (dto.caseId) await this.checkCase(viewer, group.programId, dto.caseId, role);
    gatePost({ title: dto.title, body: dto.body }, dto.confirmedSpans, await this.colleagues(group.programId));
    const rendered = renderMarkdown(dto.body, await this.access.mentionable(group));
    const now = nowIso();
    const thread = await this.records.addThread({
      groupId,
      programId: group.programId,
      authorId: viewer.id,
      title: dto.title,
      sessionId: dto.sessionId ?? null,
      caseId: dto.caseId ?? null,
      pinned: false,
      locked: false,
      hidden: false,
      postCount: 1,
      replyCount: 0,
      lastPostAt: now,
      createdAt: now,
    });
    let post: Post;
    try {
      post = await this.records.addPost(
        this.newPost({
          threadId: thread.id,
          authorId: viewer.id,
          parentId: null,
          number: 1,
          opening: true,
          body: dto.body,
          mentionedUserIds: rendered.mentioned.map((m) => m.id),
          clientId: dto.clientId ?? null,
          createdAt: now,
        }),
      );
    } catch (e) {
      // The same clientId raced in from a retry: keep the first, drop this never-seen thread.
      await this.records.deleteThread(thread.id);
      const existing = dto.clientId ? await this.records.postByClientId(viewer.id, dto.clientId) : null;
      if (existing) return this.replayedThread(existing);
      throw e;
    }
    await this.linkAttachments(post, group.id, viewer.id);
    await this.search.index(post, thread.title);
    await this.advanceMarker(viewer.id, thread.id, 1);
    const author = await this.records.person(viewer.id);
    thread.author = author;
    this.realtime.to(`group:${groupId}`, 'community:thread', { thread: this.summary(thread, 0) });
    await this.notifyPeople(thread, group, post, author, new Map(), post.mentionedUserIds);
    return { id: thread.id, created: true };
  }

  /** A new post (opening or reply), visible and unedited; nobody is notified of mentioning themself. */
  private newPost(
    fields: Pick<
      Post,
      | 'threadId'
      | 'authorId'
      | 'parentId'
      | 'number'
      | 'opening'
      | 'body'
      | 'mentionedUserIds'
      | 'clientId'
      | 'createdAt'
    >,
  ): Partial<Post> {
    return {
      ...fields,
      mentionedUserIds: fields.mentionedUserIds.filter((id) => id !== fields.authorId),
      editedAt: null,
      hidden: false,
      hiddenReason: null,
      hiddenById: null,
      deletedAt: null,
    };
  }

  private replayedThread(existing: Post): { id: string; created: boolean } {
    if (!existing.opening) {
      throw conflict(CommunityError.ClientIdReused, 'clientId was already used for a reply: make a new one');
    }
    return { id: existing.threadId, created: false };
  }

  /** The thread with the first page of its posts (as a tree; `nextPostsCursor` continues at GET /threads/:id/posts). */
  async get(
    viewer: Viewer,
    threadId: string,
    role?: ProgramRole | null,
    page: PageQueryDto = {},
  ): Promise<ThreadDetail> {
    const { thread, access } = await this.access.readableThread(viewer, threadId, role);
    const posts = await this.records.postsOfThread(threadId, page);
    const ctx = await this.context(posts.items);
    const seer: Seer = { moderator: access.moderate, viewerId: viewer.id };
    const marker = await this.records.readMarker(threadId, viewer.id);
    const session = thread.sessionId ? await this.records.session(thread.sessionId) : null;
    thread.author = posts.items.find((p) => p.opening)?.author ?? (await this.records.person(thread.authorId));
    const unread = (await this.records.unreadByThread(viewer.id, [thread.id])).get(thread.id) ?? 0;
    return {
      ...this.summary(thread, unread),
      group: { id: access.group.id, name: access.group.name, isPrivate: access.group.isPrivate },
      session: session ? { id: session.id, title: session.title, startsAt: session.startsAt } : null,
      case: thread.caseId ? await this.linkedCase(viewer, thread.caseId, role) : null,
      posts: buildTree(posts.items.map((p) => this.toDto(p, ctx, seer))),
      nextPostsCursor: posts.next ?? null,
      access: { post: access.post && (!thread.locked || access.moderate), moderate: access.moderate },
      bookmarkedPostIds: await this.records.bookmarkedIn(viewer.id, threadId),
      lastReadPostNumber: marker?.lastReadPostNumber ?? 0,
    };
  }

  /** A page of a thread's posts, flat and in order (each names its parent), as the reader may see them. */
  async posts(viewer: Viewer, threadId: string, page: PageQueryDto, role?: ProgramRole | null): Promise<Page<PostDto>> {
    const { access } = await this.access.readableThread(viewer, threadId, role);
    const posts = await this.records.postsOfThread(threadId, page);
    const ctx = await this.context(posts.items);
    const seer: Seer = { moderator: access.moderate, viewerId: viewer.id };
    return { next: posts.next, items: posts.items.map((p) => this.toDto(p, ctx, seer)) };
  }

  async update(viewer: Viewer, threadId: string, dto: UpdateThreadDto, role?: ProgramRole | null) {
    const { thread, access } = await this.access.readableThread(viewer, threadId, role);
    const author = thread.authorId === viewer.id;
    const moderation = dto.pinned !== undefined || dto.locked !== undefined;
    if (moderation && !access.moderate) throw notModerator();
    if (!access.moderate && (!author || thread.locked)) {
      throw forbidden(CommunityError.NotAuthor, 'Only the author (or a moderator) may change this thread');
    }
    const changes: string[] = [];
    if (dto.title !== undefined && dto.title !== thread.title) {
      gatePost({ title: dto.title }, dto.confirmedSpans, await this.colleagues(thread.programId));
      changes.push(`title: "${thread.title}" → "${dto.title}"`);
      thread.title = dto.title;
    }
    if (dto.sessionId !== undefined && dto.sessionId !== thread.sessionId) {
      if (dto.sessionId) await this.checkSession(thread.programId, dto.sessionId);
      changes.push(dto.sessionId ? `linked to session ${dto.sessionId}` : 'unlinked from its session');
      thread.sessionId = dto.sessionId;
    }
    if (dto.caseId !== undefined && dto.caseId !== thread.caseId) {
      if (dto.caseId) await this.checkCase(viewer, thread.programId, dto.caseId, role);
      changes.push(dto.caseId ? `linked to case ${dto.caseId}` : 'unlinked from its case');
      thread.caseId = dto.caseId;
    }
    const flips: ['pinned' | 'locked', string, string][] = [
      ['pinned', 'thread.pin', 'thread.unpin'],
      ['locked', 'thread.lock', 'thread.unlock'],
    ];
    const actions: string[] = [];
    for (const [field, on, off] of flips) {
      const value = dto[field];
      if (value !== undefined && value !== thread[field]) {
        thread[field] = value;
        actions.push(value ? on : off);
      }
    }
    await this.records.saveThread(thread);
    if (changes.some((c) => c.startsWith('title'))) await this.search.retitle(thread);
    const base = { programId: thread.programId, groupId: thread.groupId, threadId: thread.id, actorId: viewer.id };
    for (const action of actions) {
      await this.audit.log({ ...base, action, targetType: 'thread', targetId: thread.id, detail: thread.title });
    }
    if (changes.length && !author) {
      await this.audit.log({
        ...base,
        action: 'thread.edit',
        targetType: 'thread',
        targetId: thread.id,
        detail: changes.join('; '),
      });
    }
    return this.broadcastThread(thread);
  }

  /** Moves a thread to another group of the program (moderators of both). */
  async move(viewer: Viewer, threadId: string, groupId: string, role?: ProgramRole | null): Promise<ThreadSummary> {
    const { thread, access } = await this.access.readableThread(viewer, threadId, role);
    if (!access.moderate) throw notModerator();
    const target = await this.access.group(groupId);
    if (target.programId !== thread.programId) throw notFound(`group ${groupId} in this program`);
    if (!(await this.access.access(viewer, target, role)).moderate) throw notModerator();
    const from = thread.groupId;
    if (from === groupId) return this.broadcastThread(thread);
    thread.groupId = groupId;
    await this.records.moveThread(threadId, groupId);
    await this.audit.log({
      programId: thread.programId,
      groupId: from,
      threadId,
      actorId: viewer.id,
      action: 'thread.move',
      targetType: 'thread',
      targetId: threadId,
      detail: `"${thread.title}": ${access.group.name} → ${target.name}`,
    });
    const summary = await this.broadcastThread(thread, [`group:${from}`]);
    // Watchers who cannot read the new group stop receiving the thread.
    for (const userId of await this.realtime.usersIn(`thread:${threadId}`)) {
      if (!(await this.access.canUserRead(userId, thread, target))) {
        await this.realtime.leaveAll(userId, `thread:${threadId}`);
      }
    }
    return summary;
  }

  /** The caller has read the thread up to its latest post. */
  async markRead(viewer: Viewer, threadId: string, role?: ProgramRole | null) {
    const { thread } = await this.access.readableThread(viewer, threadId, role);
    const latest = await this.records.maxPostNumber(thread.id);
    const lastReadPostNumber = await this.advanceMarker(viewer.id, thread.id, latest);
    await this.notifications.markThreadRead(viewer.id, thread.id);
    return { lastReadPostNumber };
  }

  /** Renders a draft as it will be posted, with the people it will notify. */
  async preview(viewer: Viewer, groupId: string, body: string, role?: ProgramRole | null): Promise<PreviewResponse> {
    const access = await this.access.readableGroup(viewer, groupId, role);
    const { html, mentioned } = renderMarkdown(body, await this.access.mentionable(access.group));
    return {
      html,
      mentioned: mentioned.filter((m) => m.id !== viewer.id).map((m) => ({ id: m.id, displayName: m.displayName })),
    };
  }

  /** The display names of the program's members: colleagues, whether or not they read this group. */
  private colleagues(programId: string): Promise<string[]> {
    return this.records.memberNames(programId);
  }

  // ---- posts ---------------------------------------------------------------------

  /** A reply; a retry with the same clientId by the same author returns the first post, created: false. */
  async reply(
    viewer: Viewer,
    threadId: string,
    dto: CreatePostDto,
    role?: ProgramRole | null,
  ): Promise<{ post: PostDto; created: boolean }> {
    const { thread, access } = await this.access.readableThread(viewer, threadId, role);
    const seer: Seer = { moderator: access.moderate, viewerId: viewer.id };
    if (dto.clientId) {
      const existing = await this.records.postByClientId(viewer.id, dto.clientId);
      if (existing) return { post: await this.replayedPost(existing, threadId, seer), created: false };
    }
    if (thread.locked && !access.moderate) {
      throw forbidden(CommunityError.ThreadLocked, 'This thread is locked: only moderators may post');
    }
    if (thread.hidden && !access.moderate) {
      throw forbidden(CommunityError.ThreadLocked, 'This thread is hidden by a moderator');
    }
    await this.checkRate(viewer, access);
    let parent: Post | null = null;
    if (dto.parentId) {
      parent = await this.records.postInThread(dto.parentId, threadId);
      if (!parent) throw badRequest('parentId is not a post of this thread');
      if ((parent.hidden || parent.deletedAt) && !access.moderate) {
        throw badRequest('parentId is a post that was hidden or deleted');
      }
    }
    gatePost({ body: dto.body }, dto.confirmedSpans, await this.colleagues(thread.programId));
    const rendered = renderMarkdown(dto.body, await this.access.mentionable(access.group));
    const now = nowIso();
    let post: Post;
    try {
      // The thread's row is written first: replies sent at the same moment queue on it (PostgreSQL's row lock,
      // SQLite's one writer), so each reads the highest number after the one before it has written its post.
      post = await this.records.transaction(async (tx) => {
        await tx.countReply(threadId, now);
        return tx.addPost(
          this.newPost({
            threadId,
            authorId: viewer.id,
            // A reply to the opening post is a reply to the thread.
            parentId: parent && !parent.opening ? parent.id : null,
            number: (await tx.maxPostNumber(threadId)) + 1,
            opening: false,
            body: dto.body,
            mentionedUserIds: rendered.mentioned.map((m) => m.id),
            clientId: dto.clientId ?? null,
            createdAt: now,
          }),
        );
      });
    } catch (e) {
      // A retry of a reply already stored (same clientId) gets that reply.
      const existing = dto.clientId ? await this.records.postByClientId(viewer.id, dto.clientId) : null;
      if (existing) return { post: await this.replayedPost(existing, threadId, seer), created: false };
      throw e;
    }
    await this.linkAttachments(post, thread.groupId, viewer.id);
    await this.search.index(post, thread.title);
    await this.advanceMarker(viewer.id, threadId, post.number);
    const author = await this.records.person(viewer.id);
    post.author = author;
    const ctx = await this.context([post]);
    this.realtime.to([`thread:${threadId}`, `group:${thread.groupId}`], 'community:post', {
      threadId,
      groupId: thread.groupId,
      post: this.toDto(post, ctx, EVERYONE),
    });
    const repliedTo = parent && !parent.opening ? parent.authorId : thread.authorId;
    await this.notifyPeople(thread, access.group, post, author, new Map([[repliedTo, 'reply']]), post.mentionedUserIds);
    return { post: this.toDto(post, ctx, seer), created: true };
  }

  private async replayedPost(existing: Post, threadId: string, seer: Seer): Promise<PostDto> {
    if (existing.threadId !== threadId || existing.opening) {
      throw conflict(CommunityError.ClientIdReused, 'clientId was already used for another post: make a new one');
    }
    return this.toDto(existing, await this.context([existing]), seer);
  }

  async edit(viewer: Viewer, postId: string, dto: UpdatePostDto, role?: ProgramRole | null): Promise<PostDto> {
    const { post, thread, access } = await this.loadPost(viewer, postId, role);
    const author = post.authorId === viewer.id;
    if (!access.moderate) {
      if (!author) throw forbidden(CommunityError.NotAuthor, 'Only the author (or a moderator) may edit this post');
      if (thread.locked) throw forbidden(CommunityError.ThreadLocked, 'This thread is locked');
    }
    if (post.deletedAt) throw badRequest('A deleted post cannot be edited');
    if (dto.body === post.body) return this.toDto(post, await this.context([post]), this.seer(viewer, access));
    gatePost({ body: dto.body }, dto.confirmedSpans, await this.colleagues(thread.programId));
    await this.records.addRevision({ postId, editorId: viewer.id, body: post.body });
    const rendered = renderMarkdown(dto.body, await this.access.mentionable(access.group));
    const before = new Map(post.mentionedUserIds.map((id) => [id, true]));
    post.body = dto.body;
    post.editedAt = nowIso();
    post.mentionedUserIds = rendered.mentioned.map((m) => m.id).filter((id) => id !== post.authorId);
    await this.records.savePost(post);
    await this.linkAttachments(post, thread.groupId, post.authorId);
    if (!post.hidden) await this.search.index(post, thread.title);
    if (!author) {
      await this.audit.log({
        programId: thread.programId,
        groupId: thread.groupId,
        threadId: thread.id,
        actorId: viewer.id,
        action: 'post.edit',
        targetType: 'post',
        targetId: post.id,
        detail: `post #${post.number} by ${post.author?.displayName ?? post.authorId}`,
      });
    }
    await this.broadcastPost(post, thread);
    const added = post.mentionedUserIds.filter((id) => !before.has(id));
    const editor = await this.records.person(viewer.id);
    await this.notifyPeople(thread, access.group, post, editor, new Map(), added);
    return this.toDto(post, await this.context([post]), this.seer(viewer, access));
  }

  /** Author or moderator: the post stays (for the audit log and moderators) but shows as deleted. */
  async remove(viewer: Viewer, postId: string, role?: ProgramRole | null): Promise<PostDto> {
    const { post, thread, access } = await this.loadPost(viewer, postId, role);
    const author = post.authorId === viewer.id;
    if (!author && !access.moderate) {
      throw forbidden(CommunityError.NotAuthor, 'Only the author (or a moderator) may delete this post');
    }
    if (!post.deletedAt) {
      post.deletedAt = nowIso();
      await this.records.markPostDeleted(post.id, post.deletedAt);
      if (!post.opening && !post.hidden) await this.records.uncountReply(thread.id);
      await this.search.remove(post.id);
      await this.audit.log({
        programId: thread.programId,
        groupId: thread.groupId,
        threadId: thread.id,
        actorId: viewer.id,
        action: 'post.delete',
        targetType: 'post',
        targetId: post.id,
        detail: `post #${post.number} by ${post.author?.displayName ?? post.authorId}${author ? ' (by its author)' : ''}`,
      });
      await this.broadcastPost(post, thread);
    }
    return this.toDto(post, await this.context([post]), this.seer(viewer, access));
  }

  async revisions(viewer: Viewer, postId: string, role?: ProgramRole | null): Promise<PostRevisionDto[]> {
    const { post, access } = await this.loadPost(viewer, postId, role);
    if (!this.canSeeText(post, this.seer(viewer, access))) return [];
    const rows = await this.records.revisionsOf(postId);
    return rows.map((r) => ({
      id: r.id,
      body: r.body,
      editor: { id: r.editorId, displayName: r.editor?.displayName ?? '' },
      createdAt: r.createdAt,
    }));
  }

  async react(viewer: Viewer, postId: string, dto: ReactDto, role?: ProgramRole | null): Promise<ReactionSummary[]> {
    const { post, thread } = await this.loadPost(viewer, postId, role);
    if (post.hidden || post.deletedAt) throw badRequest('This post was hidden or deleted');
    const key = { postId, userId: viewer.id, emoji: dto.emoji };
    if (dto.active && !(await this.records.hasReaction(key))) {
      await this.records.addReaction(key).catch(async (e: unknown) => {
        if (!(await this.records.hasReaction(key))) throw e; // a double click raced in: already there
      });
    }
    if (!dto.active) await this.records.removeReaction(key);
    const reactions = reactionSummary(await this.records.reactionsOf(postId));
    this.realtime.to([`thread:${thread.id}`], 'community:reaction', { threadId: thread.id, postId, reactions });
    return reactions;
  }

  async bookmark(viewer: Viewer, postId: string, on: boolean, role?: ProgramRole | null) {
    await this.loadPost(viewer, postId, role);
    const key = { userId: viewer.id, postId };
    if (on && !(await this.records.hasBookmark(key))) await this.records.addBookmark(key).catch(() => undefined);
    if (!on) await this.records.removeBookmark(key);
    return { postId, bookmarked: on };
  }

  /** A page of the caller's bookmarks in a program, latest first (those they can no longer read drop out). */
  async bookmarks(
    viewer: Viewer,
    programId: string,
    page: PageQueryDto,
    role?: ProgramRole | null,
  ): Promise<Page<BookmarkDto>> {
    const readable = await this.access.readableGroups(viewer, programId, role);
    const groups = new Map(readable.map((a) => [a.group.id, a]));
    const rows = await this.records.bookmarksOf(viewer.id, programId, page);
    const posts = await this.records.livePostsWithThreads(rows.items.map((b) => b.postId));
    const byId = new Map(posts.map((p) => [p.id, p]));
    const items = rows.items.flatMap((b) => {
      const p = byId.get(b.postId);
      const a = p?.thread ? groups.get(p.thread.groupId) : undefined;
      if (!p?.thread || !a || !this.canSeeText(p, { moderator: a.moderate, viewerId: viewer.id })) return [];
      if (p.thread.hidden && !a.moderate && p.thread.authorId !== viewer.id) return [];
      return [
        {
          postId: p.id,
          threadId: p.threadId,
          threadTitle: p.thread.title,
          groupName: a.group.name,
          author: { id: p.authorId, displayName: p.author?.displayName ?? '' },
          excerpt: excerpt(p.body),
          createdAt: b.createdAt,
        },
      ];
    });
    return { ...rows, items };
  }

  // ---- shared with moderation ----------------------------------------------------

  /** A post in a thread the caller may read (hidden threads: moderators and the author only). */
  async loadPost(viewer: Viewer, postId: string, role?: ProgramRole | null) {
    const post = await this.records.postWithAuthor(postId);
    if (!post) throw notFound(`post ${postId}`);
    const { thread, access } = await this.access.readableThread(viewer, post.threadId, role);
    return { post, thread, access };
  }

  seer(viewer: Viewer, access: ResolvedAccess): Seer {
    return { moderator: access.moderate, viewerId: viewer.id };
  }

  /** Pushes a changed post (the view everyone may see) to the thread's and group's rooms. */
  async broadcastPost(post: Post, thread: Thread): Promise<void> {
    const ctx = await this.context([post]);
    this.realtime.to([`thread:${thread.id}`, `group:${thread.groupId}`], 'community:postUpdated', {
      threadId: thread.id,
      groupId: thread.groupId,
      post: this.toDto(post, ctx, EVERYONE),
    });
  }

  /** Pushes a changed thread to its room and its group's (and any others given). */
  async broadcastThread(thread: Thread, alsoTo: string[] = []): Promise<ThreadSummary> {
    const fresh = await this.records.threadWithAuthor(thread.id);
    const summary = this.summary(fresh, 0);
    this.realtime.to([`thread:${thread.id}`, `group:${fresh.groupId}`, ...alsoTo], 'community:thread', {
      thread: summary,
    });
    return summary;
  }

  async toPostDto(post: Post, seer: Seer): Promise<PostDto> {
    return this.toDto(post, await this.context([post]), seer);
  }

  // ---- helpers -------------------------------------------------------------------

  summary(t: Thread, unreadPosts: number): ThreadSummary {
    return {
      id: t.id,
      groupId: t.groupId,
      programId: t.programId,
      title: t.title,
      author: { id: t.authorId, displayName: t.author?.displayName ?? '' },
      createdAt: t.createdAt,
      lastPostAt: t.lastPostAt,
      replyCount: t.replyCount,
      pinned: t.pinned,
      locked: t.locked,
      hidden: t.hidden,
      sessionId: t.sessionId,
      unreadPosts,
    };
  }

  private canSeeText(p: Post, seer: Seer): boolean {
    if (seer.moderator) return true;
    if (p.deletedAt) return false;
    return !p.hidden || (seer.viewerId !== null && p.authorId === seer.viewerId);
  }

  private toDto(p: Post, ctx: PostContext, seer: Seer): PostDto {
    const visible = this.canSeeText(p, seer);
    const people = p.mentionedUserIds.flatMap((id) => {
      const person = ctx.people.get(id);
      return person ? [person] : [];
    });
    return {
      id: p.id,
      threadId: p.threadId,
      parentId: p.parentId,
      number: p.number,
      opening: p.opening,
      author: { id: p.authorId, displayName: p.author?.displayName ?? '' },
      body: visible ? p.body : '',
      bodyHtml: visible ? renderMarkdown(p.body, people).html : '',
      createdAt: p.createdAt,
      editedAt: p.editedAt,
      hidden: p.hidden,
      hiddenReason: p.hidden && (seer.moderator || p.authorId === seer.viewerId) ? p.hiddenReason : null,
      deleted: p.deletedAt !== null,
      reactions: reactionSummary(ctx.reactions.get(p.id) ?? []),
      attachments: visible
        ? (ctx.attachments.get(p.id) ?? []).map((a) => ({
            id: a.id,
            name: a.originalName,
            mimeType: a.mimeType,
            size: a.size,
            markdown: attachmentMarkdown(a),
          }))
        : [],
      clientId: p.clientId,
    };
  }

  private async context(posts: Post[]): Promise<PostContext> {
    const { reactions, attachments, people: users } = await this.records.postExtras(posts);
    const group = <T extends { postId: string | null }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) if (r.postId) map.set(r.postId, [...(map.get(r.postId) ?? []), r]);
      return map;
    };
    return {
      reactions: group(reactions),
      attachments: group(attachments),
      people: new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName, email: u.email }])),
    };
  }

  /** Moves a read marker forward (never back); returns where it stands. */
  private async advanceMarker(userId: string, threadId: string, number: number): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const marker = await this.records.readMarker(threadId, userId);
      if (marker) {
        if (marker.lastReadPostNumber >= number) return marker.lastReadPostNumber;
        await this.records.moveReadMarker(marker.id, number);
        return number;
      }
      try {
        await this.records.addReadMarker(threadId, userId, number);
        return number;
      } catch (e) {
        if (attempt >= 2) throw e; // another request made the marker first: go round and update it
      }
    }
  }

  /** Posts and threads per person per minute, across instances; moderators are not limited. */
  private async checkRate(viewer: Viewer, access: ResolvedAccess): Promise<void> {
    if (access.moderate) return;
    const limit = await this.rateLimits.consume(`posts:${viewer.id}`, CommunityLimits.postsPerMinute, 60_000);
    if (!limit.allowed) throw tooManyPosts(limit.retryAfterSeconds);
  }

  private async checkSession(programId: string, sessionId: string): Promise<void> {
    if (!(await this.records.sessionInProgram(sessionId, programId))) {
      throw badRequest('sessionId is not a session of this program');
    }
  }

  /** A case to link: of the program, and one the caller may read (so nobody links a draft they cannot see). */
  private async checkCase(viewer: Viewer, programId: string, caseId: string, role?: ProgramRole | null) {
    const c = await this.records.echoCase(caseId, programId);
    if (!c || !(await this.mayReadCase(viewer, c, role))) {
      throw badRequest('caseId is not a case of this program that you may read');
    }
  }

  private async mayReadCase(viewer: Viewer, c: EchoCase, role?: ProgramRole | null): Promise<boolean> {
    const programRole = role === undefined ? await this.access.programRole(viewer, c.programId) : role;
    if (!viewer.isAdmin && programRole === null) return false;
    return caseReadableBy(c, viewer.id, viewer.isAdmin || (programRole !== null && HUB_MANAGERS.includes(programRole)));
  }

  /** The linked case as this reader may see it: what it is, or only that there is one. */
  private async linkedCase(viewer: Viewer, caseId: string, role?: ProgramRole | null): Promise<LinkedCase | null> {
    const c = await this.records.echoCase(caseId);
    if (!c) return null;
    if (!(await this.mayReadCase(viewer, c, role))) return { visible: false };
    return { visible: true, id: c.id, title: c.title, status: c.status, sessionId: c.sessionId };
  }

  /** Attachments the author uploaded to this group and refers to in the post become the post's. */
  private async linkAttachments(post: Post, groupId: string, uploaderId: string): Promise<void> {
    const ids = [...new Set([...post.body.matchAll(ATTACHMENT_REF)].map((m) => m[1].toLowerCase()))].slice(0, 50);
    if (!ids.length) return;
    await this.records.claimAttachments(post.id, ids, groupId, uploaderId);
  }

  /** Notifies the people replied to and mentioned (once each, never the actor, only if they can read it). */
  private async notifyPeople(
    thread: Thread,
    group: CommunityGroup,
    post: Post,
    actor: User,
    replies: Map<string, NotificationKind>,
    mentioned: string[],
  ): Promise<void> {
    const recipients = new Map<string, NotificationKind>(replies);
    for (const id of mentioned) recipients.set(id, 'mention');
    recipients.delete(actor.id);
    for (const [userId, kind] of recipients) {
      if (!(await this.access.canUserRead(userId, thread, group))) continue;
      await this.notifications.notify({
        userId,
        kind,
        programId: thread.programId,
        groupId: group.id,
        threadId: thread.id,
        postId: post.id,
        actor: { id: actor.id, displayName: actor.displayName },
        title: thread.title,
        excerpt: excerpt(post.body),
      });
    }
  }
}
