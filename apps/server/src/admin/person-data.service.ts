import { AdminAction, type ErasureReport } from '@echo-hub/protocol';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import archiver from 'archiver';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { AuthUser } from '../auth/auth.types';
import { AuthSession } from '../auth/entities/auth-session.entity';
import { PasswordReset } from '../auth/entities/password-reset.entity';
import { CaseAttachment } from '../cases/entities/case-attachment.entity';
import { CaseConfirmation } from '../cases/entities/case-confirmation.entity';
import { EchoCase } from '../cases/entities/echo-case.entity';
import { Recommendation } from '../cases/entities/recommendation.entity';
import { Attachment } from '../community/entities/attachment.entity';
import { AuditEntry } from '../community/entities/audit-entry.entity';
import { Bookmark } from '../community/entities/bookmark.entity';
import { Flag } from '../community/entities/flag.entity';
import { GroupMember } from '../community/entities/group-member.entity';
import { JoinRequest } from '../community/entities/join-request.entity';
import { Notification } from '../community/entities/notification.entity';
import { PostRevision } from '../community/entities/post-revision.entity';
import { Post } from '../community/entities/post.entity';
import { Reaction } from '../community/entities/reaction.entity';
import { ReadMarker } from '../community/entities/read-marker.entity';
import { Thread } from '../community/entities/thread.entity';
import { nowIso } from '../database/columns';
import { AttendanceCorrection } from '../impact/entities/attendance-correction.entity';
import { Certificate } from '../impact/entities/certificate.entity';
import { SurveyRecipient } from '../impact/entities/survey-recipient.entity';
import { Attendance } from '../live/entities/attendance.entity';
import { ChatMessageEntity } from '../live/entities/chat-message.entity';
import { Invitation } from '../programs/entities/invitation.entity';
import { Membership } from '../programs/entities/membership.entity';
import { RealtimeService } from '../realtime/realtime.service';
import { StorageService } from '../storage/storage.service';
import { AdminRecords } from './admin.records';
import { AdminService } from './admin.service';
import { AdminAuditEntry } from './entities/admin-audit.entity';

/** A table that holds something about a person, and the column that names them. */
interface PersonTable {
  name: string;
  entity: EntityTarget<ObjectLiteral>;
  column: string;
}

/** Everything about a person, by table (data.json of the export lists them in this order). */
const TABLES: PersonTable[] = [
  { name: 'signIns', entity: AuthSession, column: 'userId' },
  { name: 'programMemberships', entity: Membership, column: 'userId' },
  { name: 'invitationsSent', entity: Invitation, column: 'createdById' },
  { name: 'attendance', entity: Attendance, column: 'userId' },
  { name: 'liveChat', entity: ChatMessageEntity, column: 'userId' },
  { name: 'casesPresented', entity: EchoCase, column: 'presenterId' },
  { name: 'caseConfirmations', entity: CaseConfirmation, column: 'confirmedById' },
  { name: 'caseAttachments', entity: CaseAttachment, column: 'uploaderId' },
  { name: 'recommendations', entity: Recommendation, column: 'authorId' },
  { name: 'groupMemberships', entity: GroupMember, column: 'userId' },
  { name: 'joinRequests', entity: JoinRequest, column: 'userId' },
  { name: 'threads', entity: Thread, column: 'authorId' },
  { name: 'posts', entity: Post, column: 'authorId' },
  { name: 'postEdits', entity: PostRevision, column: 'editorId' },
  { name: 'communityAttachments', entity: Attachment, column: 'uploaderId' },
  { name: 'reactions', entity: Reaction, column: 'userId' },
  { name: 'bookmarks', entity: Bookmark, column: 'userId' },
  { name: 'flags', entity: Flag, column: 'userId' },
  { name: 'readMarkers', entity: ReadMarker, column: 'userId' },
  { name: 'notifications', entity: Notification, column: 'userId' },
  { name: 'certificates', entity: Certificate, column: 'userId' },
  { name: 'attendanceCorrections', entity: AttendanceCorrection, column: 'userId' },
  { name: 'surveysReceived', entity: SurveyRecipient, column: 'userId' },
  { name: 'moderationActions', entity: AuditEntry, column: 'actorId' },
  { name: 'adminActionsOnAccount', entity: AdminAuditEntry, column: 'targetUserId' },
];

/** Secrets that are never exported (hashes of tokens, the calendar feed's secret). */
const SECRET_FIELDS = new Set(['passwordHash', 'calendarToken', 'tokenHash']);

export const ERASED_NAME = 'Erased user';
export const ERASED_TEXT = '[erased at the request of its author]';

/**
 * A person's data: the export (UK GDPR right of access, HIPAA's right to a copy) and erasure
 * (right to erasure) under the policy in the README ("A person's data").
 */
@Injectable()
export class PersonDataService {
  private readonly logger = new Logger(PersonDataService.name);

  constructor(
    private readonly records: AdminRecords,
    private readonly storage: StorageService,
    private readonly admin: AdminService,
    private readonly realtime: RealtimeService,
  ) {}

  /** Everything the hub keeps about `userId`, as JSON (secrets left out). */
  async collect(userId: string): Promise<Record<string, unknown>> {
    const account = await this.records.accountOrFail(userId);
    const data: Record<string, unknown> = {
      exportedAt: nowIso(),
      note: 'Survey answers are stored without the id of whoever answered, so they cannot be part of this export.',
      account: withoutSecrets(account),
    };
    for (const t of TABLES) {
      const rows = await this.records.rowsWhere(t.entity, { [t.column]: userId });
      data[t.name] = rows.map(withoutSecrets);
    }
    return data;
  }

  /** Streams a zip: data.json, and the files the person uploaded under files/. */
  async export(userId: string, res: Response): Promise<void> {
    const data = await this.collect(userId);
    const files = [
      ...(data.caseAttachments as CaseAttachment[]).map((a) => ({ key: `cases/${a.storedName}`, a })),
      ...(data.communityAttachments as Attachment[]).map((a) => ({ key: `community/${a.storedName}`, a })),
    ];
    const zip = archiver('zip', { zlib: { level: 6 } });
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="echo-hub-data-${data.exportedAt as string}.zip"`);
    res.setHeader('Cache-Control', 'no-store');
    zip.on('warning', (e) => this.logger.warn(`export: ${e.message}`));
    zip.on('error', (e) => {
      this.logger.error(`export failed: ${e.message}`);
      res.destroy(e);
    });
    zip.pipe(res);
    zip.append(JSON.stringify(data, null, 2), { name: 'data.json' });
    for (const { key, a } of files) {
      try {
        const name = `files/${key.split('/')[0]}/${a.id}-${a.originalName.replace(/[/\\]/g, '_')}`;
        zip.append(await this.storage.get(key), { name });
      } catch (e) {
        this.logger.warn(`export: ${key} could not be read: ${(e as Error).message}`);
      }
    }
    await zip.finalize();
  }

  /**
   * Erases the person's personal data and the authorship of what they wrote, keeping the figures that count
   * them (attendance minutes, survey response rates, case and recommendation counts) on the anonymous account.
   */
  async erase(admin: AuthUser, userId: string, confirmEmail: string): Promise<ErasureReport> {
    const account = await this.admin.find(userId, { notSelf: admin });
    if (account.erasedAt) return { userId, erasedAt: account.erasedAt, deleted: {}, anonymised: {}, files: 0 };
    if (confirmEmail.toLowerCase() !== account.email.toLowerCase()) {
      throw new BadRequestException({
        error: 'BAD_REQUEST',
        message: "confirmEmail must be the account's e-mail address",
        fields: [{ field: 'confirmEmail', messages: ["confirmEmail must be the account's e-mail address"] }],
      });
    }
    const erasedAt = nowIso();
    const report: ErasureReport = { userId, erasedAt, deleted: {}, anonymised: {}, files: 0 };
    const files: string[] = [];
    await this.records.transaction(async (tx) => {
      const del = async (name: string, entity: EntityTarget<ObjectLiteral>, where: ObjectLiteral) => {
        report.deleted[name] = await tx.deleteWhere(entity, where);
      };
      const set = async (name: string, entity: EntityTarget<ObjectLiteral>, where: ObjectLiteral, to: object) => {
        report.anonymised[name] = await tx.updateWhere(entity, where, to);
      };
      // Uploaded community files go with their rows; case files stay with the (de-identified) case.
      const uploads = await tx.communityUploadsOf(userId);
      files.push(...uploads.map((a) => `community/${a.storedName}`));
      const postIds = await tx.postIdsOf(userId);

      await del('signIns', AuthSession, { userId });
      await del('resetLinks', PasswordReset, { userId });
      await del('programMemberships', Membership, { userId });
      await del('invitationsToTheirAddress', Invitation, { email: account.email });
      await del('groupMemberships', GroupMember, { userId });
      await del('joinRequests', JoinRequest, { userId });
      await del('reactions', Reaction, { userId });
      await del('bookmarks', Bookmark, { userId });
      await del('flags', Flag, { userId });
      await del('readMarkers', ReadMarker, { userId });
      await del('notifications', Notification, { userId });
      await del('certificates', Certificate, { userId });
      await del('communityAttachments', Attachment, { uploaderId: userId });
      await del(
        'postEdits',
        PostRevision,
        postIds.length ? [{ editorId: userId }, { postId: In(postIds) }] : { editorId: userId },
      );

      await set('posts', Post, { authorId: userId }, { body: ERASED_TEXT, mentionedUserIds: [] });
      await set('threads', Thread, { authorId: userId }, { title: ERASED_TEXT });
      await set(
        'liveChat',
        ChatMessageEntity,
        { userId },
        { text: ERASED_TEXT, displayName: ERASED_NAME, confirmedFindings: [] },
      );
      // Kept as they are, now counted for an anonymous account: attendance, survey recipients, cases presented,
      // case confirmations and attachments, recommendations, invitations sent, moderation and admin audit entries.
      report.anonymised.attendance = await tx.countWhere(Attendance, { userId });
      report.anonymised.casesPresented = await tx.countWhere(EchoCase, { presenterId: userId });
      report.anonymised.recommendations = await tx.countWhere(Recommendation, { authorId: userId });

      await tx.updateAccount(userId, {
        email: `erased-${userId}@erased.invalid`,
        displayName: ERASED_NAME,
        passwordHash: '!',
        calendarToken: randomBytes(32).toString('base64url'),
        isAdmin: false,
        disabledAt: erasedAt,
        erasedAt,
      });
      // The audit entry of an erasure, in the erasure's transaction (counts only: the e-mail is gone).
      await tx.addAudit(admin.id, AdminAction.Erase, userId, '');
    });
    this.realtime.disconnectUser(userId);
    for (const key of files) await this.storage.discard(key);
    report.files = files.length;
    return report;
  }
}

function withoutSecrets(row: ObjectLiteral): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_FIELDS.has(k)));
}
