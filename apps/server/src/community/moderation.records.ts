import { type DeepPartial, type EntityManager, In } from 'typeorm';
import { keyset, type Page, type PageQueryDto, type SortKey, toPage } from '../common/page';
import { nowIso } from '../database/columns';
import { NO_TX } from '../database/no-tx';
import { AuditEntry } from './entities/audit-entry.entity';
import { CommunityGroup } from './entities/community-group.entity';
import { Flag } from './entities/flag.entity';
import { Post } from './entities/post.entity';
import { recordsOf } from '../database/records';

/** The audit log, newest first (the id breaks ties). */
const AUDIT_ORDER: SortKey<AuditEntry>[] = [
  { expr: 'a.createdAt', dir: 'DESC', of: (a) => a.createdAt },
  { expr: 'a.id', dir: 'DESC', of: (a) => a.id },
];

/** The moderation queue: flagged posts, oldest first (the id breaks ties). */
const FLAGGED_ORDER: SortKey<Post>[] = [
  { expr: 'p.createdAt', dir: 'ASC', of: (p) => p.createdAt },
  { expr: 'p.id', dir: 'ASC', of: (p) => p.id },
];

/** Moderation's queries: flags on posts and the moderators' audit log. */
export class ModerationQueries {
  constructor(protected readonly em: EntityManager) {}

  hasOpenFlag(postId: string, userId: string): Promise<boolean> {
    return this.em.getRepository(Flag).exist({ where: { postId, userId, status: 'open' } });
  }

  addFlag(flag: DeepPartial<Flag>): Promise<Flag> {
    const repo = this.em.getRepository(Flag);
    return repo.save(repo.create(flag), NO_TX);
  }

  openFlagsOn(postId: string): Promise<Flag[]> {
    return this.em.getRepository(Flag).find({ where: { postId, status: 'open' } });
  }

  /** Closes a post's open flags as `status` (by `actorId`, null: the system); how many there were. */
  async closeFlags(postId: string, status: 'dismissed' | 'resolved', actorId: string | null): Promise<number> {
    const { affected } = await this.em
      .getRepository(Flag)
      .update({ postId, status: 'open' }, { status, resolvedById: actorId, resolvedAt: nowIso() });
    return affected ?? 0;
  }

  /** A page of the posts with open flags in these groups (FLAGGED_ORDER), with their threads and authors. */
  async flaggedPosts(groupIds: string[], page: PageQueryDto): Promise<Page<Post>> {
    if (!groupIds.length) return { items: [] };
    const qb = this.em
      .getRepository(Post)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.thread', 't')
      .leftJoinAndSelect('p.author', 'author')
      .where('t.groupId IN (:...groupIds)', { groupIds })
      .andWhere('EXISTS (SELECT 1 FROM community_flag f WHERE f.post_id = p.id AND f.status = :open)', {
        open: 'open',
      });
    return toPage(await keyset(qb, FLAGGED_ORDER, page).getMany(), FLAGGED_ORDER, page);
  }

  /** The open flags on these posts, oldest first, with who flagged. */
  openFlagsOnPosts(postIds: string[]): Promise<Flag[]> {
    if (!postIds.length) return Promise.resolve([]);
    return this.em.getRepository(Flag).find({
      where: { postId: In(postIds), status: 'open' },
      relations: { user: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async addAuditEntry(entry: DeepPartial<AuditEntry>): Promise<void> {
    const repo = this.em.getRepository(AuditEntry);
    await repo.save(repo.create(entry), NO_TX);
  }

  /** A page of a program's audit entries (of these groups, or all), newest first, with their actors. */
  async auditEntries(programId: string, groupIds: string[] | 'all', page: PageQueryDto): Promise<Page<AuditEntry>> {
    const qb = this.em
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.actor', 'actor')
      .where('a.programId = :programId', { programId });
    if (groupIds !== 'all') qb.andWhere('a.groupId IN (:...groupIds)', { groupIds });
    return toPage(await keyset(qb, AUDIT_ORDER, page).getMany(), AUDIT_ORDER, page);
  }

  async groupNames(programId: string): Promise<Map<string, string>> {
    const groups = await this.em.getRepository(CommunityGroup).findBy({ programId });
    return new Map(groups.map((g) => [g.id, g.name]));
  }
}

/** Moderation's data access (flags and the audit log). */
export class ModerationRecords extends recordsOf(ModerationQueries) {}
