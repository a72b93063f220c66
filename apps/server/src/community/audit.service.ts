import type { AuditEntryDto } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CommunityGroup } from './entities/community-group.entity';
import { AuditEntry } from './entities/audit-entry.entity';
import { NO_TX } from '../database/no-tx';

export interface AuditInput {
  programId: string;
  groupId: string | null;
  threadId?: string | null;
  /** null: the system. */
  actorId: string | null;
  action: string;
  targetType: AuditEntryDto['targetType'];
  targetId: string;
  detail?: string;
}

/** The moderators' audit log: written for every moderator action and every removal; never changed. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async log(entry: AuditInput): Promise<void> {
    const repo = this.db.getRepository(AuditEntry);
    await repo.save(repo.create({ ...entry, threadId: entry.threadId ?? null, detail: entry.detail ?? '' }), NO_TX);
  }

  /** Newest first, for the groups given (those the caller moderates). */
  async list(programId: string, groupIds: string[] | 'all', limit = 200): Promise<AuditEntryDto[]> {
    const where = groupIds === 'all' ? { programId } : groupIds.length ? { programId, groupId: In(groupIds) } : null;
    if (!where) return [];
    const rows = await this.db
      .getRepository(AuditEntry)
      .find({ where, relations: { actor: true }, order: { createdAt: 'DESC' }, take: limit });
    const groups = await this.db.getRepository(CommunityGroup).findBy({ programId });
    const names = new Map(groups.map((g) => [g.id, g.name]));
    return rows.map((r) => ({
      id: r.id,
      programId: r.programId,
      groupId: r.groupId,
      groupName: r.groupId ? (names.get(r.groupId) ?? null) : null,
      threadId: r.threadId,
      actor: r.actor ? { id: r.actor.id, displayName: r.actor.displayName } : null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      detail: r.detail,
      createdAt: r.createdAt,
    }));
  }
}
