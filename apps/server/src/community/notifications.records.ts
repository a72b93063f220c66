import { type DeepPartial, type EntityManager, In, IsNull, LessThan } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { keyset, type Page, type PageQueryDto, type SortKey, toPage } from '../common/page';
import { nowIso } from '../database/columns';
import { NO_TX } from '../database/no-tx';
import { Membership } from '../programs/entities/membership.entity';
import { Program } from '../programs/entities/program.entity';
import { CommunityGroup } from './entities/community-group.entity';
import { Notification } from './entities/notification.entity';
import { Thread } from './entities/thread.entity';
import { recordsOf } from '../database/records';

/** A person's notifications, newest first (the id breaks ties). */
const NEWEST: SortKey<Notification>[] = [
  { expr: 'n.createdAt', dir: 'DESC', of: (n) => n.createdAt },
  { expr: 'n.id', dir: 'DESC', of: (n) => n.id },
];

/** The notifications centre's queries: people's notifications and what they point at. */
export class NotificationQueries {
  constructor(protected readonly em: EntityManager) {}

  addNotification(row: DeepPartial<Notification>): Promise<Notification> {
    const repo = this.em.getRepository(Notification);
    return repo.save(repo.create(row), NO_TX);
  }

  /** A page of a person's notifications, newest first, with their actors. */
  async pageOf(userId: string, page: PageQueryDto): Promise<Page<Notification>> {
    const qb = this.em
      .getRepository(Notification)
      .createQueryBuilder('n')
      .leftJoinAndSelect('n.actor', 'actor')
      .where('n.userId = :userId', { userId });
    return toPage(await keyset(qb, NEWEST, page).getMany(), NEWEST, page);
  }

  /** A person's latest unread notifications (at most `take`). */
  unreadOf(userId: string, take: number): Promise<Notification[]> {
    return this.em
      .getRepository(Notification)
      .find({ where: { userId, readAt: IsNull() }, order: { createdAt: 'DESC' }, take });
  }

  /** Marks a person's unread notifications read (those with these ids, or all; or those of one thread). */
  async markRead(userId: string, only?: { ids: string[] } | { threadId: string }): Promise<void> {
    const where = only && 'ids' in only ? { id: In(only.ids) } : (only ?? {});
    await this.em.getRepository(Notification).update({ userId, readAt: IsNull(), ...where }, { readAt: nowIso() });
  }

  /** Unread and never emailed notifications made before `before`, oldest first (at most `take`). */
  dueForDigest(before: string, take: number): Promise<Notification[]> {
    return this.em.getRepository(Notification).find({
      where: { readAt: IsNull(), emailedAt: IsNull(), createdAt: LessThan(before) },
      relations: { actor: true },
      order: { createdAt: 'ASC' },
      take,
    });
  }

  async markEmailed(ids: string[], at: string): Promise<void> {
    await this.em.getRepository(Notification).update({ id: In(ids) }, { emailedAt: at });
  }

  threads(ids: string[]): Promise<Thread[]> {
    return ids.length ? this.em.getRepository(Thread).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  groups(ids: string[]): Promise<CommunityGroup[]> {
    return ids.length ? this.em.getRepository(CommunityGroup).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Of these programs, those the user is a member of. */
  async programsOf(userId: string, programIds: string[]): Promise<string[]> {
    if (!programIds.length) return [];
    const rows = await this.em.getRepository(Membership).findBy({ userId, programId: In(programIds) });
    return rows.map((m) => m.programId);
  }

  programs(ids: string[]): Promise<Program[]> {
    return this.em.getRepository(Program).findBy({ id: In(ids) });
  }

  user(id: string): Promise<User | null> {
    return this.em.getRepository(User).findOneBy({ id });
  }
}

/** The notifications centre's data access. */
export class NotificationRecords extends recordsOf(NotificationQueries) {}
