import {
  type GroupMemberDto,
  type GroupRole,
  type GroupSummary,
  type JoinRequestDto,
  type ProgramRole,
  seesMemberEmails,
} from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { User } from '../auth/entities/user.entity';
import type { Page, PageQueryDto } from '../common/page';
import { nowIso } from '../database/columns';
import { RealtimeService } from '../realtime/realtime.service';
import { AuditService } from './audit.service';
import { CommunityAccessService, HUB_MANAGERS, type ResolvedAccess, type Viewer } from './community-access.service';
import { badRequest, CommunityError, conflict, notFound, notModerator, privateGroup } from './community.errors';
import type { AddGroupMemberDto, CreateGroupDto, JoinGroupDto, UpdateGroupDto } from './dto/community.dto';
import type { CommunityGroup } from './entities/community-group.entity';
import type { GroupMember } from './entities/group-member.entity';
import type { JoinRequest } from './entities/join-request.entity';
import { GroupRecords } from './groups.records';
import { NotificationsService } from './notifications.service';

interface GroupStats {
  threads: number;
  lastPostAt: string | null;
  unreadThreads: number;
  unreadPosts: number;
  members: number;
}

const toJoinRequestDto = (r: JoinRequest, user?: User | null): JoinRequestDto => ({
  id: r.id,
  groupId: r.groupId,
  user: { id: r.userId, displayName: user?.displayName ?? r.user?.displayName ?? '' },
  message: r.message,
  status: r.status,
  createdAt: r.createdAt,
  decidedAt: r.decidedAt,
});

/** Groups, their members and moderators, and requests to join private groups. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly records: GroupRecords,
    private readonly access: CommunityAccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * Every group of the program, open ones first by name. Private groups the caller cannot read are
   * listed (name and description) so people can ask to join, without their activity.
   */
  async list(viewer: Viewer, programId: string, role: ProgramRole | null): Promise<GroupSummary[]> {
    const groups = await this.records.groupsOf(programId);
    const access = await this.access.accessMany(viewer, groups, role);
    const stats = await this.stats(
      viewer,
      groups.filter((g) => access.get(g.id)?.read),
      access,
    );
    return groups.flatMap((g) => {
      const a = access.get(g.id);
      return a ? [this.summary(g, a, stats.get(g.id))] : [];
    });
  }

  async get(viewer: Viewer, groupId: string, role: ProgramRole | null): Promise<GroupSummary> {
    const group = await this.access.group(groupId);
    const a = await this.access.access(viewer, group, role);
    const stats = a.read ? await this.stats(viewer, [group], new Map([[group.id, a]])) : new Map();
    return this.summary(group, a, stats.get(group.id));
  }

  async create(viewer: Viewer, programId: string, dto: CreateGroupDto, role: ProgramRole | null) {
    const group = await this.records.addGroup({
      programId,
      name: dto.name,
      description: dto.description ?? '',
      isPrivate: dto.private ?? false,
      createdById: viewer.id,
    });
    // The creator moderates it (an admin outside the program is a moderator anyway).
    if (role) await this.addRow(group.id, viewer.id, 'moderator');
    await this.audit.log({
      programId,
      groupId: group.id,
      actorId: viewer.id,
      action: 'group.create',
      targetType: 'group',
      targetId: group.id,
      detail: `${group.isPrivate ? 'private' : 'open'} group "${group.name}"`,
    });
    return this.get(viewer, group.id, role);
  }

  async update(viewer: Viewer, groupId: string, dto: UpdateGroupDto, role: ProgramRole | null) {
    const a = await this.moderate(viewer, groupId, role);
    const group = a.group;
    const changes: string[] = [];
    if (dto.name !== undefined && dto.name !== group.name) changes.push(`name: "${group.name}" → "${dto.name}"`);
    if (dto.description !== undefined && dto.description !== group.description) changes.push('description');
    if (dto.private !== undefined && dto.private !== group.isPrivate) {
      changes.push(dto.private ? 'made private' : 'made open');
    }
    await this.records.updateGroup(groupId, {
      name: dto.name ?? group.name,
      description: dto.description ?? group.description,
      isPrivate: dto.private ?? group.isPrivate,
    });
    if (changes.length) {
      await this.audit.log({
        programId: group.programId,
        groupId,
        actorId: viewer.id,
        action: 'group.update',
        targetType: 'group',
        targetId: groupId,
        detail: changes.join('; '),
      });
    }
    if (dto.private && !group.isPrivate) await this.pruneWatchers(groupId);
    return this.get(viewer, groupId, role);
  }

  /**
   * Private group: its members. Open group: everyone in the program, with moderators marked. E-mails only
   * where the viewer `seesMemberEmails` in the program (and their own).
   */
  async members(
    viewer: Viewer,
    groupId: string,
    role: ProgramRole | null,
    page: PageQueryDto = {},
  ): Promise<Page<GroupMemberDto>> {
    const a = await this.access.readableGroup(viewer, groupId, role);
    let people: Page<{ user?: User | null; row: GroupMember | undefined }>;
    if (a.group.isPrivate) {
      const rows = await this.records.memberRowPage(groupId, page);
      people = { ...rows, items: rows.items.map((r) => ({ user: r.user, row: r })) };
    } else {
      const byUser = new Map((await this.records.memberRows(groupId)).map((r) => [r.userId, r]));
      const members = await this.records.membershipPage(a.group.programId, page);
      people = { ...members, items: members.items.map((m) => ({ user: m.user, row: byUser.get(m.userId) })) };
    }
    const program = await this.records.program(a.group.programId);
    const seesEmails = seesMemberEmails({ isAdmin: viewer.isAdmin, role: a.programRole }, program);
    return {
      next: people.next,
      items: people.items.flatMap(({ user, row }) =>
        user
          ? [
              {
                user: {
                  id: user.id,
                  displayName: user.displayName,
                  email: seesEmails || user.id === viewer.id ? user.email : null,
                },
                role: row?.role ?? null,
                joinedAt: row?.createdAt ?? null,
              },
            ]
          : [],
      ),
    };
  }

  async addMember(viewer: Viewer, groupId: string, dto: AddGroupMemberDto, role: ProgramRole | null) {
    const a = await this.moderate(viewer, groupId, role);
    const member = await this.records.membership(a.group.programId, dto.userId, true);
    if (!member) throw badRequest('userId is not a member of this program');
    if (await this.records.hasMemberRow(groupId, dto.userId)) {
      throw conflict(CommunityError.AlreadyMember, 'Already a member of this group: change their role instead');
    }
    const groupRole = dto.role ?? 'member';
    await this.addRow(groupId, dto.userId, groupRole);
    await this.records.approvePendingRequests(groupId, dto.userId, viewer.id);
    await this.audit.log({
      programId: a.group.programId,
      groupId,
      actorId: viewer.id,
      action: 'member.add',
      targetType: 'member',
      targetId: dto.userId,
      detail: `${member.user?.displayName ?? dto.userId} as ${groupRole}`,
    });
    return (await this.members(viewer, groupId, role)).items;
  }

  async updateMember(viewer: Viewer, groupId: string, userId: string, groupRole: GroupRole, role: ProgramRole | null) {
    const a = await this.moderate(viewer, groupId, role);
    const row = await this.records.memberRow(groupId, userId, true);
    if (!row) throw notFound(`member ${userId} of this group`);
    if (row.role !== groupRole) {
      await this.records.setMemberRole(row.id, groupRole);
      await this.audit.log({
        programId: a.group.programId,
        groupId,
        actorId: viewer.id,
        action: 'member.role',
        targetType: 'member',
        targetId: userId,
        detail: `${row.user?.displayName ?? userId}: ${row.role} → ${groupRole}`,
      });
    }
    return (await this.members(viewer, groupId, role)).items;
  }

  /** A moderator removes someone, or someone leaves (always written to the audit log). */
  async removeMember(viewer: Viewer, groupId: string, userId: string, role: ProgramRole | null): Promise<void> {
    const a = await this.access.readableGroup(viewer, groupId, role);
    const self = userId === viewer.id;
    if (!self && !a.moderate) throw notModerator();
    const row = await this.records.memberRow(groupId, userId, true);
    if (!row) throw notFound(`member ${userId} of this group`);
    await this.records.removeMemberRow(row.id);
    await this.audit.log({
      programId: a.group.programId,
      groupId,
      actorId: viewer.id,
      action: self ? 'member.leave' : 'member.remove',
      targetType: 'member',
      targetId: userId,
      detail: `${row.user?.displayName ?? userId} (was ${row.role})`,
    });
    if (a.group.isPrivate) await this.pruneWatchers(groupId, [userId]);
  }

  /** Asks to join a private group; someone who moderates it anyway joins at once. */
  async requestToJoin(viewer: Viewer, groupId: string, dto: JoinGroupDto, role: ProgramRole | null) {
    const group = await this.access.group(groupId);
    const a = await this.access.access(viewer, group, role);
    if (!group.isPrivate) throw conflict(CommunityError.OpenGroup, 'This group is open to every program member');
    if (a.role) throw conflict(CommunityError.AlreadyMember, 'You are already a member of this group');
    if (a.joinRequest === 'pending') {
      throw conflict(CommunityError.RequestPending, 'You have already asked to join: a moderator will decide');
    }
    const user = await this.records.userOrFail(viewer.id);
    if (a.moderate) {
      await this.addRow(groupId, viewer.id, 'member');
      const done = await this.records.addJoinRequest({
        groupId,
        userId: viewer.id,
        message: dto.message ?? '',
        status: 'approved',
        decidedById: viewer.id,
        decidedAt: nowIso(),
      });
      return toJoinRequestDto(done, user);
    }
    const request = await this.records.addJoinRequest({
      groupId,
      userId: viewer.id,
      message: dto.message ?? '',
      status: 'pending',
      decidedById: null,
      decidedAt: null,
    });
    for (const moderatorId of await this.moderatorsToAsk(group)) {
      await this.notifications.notify({
        userId: moderatorId,
        kind: 'join_request',
        programId: group.programId,
        groupId,
        actor: { id: user.id, displayName: user.displayName },
        title: group.name,
        excerpt: dto.message ?? '',
      });
    }
    return toJoinRequestDto(request, user);
  }

  async joinRequests(viewer: Viewer, groupId: string, role: ProgramRole | null): Promise<JoinRequestDto[]> {
    await this.moderate(viewer, groupId, role);
    const rows = await this.records.pendingJoinRequests(groupId);
    return rows.map((r) => toJoinRequestDto(r));
  }

  async decide(
    viewer: Viewer,
    groupId: string,
    requestId: string,
    status: 'approved' | 'declined',
    role: ProgramRole | null,
  ): Promise<JoinRequestDto> {
    const a = await this.moderate(viewer, groupId, role);
    const request = await this.records.joinRequest(requestId, groupId);
    if (!request) throw notFound(`join request ${requestId}`);
    if (request.status !== 'pending') throw conflict(CommunityError.AlreadyDecided, `Already ${request.status}`);
    request.status = status;
    request.decidedById = viewer.id;
    request.decidedAt = nowIso();
    await this.records.saveJoinRequest(request);
    const stillInProgram = await this.records.isProgramMember(a.group.programId, request.userId);
    if (status === 'approved' && stillInProgram) {
      if (!(await this.records.hasMemberRow(groupId, request.userId))) {
        await this.addRow(groupId, request.userId, 'member');
      }
    }
    await this.audit.log({
      programId: a.group.programId,
      groupId,
      actorId: viewer.id,
      action: status === 'approved' ? 'join.approve' : 'join.decline',
      targetType: 'join_request',
      targetId: request.id,
      detail: request.user?.displayName ?? request.userId,
    });
    const moderator = await this.records.userOrFail(viewer.id);
    await this.notifications.notify({
      userId: request.userId,
      kind: 'join_decided',
      programId: a.group.programId,
      groupId,
      actor: { id: moderator.id, displayName: moderator.displayName },
      title: a.group.name,
      excerpt: status === 'approved' ? 'Your request was approved: welcome!' : 'Your request was declined.',
    });
    return toJoinRequestDto(request);
  }

  // ---- helpers -------------------------------------------------------------------

  private async moderate(viewer: Viewer, groupId: string, role: ProgramRole | null): Promise<ResolvedAccess> {
    const a = await this.access.access(viewer, await this.access.group(groupId), role);
    if (!a.read) throw privateGroup();
    if (!a.moderate) throw notModerator();
    return a;
  }

  private addRow(groupId: string, userId: string, role: GroupRole): Promise<void> {
    return this.records.addMemberRow(groupId, userId, role);
  }

  /** The group's own moderators; when it has none, the program's facilitators and coordinators. */
  private async moderatorsToAsk(group: CommunityGroup): Promise<string[]> {
    const own = await this.records.moderatorRows(group.id);
    const inProgram = await this.records.memberships(group.programId);
    const members = new Set(inProgram.map((m) => m.userId));
    const ids = own.map((r) => r.userId).filter((id) => members.has(id));
    if (ids.length) return ids;
    return inProgram.filter((m) => HUB_MANAGERS.includes(m.role)).map((m) => m.userId);
  }

  /** Sockets of people who can no longer read the group leave its rooms (and its threads'). */
  private async pruneWatchers(groupId: string, only?: string[]): Promise<void> {
    const group = await this.access.group(groupId);
    const threadIds = await this.records.threadIdsOf(groupId);
    const rooms = [`group:${groupId}`, ...threadIds.map((id) => `thread:${id}`)];
    const users = only ?? [...new Set((await Promise.all(rooms.map((r) => this.realtime.usersIn(r)))).flat())];
    for (const userId of users) {
      const user = await this.records.user(userId);
      if (user && (await this.access.access(user, group)).read) continue;
      for (const room of rooms) await this.realtime.leaveAll(userId, room);
    }
  }

  private summary(g: CommunityGroup, a: ResolvedAccess, s: GroupStats | undefined): GroupSummary {
    return {
      id: g.id,
      programId: g.programId,
      name: g.name,
      description: g.description,
      isPrivate: g.isPrivate,
      createdAt: g.createdAt,
      threadCount: s?.threads ?? 0,
      memberCount: s?.members ?? 0,
      lastPostAt: s?.lastPostAt ?? null,
      unreadThreads: s?.unreadThreads ?? 0,
      unreadPosts: s?.unreadPosts ?? 0,
      access: { read: a.read, post: a.post, moderate: a.moderate, role: a.role, joinRequest: a.joinRequest },
    };
  }

  /** Thread counts, last activity and unread posts per group, for the readable groups. */
  private async stats(
    viewer: Viewer,
    groups: CommunityGroup[],
    access: Map<string, ResolvedAccess>,
  ): Promise<Map<string, GroupStats>> {
    const result = new Map<string, GroupStats>();
    if (!groups.length) return result;
    const ids = groups.map((g) => g.id);
    const threads = await this.records.threadCounts(ids);
    const unread = await this.records.unreadByGroup(ids, viewer.id);
    const members = await this.records.memberCounts(ids);
    const programMembers = await this.records.countMemberships(groups[0].programId);
    for (const g of groups) {
      const moderate = access.get(g.id)?.moderate ?? false;
      const rows = threads.filter((r) => r.groupId === g.id && (moderate || !truthy(r.hidden)));
      const u = unread.find((r) => r.groupId === g.id);
      const lasts = rows.map((r) => r.last).filter((l): l is string => Boolean(l));
      result.set(g.id, {
        threads: rows.reduce((n, r) => n + Number(r.n), 0),
        lastPostAt: lasts.sort().at(-1) ?? null,
        unreadThreads: Number(u?.threads ?? 0),
        unreadPosts: Number(u?.posts ?? 0),
        members: g.isPrivate ? Number(members.find((m) => m.groupId === g.id)?.n ?? 0) : programMembers,
      });
    }
    return result;
  }
}

const truthy = (v: string | number | boolean) => v === true || v === 1 || v === '1' || v === 't' || v === 'true';
