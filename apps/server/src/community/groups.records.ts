import type { GroupRole, ProgramRole } from '@echo-hub/protocol';
import { type DeepPartial, type EntityManager, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { keyset, type Page, type PageQueryDto, type SortKey, toPage } from '../common/page';
import { nowIso } from '../database/columns';
import { NO_TX } from '../database/no-tx';
import { Membership } from '../programs/entities/membership.entity';
import { Program } from '../programs/entities/program.entity';
import { Attachment } from './entities/attachment.entity';
import { CommunityGroup } from './entities/community-group.entity';
import { GroupMember } from './entities/group-member.entity';
import { JoinRequest } from './entities/join-request.entity';
import { Post } from './entities/post.entity';
import { ReadMarker } from './entities/read-marker.entity';
import { Thread } from './entities/thread.entity';
import { recordsOf } from '../database/records';

/** Raw counts per group (drivers answer numbers as text or numbers, booleans as 0/1 or t/f). */
export interface ThreadCountRow {
  groupId: string;
  n: string | number;
  last: string | null;
  hidden: string | number | boolean;
}
export interface UnreadRow {
  groupId: string;
  threads: string | number;
  posts: string | number;
}

/** A group's people by name (their account's id breaks ties). */
const PEOPLE_ORDER: SortKey<{ userId: string; user?: User | null }>[] = [
  { expr: 'u.displayName', dir: 'ASC', of: (r) => r.user?.displayName ?? '' },
  { expr: 'u.id', dir: 'ASC', of: (r) => r.userId },
];

/**
 * The queries of groups and of who may read them: groups, group members, join requests, and the program
 * memberships and people they rest on; on the database or inside one transaction.
 */
export class GroupQueries {
  constructor(protected readonly em: EntityManager) {}

  // ---- groups --------------------------------------------------------------------

  group(id: string): Promise<CommunityGroup | null> {
    return this.em.getRepository(CommunityGroup).findOneBy({ id });
  }

  /** A program's groups, open ones first, by name. */
  groupsOf(programId: string): Promise<CommunityGroup[]> {
    return this.em
      .getRepository(CommunityGroup)
      .find({ where: { programId }, order: { isPrivate: 'ASC', name: 'ASC' } });
  }

  addGroup(group: DeepPartial<CommunityGroup>): Promise<CommunityGroup> {
    const repo = this.em.getRepository(CommunityGroup);
    return repo.save(repo.create(group), NO_TX);
  }

  async updateGroup(id: string, fields: Pick<CommunityGroup, 'name' | 'description' | 'isPrivate'>): Promise<void> {
    await this.em.getRepository(CommunityGroup).update({ id }, fields);
  }

  thread(id: string): Promise<Thread | null> {
    return this.em.getRepository(Thread).findOneBy({ id });
  }

  async threadIdsOf(groupId: string): Promise<string[]> {
    return (await this.em.getRepository(Thread).find({ where: { groupId }, select: ['id'] })).map((t) => t.id);
  }

  /** Threads and their latest activity per group, split by hidden or not. */
  threadCounts(groupIds: string[]): Promise<ThreadCountRow[]> {
    return this.em
      .getRepository(Thread)
      .createQueryBuilder('t')
      .select('t.groupId', 'groupId')
      .addSelect('t.hidden', 'hidden')
      .addSelect('COUNT(*)', 'n')
      .addSelect('MAX(t.lastPostAt)', 'last')
      .where('t.groupId IN (:...groupIds)', { groupIds })
      .groupBy('t.groupId')
      .addGroupBy('t.hidden')
      .getRawMany();
  }

  /** Per group, the visible threads and posts this user has not read. */
  unreadByGroup(groupIds: string[], userId: string): Promise<UnreadRow[]> {
    return this.em
      .getRepository(Post)
      .createQueryBuilder('p')
      .innerJoin(Thread, 't', 't.id = p.threadId')
      .leftJoin(ReadMarker, 'm', 'm.threadId = p.threadId AND m.userId = :me', { me: userId })
      .select('t.groupId', 'groupId')
      .addSelect('COUNT(DISTINCT p.threadId)', 'threads')
      .addSelect('COUNT(*)', 'posts')
      .where('t.groupId IN (:...groupIds)', { groupIds })
      .andWhere('t.hidden = :no AND p.hidden = :no AND p.deletedAt IS NULL AND p.authorId != :me', {
        no: false,
        me: userId,
      })
      .andWhere('p.number > COALESCE(m.lastReadPostNumber, 0)')
      .groupBy('t.groupId')
      .getRawMany();
  }

  // ---- group members -------------------------------------------------------------

  memberRow(groupId: string, userId: string, withUser = false): Promise<GroupMember | null> {
    return this.em.getRepository(GroupMember).findOne({ where: { groupId, userId }, relations: { user: withUser } });
  }

  hasMemberRow(groupId: string, userId: string): Promise<boolean> {
    return this.em.getRepository(GroupMember).exist({ where: { groupId, userId } });
  }

  /** A user's rows in these groups. */
  memberRowsOf(userId: string, groupIds: string[]): Promise<GroupMember[]> {
    return groupIds.length
      ? this.em.getRepository(GroupMember).findBy({ groupId: In(groupIds), userId })
      : Promise.resolve([]);
  }

  /** A group's member rows (with the people, when asked). */
  memberRows(groupId: string, withUsers = false): Promise<GroupMember[]> {
    return this.em.getRepository(GroupMember).find({ where: { groupId }, relations: { user: withUsers } });
  }

  /** A page of a private group's members (PEOPLE_ORDER), with their accounts. */
  async memberRowPage(groupId: string, page: PageQueryDto): Promise<Page<GroupMember>> {
    const qb = this.em
      .getRepository(GroupMember)
      .createQueryBuilder('gm')
      .innerJoinAndSelect('gm.user', 'u')
      .where('gm.groupId = :groupId', { groupId });
    return toPage(await keyset(qb, PEOPLE_ORDER, page).getMany(), PEOPLE_ORDER, page);
  }

  /** A page of the program's members (an open group's people, PEOPLE_ORDER), with their accounts. */
  async membershipPage(programId: string, page: PageQueryDto): Promise<Page<Membership>> {
    const qb = this.em
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.programId = :programId', { programId });
    return toPage(await keyset(qb, PEOPLE_ORDER, page).getMany(), PEOPLE_ORDER, page);
  }

  moderatorRows(groupId: string): Promise<GroupMember[]> {
    return this.em.getRepository(GroupMember).findBy({ groupId, role: 'moderator' });
  }

  async memberCounts(groupIds: string[]): Promise<{ groupId: string; n: string | number }[]> {
    return this.em
      .getRepository(GroupMember)
      .createQueryBuilder('gm')
      .select('gm.groupId', 'groupId')
      .addSelect('COUNT(*)', 'n')
      .where('gm.groupId IN (:...groupIds)', { groupIds })
      .groupBy('gm.groupId')
      .getRawMany();
  }

  async addMemberRow(groupId: string, userId: string, role: GroupRole): Promise<void> {
    const repo = this.em.getRepository(GroupMember);
    await repo.save(repo.create({ groupId, userId, role }), NO_TX);
  }

  async setMemberRole(id: string, role: GroupRole): Promise<void> {
    await this.em.getRepository(GroupMember).update({ id }, { role });
  }

  async removeMemberRow(id: string): Promise<void> {
    await this.em.getRepository(GroupMember).delete({ id });
  }

  // ---- join requests -------------------------------------------------------------

  latestJoinRequest(groupId: string, userId: string): Promise<JoinRequest | null> {
    return this.em.getRepository(JoinRequest).findOne({ where: { groupId, userId }, order: { createdAt: 'DESC' } });
  }

  /** A user's requests to join these groups, oldest first. */
  joinRequestsOf(userId: string, groupIds: string[]): Promise<JoinRequest[]> {
    return groupIds.length
      ? this.em
          .getRepository(JoinRequest)
          .find({ where: { groupId: In(groupIds), userId }, order: { createdAt: 'ASC' } })
      : Promise.resolve([]);
  }

  pendingJoinRequests(groupId: string): Promise<JoinRequest[]> {
    return this.em.getRepository(JoinRequest).find({
      where: { groupId, status: 'pending' },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
  }

  joinRequest(id: string, groupId: string): Promise<JoinRequest | null> {
    return this.em.getRepository(JoinRequest).findOne({ where: { id, groupId }, relations: { user: true } });
  }

  addJoinRequest(request: DeepPartial<JoinRequest>): Promise<JoinRequest> {
    const repo = this.em.getRepository(JoinRequest);
    return repo.save(repo.create(request), NO_TX);
  }

  async saveJoinRequest(request: JoinRequest): Promise<void> {
    await this.em.getRepository(JoinRequest).save(request, NO_TX);
  }

  /** Someone added by a moderator: their pending requests count as approved by that moderator. */
  async approvePendingRequests(groupId: string, userId: string, decidedById: string): Promise<void> {
    await this.em
      .getRepository(JoinRequest)
      .update({ groupId, userId, status: 'pending' }, { status: 'approved', decidedById, decidedAt: nowIso() });
  }

  // ---- the program and people ----------------------------------------------------

  membership(programId: string, userId: string, withUser = false): Promise<Membership | null> {
    return this.em.getRepository(Membership).findOne({ where: { programId, userId }, relations: { user: withUser } });
  }

  /** The user's role in each of these programs they are a member of. */
  async rolesOf(userId: string, programIds: string[]): Promise<Map<string, ProgramRole>> {
    const rows = await this.em.getRepository(Membership).findBy({ userId, programId: In(programIds) });
    return new Map(rows.map((m) => [m.programId, m.role]));
  }

  isProgramMember(programId: string, userId: string): Promise<boolean> {
    return this.em.getRepository(Membership).exist({ where: { programId, userId } });
  }

  /** A program's memberships (with the people, when asked). */
  memberships(programId: string, withUsers = false): Promise<Membership[]> {
    return this.em.getRepository(Membership).find({ where: { programId }, relations: { user: withUsers } });
  }

  countMemberships(programId: string): Promise<number> {
    return this.em.getRepository(Membership).count({ where: { programId } });
  }

  program(id: string): Promise<Program> {
    return this.em.getRepository(Program).findOneByOrFail({ id });
  }

  user(id: string): Promise<User | null> {
    return this.em.getRepository(User).findOneBy({ id });
  }

  userOrFail(id: string): Promise<User> {
    return this.em.getRepository(User).findOneByOrFail({ id });
  }

  // ---- program scope of community ids (for the route guard) ----------------------

  async programIdOfGroup(id: string): Promise<string | undefined> {
    return (await this.em.getRepository(CommunityGroup).findOne({ where: { id }, select: ['programId'] }))?.programId;
  }

  async programIdOfThread(id: string): Promise<string | undefined> {
    return (await this.em.getRepository(Thread).findOne({ where: { id }, select: ['programId'] }))?.programId;
  }

  async programIdOfPost(id: string): Promise<string | undefined> {
    return (await this.em.getRepository(Post).findOne({ where: { id }, relations: { thread: true } }))?.thread
      ?.programId;
  }

  async programIdOfAttachment(id: string): Promise<string | undefined> {
    return (await this.em.getRepository(Attachment).findOne({ where: { id }, relations: { group: true } }))?.group
      ?.programId;
  }
}

/** Groups' data access: every query of groups, members, join requests and access rules is here. */
export class GroupRecords extends recordsOf(GroupQueries) {}
