import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager, In } from 'typeorm';
import { nowIso } from '../database/columns';
import { NO_TX } from '../database/no-tx';
import { AuditEntry } from './entities/audit-entry.entity';
import { CommunityGroup } from './entities/community-group.entity';
import { Flag } from './entities/flag.entity';
import { Post } from './entities/post.entity';
import { Thread } from './entities/thread.entity';

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

  /** Open flags on posts of a program, oldest first, with who flagged. */
  openFlagsIn(programId: string): Promise<Flag[]> {
    return this.em
      .getRepository(Flag)
      .createQueryBuilder('f')
      .leftJoinAndSelect('f.user', 'user')
      .innerJoin(Post, 'p', 'p.id = f.postId')
      .innerJoin(Thread, 't', 't.id = p.threadId')
      .where('f.status = :open AND t.programId = :programId', { open: 'open', programId })
      .orderBy('f.createdAt', 'ASC')
      .getMany();
  }

  async addAuditEntry(entry: DeepPartial<AuditEntry>): Promise<void> {
    const repo = this.em.getRepository(AuditEntry);
    await repo.save(repo.create(entry), NO_TX);
  }

  /** A program's audit entries (of these groups, or all), newest first, with their actors. */
  auditEntries(programId: string, groupIds: string[] | 'all', take: number): Promise<AuditEntry[]> {
    const where = groupIds === 'all' ? { programId } : { programId, groupId: In(groupIds) };
    return this.em
      .getRepository(AuditEntry)
      .find({ where, relations: { actor: true }, order: { createdAt: 'DESC' }, take });
  }

  async groupNames(programId: string): Promise<Map<string, string>> {
    const groups = await this.em.getRepository(CommunityGroup).findBy({ programId });
    return new Map(groups.map((g) => [g.id, g.name]));
  }
}

/** Moderation's data access (flags and the audit log). */
@Injectable()
export class ModerationRecords extends ModerationQueries {
  constructor(@InjectDataSource() db: DataSource) {
    super(db.manager);
  }

  /** Runs `work` in one transaction, its queries going through it. */
  transaction<T>(work: (tx: ModerationQueries) => Promise<T>): Promise<T> {
    return this.em.transaction((tx) => work(new ModerationQueries(tx)));
  }
}
