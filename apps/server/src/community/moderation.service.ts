import {
  type AuditEntryDto,
  CommunityLimits,
  type FlaggedPostDto,
  type PostDto,
  type ProgramRole,
} from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { AuditService } from './audit.service';
import { CommunityAccessService, HUB_MANAGERS, type Viewer } from './community-access.service';
import { CommunityError, conflict, notModerator } from './community.errors';
import type { Page, PageQueryDto } from '../common/page';
import type { AuditQueryDto, FlagDto } from './dto/community.dto';
import type { Post } from './entities/post.entity';
import type { Thread } from './entities/thread.entity';
import { excerpt } from './markdown';
import { ModerationRecords } from './moderation.records';
import { SearchService } from './search.service';
import { ThreadRecords } from './threads.records';
import { ThreadsService } from './threads.service';

/**
 * Flags, hiding and restoring posts, the moderation queue and the audit log. Every moderator
 * action is written to the audit log; hiding keeps the text (moderators and the author still see it).
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly records: ModerationRecords,
    private readonly posts: ThreadRecords,
    private readonly access: CommunityAccessService,
    private readonly threads: ThreadsService,
    private readonly search: SearchService,
    private readonly audit: AuditService,
  ) {}

  /** Anyone who can read a post may flag it once; enough distinct flags hide it until a moderator looks. */
  async flag(viewer: Viewer, postId: string, dto: FlagDto, role?: ProgramRole | null): Promise<{ id: string }> {
    const { post, thread } = await this.threads.loadPost(viewer, postId, role);
    if (post.authorId === viewer.id) throw conflict(CommunityError.OwnPost, 'You cannot flag your own post');
    if (await this.records.hasOpenFlag(postId, viewer.id)) {
      throw conflict(CommunityError.AlreadyFlagged, 'You have already flagged this post');
    }
    const flag = await this.records.addFlag({
      postId,
      userId: viewer.id,
      reason: dto.reason,
      note: dto.note ?? '',
      status: 'open',
      resolvedById: null,
      resolvedAt: null,
    });
    const open = await this.records.openFlagsOn(postId);
    if (!post.hidden && new Set(open.map((f) => f.userId)).size >= CommunityLimits.flagsToHide) {
      await this.setHidden(post, thread, true, null, `Hidden after ${open.length} flags, pending review`);
    }
    return { id: flag.id };
  }

  /** A moderator dismisses the open flags on a post (it stays as it is). */
  async dismissFlags(viewer: Viewer, postId: string, role?: ProgramRole | null): Promise<{ dismissed: number }> {
    const { post, thread, access } = await this.threads.loadPost(viewer, postId, role);
    if (!access.moderate) throw notModerator();
    const affected = await this.records.closeFlags(postId, 'dismissed', viewer.id);
    if (affected) {
      await this.audit.log({
        programId: thread.programId,
        groupId: thread.groupId,
        threadId: thread.id,
        actorId: viewer.id,
        action: 'flags.dismiss',
        targetType: 'post',
        targetId: post.id,
        detail: `${affected} flag${affected === 1 ? '' : 's'} on post #${post.number}`,
      });
    }
    return { dismissed: affected ?? 0 };
  }

  async hide(viewer: Viewer, postId: string, reason: string, role?: ProgramRole | null): Promise<PostDto> {
    const { post, thread, access } = await this.threads.loadPost(viewer, postId, role);
    if (!access.moderate) throw notModerator();
    if (!post.hidden) await this.setHidden(post, thread, true, viewer.id, reason);
    return this.threads.toPostDto(post, this.threads.seer(viewer, access));
  }

  async restore(viewer: Viewer, postId: string, role?: ProgramRole | null): Promise<PostDto> {
    const { post, thread, access } = await this.threads.loadPost(viewer, postId, role);
    if (!access.moderate) throw notModerator();
    if (post.hidden) await this.setHidden(post, thread, false, viewer.id, '');
    return this.threads.toPostDto(post, this.threads.seer(viewer, access));
  }

  private async setHidden(post: Post, thread: Thread, hidden: boolean, actorId: string | null, reason: string) {
    post.hidden = hidden;
    post.hiddenReason = hidden ? reason : null;
    post.hiddenById = hidden ? actorId : null;
    await this.posts.setPostHidden(post, thread);
    if (post.opening) thread.hidden = hidden;
    if (hidden) {
      await this.search.remove(post.id);
      await this.records.closeFlags(post.id, 'resolved', actorId);
    } else if (!post.deletedAt) {
      await this.search.index(post, thread.title);
    }
    await this.audit.log({
      programId: thread.programId,
      groupId: thread.groupId,
      threadId: thread.id,
      actorId,
      action: hidden ? (actorId ? 'post.hide' : 'post.autohide') : 'post.restore',
      targetType: 'post',
      targetId: post.id,
      detail: `post #${post.number} by ${post.author?.displayName ?? post.authorId}` + (reason ? `: ${reason}` : ''),
    });
    await this.threads.broadcastPost(post, thread);
    if (post.opening) await this.threads.broadcastThread(thread);
  }

  /** Groups of the program the caller moderates: 'all' for facilitators, coordinators and admins. */
  private async moderated(viewer: Viewer, programId: string, role?: ProgramRole | null) {
    const programRole = role === undefined ? await this.access.programRole(viewer, programId) : role;
    if (viewer.isAdmin || (programRole && HUB_MANAGERS.includes(programRole))) return 'all' as const;
    const readable = await this.access.readableGroups(viewer, programId, programRole);
    const ids = readable.filter((a) => a.moderate).map((a) => a.group.id);
    if (!ids.length) throw notModerator();
    return ids;
  }

  /** A page of the audit log of the groups the caller moderates (or of one of them). */
  async auditLog(
    viewer: Viewer,
    programId: string,
    query: AuditQueryDto,
    role?: ProgramRole | null,
  ): Promise<Page<AuditEntryDto>> {
    const mine = await this.moderated(viewer, programId, role);
    if (query.groupId) {
      if (mine !== 'all' && !mine.includes(query.groupId)) throw notModerator();
      return this.audit.list(programId, [query.groupId], query);
    }
    return this.audit.list(programId, mine, query);
  }

  /** The moderation queue: a page of the posts with open flags in the groups the caller moderates, oldest first. */
  async flagged(
    viewer: Viewer,
    programId: string,
    role?: ProgramRole | null,
    page: PageQueryDto = {},
  ): Promise<Page<FlaggedPostDto>> {
    const mine = await this.moderated(viewer, programId, role);
    const readable = await this.access.readableGroups(viewer, programId, role);
    const groups = new Map(
      readable.filter((a) => mine === 'all' || mine.includes(a.group.id)).map((a) => [a.group.id, a.group]),
    );
    const posts = await this.records.flaggedPosts([...groups.keys()], page);
    const open = await this.records.openFlagsOnPosts(posts.items.map((p) => p.id));
    return {
      next: posts.next,
      items: posts.items.map((p) => ({
        postId: p.id,
        threadId: p.threadId,
        threadTitle: p.thread?.title ?? '',
        groupId: p.thread?.groupId ?? '',
        groupName: groups.get(p.thread?.groupId ?? '')?.name ?? '',
        author: { id: p.authorId, displayName: p.author?.displayName ?? '' },
        excerpt: excerpt(p.body, 300),
        hidden: p.hidden,
        flags: open
          .filter((f) => f.postId === p.id)
          .map((f) => ({
            reason: f.reason,
            note: f.note,
            by: { id: f.userId, displayName: f.user?.displayName ?? '' },
            createdAt: f.createdAt,
          })),
      })),
    };
  }
}
