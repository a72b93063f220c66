import type { AuditEntryDto } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { Page, PageQueryDto } from '../common/page';
import { ModerationRecords } from './moderation.records';

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
  constructor(private readonly records: ModerationRecords) {}

  async log(entry: AuditInput): Promise<void> {
    await this.records.addAuditEntry({ ...entry, threadId: entry.threadId ?? null, detail: entry.detail ?? '' });
  }

  /** A page of the log, newest first, for the groups given (those the caller moderates). */
  async list(programId: string, groupIds: string[] | 'all', page: PageQueryDto): Promise<Page<AuditEntryDto>> {
    if (!groupIds.length) return { items: [] };
    const rows = await this.records.auditEntries(programId, groupIds, page);
    const names = await this.records.groupNames(programId);
    return {
      ...rows,
      items: rows.items.map((r) => ({
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
      })),
    };
  }
}
