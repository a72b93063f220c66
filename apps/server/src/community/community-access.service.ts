import { type GroupAccess, PERMISSIONS, type ProgramRole } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { User } from '../auth/entities/user.entity';
import { DomainError, ErrorKind } from '../common/domain-error';
import type { Membership } from '../programs/entities/membership.entity';
import { notFound, privateGroup } from './community.errors';
import type { CommunityGroup } from './entities/community-group.entity';
import type { GroupMember } from './entities/group-member.entity';
import type { JoinRequest } from './entities/join-request.entity';
import type { Thread } from './entities/thread.entity';
import { GroupRecords } from './groups.records';
import type { MentionCandidate } from './markdown';

/** Who is asking (an AuthUser, or the user behind a socket). */
export interface Viewer {
  id: string;
  isAdmin: boolean;
}

/** Facilitators and coordinators moderate every group of their program, private ones included. */
export const HUB_MANAGERS: readonly ProgramRole[] = PERMISSIONS['community.manage'];

export interface ResolvedAccess extends GroupAccess {
  group: CommunityGroup;
  programRole: ProgramRole | null;
}

/**
 * The community's one access rule, used by REST services and the socket gateway alike:
 * - open groups: every member of the program reads and posts;
 * - private groups: their members (and moderators) only;
 * - moderators: the group's own moderators, the program's facilitators and coordinators, instance
 *   admins. They read every group of the program (they must see what they moderate).
 * Being a program member at all is checked first (by the route guard, and again here for sockets).
 */
@Injectable()
export class CommunityAccessService {
  constructor(private readonly records: GroupRecords) {}

  async programRole(viewer: Viewer, programId: string): Promise<ProgramRole | null> {
    const m = await this.records.membership(programId, viewer.id);
    return m?.role ?? null;
  }

  async group(id: string): Promise<CommunityGroup> {
    const group = await this.records.group(id);
    if (!group) throw notFound(`group ${id}`);
    return group;
  }

  async thread(id: string): Promise<Thread> {
    const thread = await this.records.thread(id);
    if (!thread) throw notFound(`thread ${id}`);
    return thread;
  }

  /** What `viewer` may do in `group` (programRole: pass it when the guard already looked it up). */
  async access(viewer: Viewer, group: CommunityGroup, programRole?: ProgramRole | null): Promise<ResolvedAccess> {
    const role = programRole === undefined ? await this.programRole(viewer, group.programId) : programRole;
    const row = await this.records.memberRow(group.id, viewer.id);
    const pending = group.isPrivate && !row ? await this.latestRequest(group.id, viewer.id) : null;
    return this.compute(viewer, group, role, row, pending);
  }

  /** The same for many groups of one program in two queries. */
  accessMany(viewer: Viewer, groups: CommunityGroup[], programRole: ProgramRole | null) {
    return this.accessEach(viewer, groups, () => programRole);
  }

  /** The same for groups of any programs, in three queries (the viewer's roles in them read at once). */
  async accessAcross(viewer: Viewer, groups: CommunityGroup[]): Promise<Map<string, ResolvedAccess>> {
    if (!groups.length) return new Map();
    const roles = await this.records.rolesOf(viewer.id, [...new Set(groups.map((g) => g.programId))]);
    return this.accessEach(viewer, groups, (g) => roles.get(g.programId) ?? null);
  }

  private async accessEach(
    viewer: Viewer,
    groups: CommunityGroup[],
    roleIn: (group: CommunityGroup) => ProgramRole | null,
  ): Promise<Map<string, ResolvedAccess>> {
    const ids = groups.map((g) => g.id);
    const rows = await this.records.memberRowsOf(viewer.id, ids);
    const requests = await this.records.joinRequestsOf(viewer.id, ids);
    const latest = new Map(requests.map((r) => [r.groupId, r]));
    return new Map(
      groups.map((g) => [
        g.id,
        this.compute(viewer, g, roleIn(g), rows.find((r) => r.groupId === g.id) ?? null, latest.get(g.id) ?? null),
      ]),
    );
  }

  private compute(
    viewer: Viewer,
    group: CommunityGroup,
    programRole: ProgramRole | null,
    row: GroupMember | null,
    request: JoinRequest | null,
  ): ResolvedAccess {
    const inProgram = viewer.isAdmin || programRole !== null;
    const manager = viewer.isAdmin || (programRole !== null && HUB_MANAGERS.includes(programRole));
    const moderate = inProgram && (manager || row?.role === 'moderator');
    const read = inProgram && (moderate || !group.isPrivate || row !== null);
    const joinRequest =
      !row && request && (request.status === 'pending' || request.status === 'declined') ? request.status : null;
    return { group, programRole, read, post: read, moderate, role: row?.role ?? null, joinRequest };
  }

  private latestRequest(groupId: string, userId: string): Promise<JoinRequest | null> {
    return this.records.latestJoinRequest(groupId, userId);
  }

  /** Access to a group the caller must be able to read (403 PRIVATE_GROUP otherwise). */
  async readableGroup(viewer: Viewer, groupId: string, programRole?: ProgramRole | null): Promise<ResolvedAccess> {
    const access = await this.access(viewer, await this.group(groupId), programRole);
    if (!access.read) throw privateGroup();
    return access;
  }

  /**
   * A thread the caller may read: its group is readable, and a hidden thread only by moderators and
   * its author (others get 404, as if it were not there).
   */
  async readableThread(
    viewer: Viewer,
    threadId: string,
    programRole?: ProgramRole | null,
  ): Promise<{ thread: Thread; access: ResolvedAccess }> {
    const thread = await this.thread(threadId);
    const access = await this.readableGroup(viewer, thread.groupId, programRole);
    if (thread.hidden && !access.moderate && thread.authorId !== viewer.id) throw notFound(`thread ${threadId}`);
    return { thread, access };
  }

  /** Groups of a program the viewer may read (for search, notifications and the audit log). */
  async readableGroups(viewer: Viewer, programId: string, programRole?: ProgramRole | null) {
    const role = programRole === undefined ? await this.programRole(viewer, programId) : programRole;
    const groups = await this.records.groupsOf(programId);
    const access = await this.accessMany(viewer, groups, role);
    return groups.map((g) => access.get(g.id)).filter((a): a is ResolvedAccess => Boolean(a?.read));
  }

  /**
   * People who can read the group and so may be mentioned in it: every program member for an open
   * group; members plus the program's facilitators and coordinators for a private one.
   */
  async mentionable(group: CommunityGroup): Promise<MentionCandidate[]> {
    const members = await this.records.memberships(group.programId, true);
    let readers = members;
    if (group.isPrivate) {
      const rows = await this.records.memberRows(group.id);
      const inGroup = new Set(rows.map((r) => r.userId));
      readers = members.filter((m) => inGroup.has(m.userId) || HUB_MANAGERS.includes(m.role));
    }
    return readers
      .filter((m): m is Membership & { user: User } => Boolean(m.user))
      .map((m) => ({ id: m.userId, displayName: m.user.displayName, email: m.user.email }));
  }

  /** Whether `userId` (a stored id, not the caller) can read a thread now: for notifications and watchers. */
  async canUserRead(userId: string, thread: Thread, group?: CommunityGroup): Promise<boolean> {
    const user = await this.records.user(userId);
    if (!user) return false;
    const access = await this.access(user, group ?? (await this.group(thread.groupId)));
    return access.read && (!thread.hidden || access.moderate || thread.authorId === userId);
  }

  /** The room to join for a socket watch request, or why not. */
  async watchRoom(
    viewer: Viewer,
    req: { threadId?: string; groupId?: string },
  ): Promise<{ room: string } | { denied: 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_PAYLOAD' }> {
    if (Boolean(req.threadId) === Boolean(req.groupId)) return { denied: 'INVALID_PAYLOAD' };
    try {
      if (req.threadId) {
        await this.readableThread(viewer, req.threadId);
        return { room: `thread:${req.threadId}` };
      }
      const groupId = req.groupId ?? '';
      await this.readableGroup(viewer, groupId);
      return { room: `group:${groupId}` };
    } catch (e) {
      if (e instanceof DomainError && e.kind === ErrorKind.NotFound) return { denied: 'NOT_FOUND' };
      if (e instanceof DomainError && e.kind === ErrorKind.Forbidden) return { denied: 'FORBIDDEN' };
      throw e;
    }
  }
}
