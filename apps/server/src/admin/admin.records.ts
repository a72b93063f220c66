import { AdminAction } from '@echo-hub/protocol';
import { type EntityManager, type EntityTarget, In, IsNull, type ObjectLiteral } from 'typeorm';
import { AuthSession } from '../auth/entities/auth-session.entity';
import { User } from '../auth/entities/user.entity';
import { keyset, type Page, type PageQueryDto, type SortKey, toPage } from '../common/page';
import { Attachment } from '../community/entities/attachment.entity';
import { Post } from '../community/entities/post.entity';
import { NO_TX } from '../database/no-tx';
import { Membership } from '../programs/entities/membership.entity';
import { AdminAuditEntry } from './entities/admin-audit.entity';
import { recordsOf } from '../database/records';

/** Accounts oldest first, the audit log newest first (the id breaks ties): the keys of their pages. */
const ACCOUNT_KEYS: SortKey<User>[] = [
  { expr: 'u.createdAt', dir: 'ASC', of: (u) => u.createdAt },
  { expr: 'u.id', dir: 'ASC', of: (u) => u.id },
];
const AUDIT_KEYS: SortKey<AdminAuditEntry>[] = [
  { expr: 'a.createdAt', dir: 'DESC', of: (a) => a.createdAt },
  { expr: 'a.id', dir: 'DESC', of: (a) => a.id },
];

type AccountPatch = Partial<
  Pick<User, 'email' | 'displayName' | 'passwordHash' | 'calendarToken' | 'isAdmin' | 'disabledAt' | 'erasedAt'>
>;

/** The admin area's queries, on the database or inside one transaction (see AdminRecords.transaction). */
export class AdminQueries {
  constructor(protected readonly em: EntityManager) {}

  account(id: string): Promise<User | null> {
    return this.em.getRepository(User).findOneBy({ id });
  }

  accountOrFail(id: string): Promise<User> {
    return this.em.getRepository(User).findOneByOrFail({ id });
  }

  /** A page of the accounts whose name or e-mail contains `q` (any case), oldest first. */
  async accounts(q: string, page: PageQueryDto): Promise<Page<User>> {
    const query = this.em.getRepository(User).createQueryBuilder('u');
    if (q) {
      const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.where("(LOWER(u.email) LIKE :like ESCAPE '\\' OR LOWER(u.displayName) LIKE :like ESCAPE '\\')", { like });
    }
    return toPage(await keyset(query, ACCOUNT_KEYS, page).getMany(), ACCOUNT_KEYS, page);
  }

  accountsByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.em.getRepository(User).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async updateAccount(id: string, patch: AccountPatch): Promise<void> {
    await this.em.getRepository(User).update({ id }, patch);
  }

  /** Revokes the account's sign-ins still open. */
  async revokeSignIns(userId: string, at: string): Promise<void> {
    await this.em.getRepository(AuthSession).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** These accounts' memberships with their programs, oldest first. */
  memberships(userIds: string[]): Promise<Membership[]> {
    return this.em
      .getRepository(Membership)
      .find({ where: { userId: In(userIds) }, relations: { program: true }, order: { createdAt: 'ASC' } });
  }

  /** When each of these accounts last signed in. */
  async lastSignIns(userIds: string[]): Promise<Map<string, string>> {
    const rows: { userId: string; last: string }[] = await this.em
      .getRepository(AuthSession)
      .createQueryBuilder('s')
      .select('s.userId', 'userId')
      .addSelect('MAX(s.createdAt)', 'last')
      .where({ userId: In(userIds) })
      .groupBy('s.userId')
      .getRawMany();
    return new Map(rows.map((s) => [s.userId, s.last]));
  }

  /** A page of the admins' audit log, newest first. */
  async audit(page: PageQueryDto): Promise<Page<AdminAuditEntry>> {
    const qb = this.em.getRepository(AdminAuditEntry).createQueryBuilder('a');
    return toPage(await keyset(qb, AUDIT_KEYS, page).getMany(), AUDIT_KEYS, page);
  }

  /** One entry of the admins' audit log. */
  async addAudit(actorId: string, action: AdminAction, targetUserId: string, detail: string): Promise<void> {
    const repo = this.em.getRepository(AdminAuditEntry);
    await repo.save(repo.create({ actorId, action, targetUserId, detail }), NO_TX);
  }

  // ---- a person's data, table by table (person-data.service.ts) ----

  rowsWhere(entity: EntityTarget<ObjectLiteral>, where: ObjectLiteral): Promise<ObjectLiteral[]> {
    return this.em.getRepository(entity).find({ where });
  }

  /** Deletes the rows, returning how many went. */
  async deleteWhere(entity: EntityTarget<ObjectLiteral>, where: ObjectLiteral | ObjectLiteral[]): Promise<number> {
    return (await this.em.getRepository(entity).delete(where)).affected ?? 0;
  }

  /** Updates the rows, returning how many changed. */
  async updateWhere(entity: EntityTarget<ObjectLiteral>, where: ObjectLiteral, to: ObjectLiteral): Promise<number> {
    return (await this.em.getRepository(entity).update(where, to)).affected ?? 0;
  }

  countWhere(entity: EntityTarget<ObjectLiteral>, where: ObjectLiteral): Promise<number> {
    return this.em.getRepository(entity).countBy(where);
  }

  communityUploadsOf(userId: string): Promise<Attachment[]> {
    return this.em.getRepository(Attachment).findBy({ uploaderId: userId });
  }

  async postIdsOf(userId: string): Promise<string[]> {
    return (await this.em.getRepository(Post).find({ where: { authorId: userId }, select: ['id'] })).map((p) => p.id);
  }
}

/** The admin area's data access: every query it makes is here, so PostgreSQL specifics have one home. */
export class AdminRecords extends recordsOf(AdminQueries) {}
