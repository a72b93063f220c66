import type { NotificationDto, NotificationKind, NotificationsResponse } from '@echo-hub/protocol';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Page, PageQueryDto } from '../common/page';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { RealtimeService } from '../realtime/realtime.service';
import { CommunityAccessService, type Viewer } from './community-access.service';
import type { Notification } from './entities/notification.entity';
import { NotificationRecords } from './notifications.records';

export interface NotifyInput {
  userId: string;
  kind: NotificationKind;
  programId: string;
  groupId: string | null;
  threadId?: string | null;
  postId?: string | null;
  caseId?: string | null;
  actor: { id: string; displayName: string } | null;
  title: string;
  excerpt?: string;
}

/** Notifications not read in the app within this long go into the email digest. */
export const DIGEST_GRACE_MS = 15 * 60_000;
const DIGEST_EVERY_MS = 15 * 60_000;

const toDto = (n: Notification, actorName?: string): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  programId: n.programId,
  groupId: n.groupId,
  threadId: n.threadId,
  postId: n.postId,
  caseId: n.caseId,
  actor: n.actorId ? { id: n.actorId, displayName: actorName ?? n.actor?.displayName ?? '' } : null,
  title: n.title,
  excerpt: n.excerpt,
  createdAt: n.createdAt,
  readAt: n.readAt,
});

const KIND_TEXT: Record<NotificationKind, string> = {
  mention: 'mentioned you in',
  reply: 'replied to you in',
  join_request: 'asked to join',
  join_decided: 'decided on your request to join',
  recommendations: 'sent recommendations for your case',
  case_returned: 'ended the session before discussing your case',
};

/** Renders one person's digest email (plain text). */
export function digestText(
  items: { kind: NotificationKind; actorName: string | null; title: string; excerpt: string; url: string }[],
  publicUrl: string,
): string {
  const lines = items.map(
    (i) =>
      `- ${i.actorName ?? 'Someone'} ${KIND_TEXT[i.kind]} "${i.title}"` +
      (i.excerpt ? `\n  ${i.excerpt}` : '') +
      `\n  ${i.url}`,
  );
  return (
    `You have ${items.length} unread notification${items.length === 1 ? '' : 's'} on ECHO Hub:\n\n` +
    `${lines.join('\n\n')}\n\nSee them all: ${publicUrl}/notifications\n`
  );
}

/**
 * The notifications centre: rows per person, pushed live to `user:<id>`, listed only while the
 * person can still read what they point at; and, when SMTP is configured, an email digest of
 * those left unread.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly records: NotificationRecords,
    private readonly realtime: RealtimeService,
    private readonly access: CommunityAccessService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    // Does nothing without SMTP (sendDigests checks), so instances agree on the schedule whatever their mail.
    this.jobs.every('community.digests', DIGEST_EVERY_MS, () => this.sendDigests());
  }

  async notify(input: NotifyInput): Promise<void> {
    const row = await this.records.addNotification({
      userId: input.userId,
      kind: input.kind,
      programId: input.programId,
      groupId: input.groupId,
      threadId: input.threadId ?? null,
      postId: input.postId ?? null,
      caseId: input.caseId ?? null,
      actorId: input.actor?.id ?? null,
      title: input.title.slice(0, 200),
      excerpt: (input.excerpt ?? '').slice(0, 300),
      readAt: null,
      emailedAt: null,
    });
    this.realtime.to(`user:${input.userId}`, 'notification', toDto(row, input.actor?.displayName));
  }

  /**
   * A page of the notifications the person may still follow, newest first (a thread they lost access to, or a
   * case of a program they left, drops out, so a page may hold fewer than its limit), and how many are unread
   * (of the latest 200 unread).
   */
  async list(viewer: Viewer, page: PageQueryDto = {}): Promise<{ page: Page<NotificationDto>; unread: number }> {
    const rows = await this.records.pageOf(viewer.id, page);
    const unread = await this.records.unreadOf(viewer.id, 200);
    // One visibility check for the page and the unread together (the same threads, groups and programs).
    const visible = new Set((await this.stillVisible(viewer, [...rows.items, ...unread])).map((n) => n.id));
    return {
      page: { ...rows, items: rows.items.filter((n) => visible.has(n.id)).map((n) => toDto(n)) },
      unread: unread.filter((n) => visible.has(n.id)).length,
    };
  }

  /** Marks some (or all) read; answers the first page. */
  async markRead(viewer: Viewer, ids?: string[]): Promise<NotificationsResponse> {
    if (!ids || ids.length) await this.records.markRead(viewer.id, ids && { ids });
    const { page, unread } = await this.list(viewer);
    return { items: page.items, unread };
  }

  /** Marks read what points into one thread (the person has opened it). */
  async markThreadRead(userId: string, threadId: string): Promise<void> {
    await this.records.markRead(userId, { threadId });
  }

  private async stillVisible(viewer: Viewer, rows: Notification[]): Promise<Notification[]> {
    const threadIds = [...new Set(rows.flatMap((n) => (n.threadId ? [n.threadId] : [])))];
    const threads = await this.records.threads(threadIds);
    const groupIds = [
      ...new Set([...rows.flatMap((n) => (n.groupId ? [n.groupId] : [])), ...threads.map((t) => t.groupId)]),
    ];
    const groups = await this.records.groups(groupIds);
    const readable = await this.access.accessAcross(viewer, groups);
    const threadById = new Map(threads.map((t) => [t.id, t]));
    const casePrograms = [...new Set(rows.flatMap((n) => (n.caseId ? [n.programId] : [])))];
    const memberOf = new Set(viewer.isAdmin ? [] : await this.records.programsOf(viewer.id, casePrograms));
    return rows.filter((n) => {
      if (n.kind === 'join_request' || n.kind === 'join_decided') return true;
      if (n.caseId) return viewer.isAdmin || memberOf.has(n.programId);
      const t = n.threadId ? threadById.get(n.threadId) : undefined;
      const a = t ? readable.get(t.groupId) : undefined;
      return Boolean(t && a?.read && (!t.hidden || a.moderate || t.authorId === viewer.id));
    });
  }

  /** Emails each person one digest of notifications left unread for a while (never twice). */
  async sendDigests(now = Date.now()): Promise<number> {
    if (!this.mail.enabled) return 0;
    const due = await this.records.dueForDigest(new Date(now - DIGEST_GRACE_MS).toISOString(), 2000);
    const byUser = new Map<string, Notification[]>();
    for (const n of due) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
    let sent = 0;
    for (const [userId, items] of byUser) {
      const user = await this.records.user(userId);
      if (!user) continue;
      const visible = await this.stillVisible(user, items);
      if (visible.length) {
        const programs = await this.records.programs([...new Set(visible.map((n) => n.programId))]);
        const subject = `ECHO Hub: ${visible.length} unread in ${programs.map((p) => p.name).join(', ')}`;
        const text = digestText(
          visible.map((n) => ({
            kind: n.kind,
            actorName: n.actor?.displayName ?? null,
            title: n.title,
            excerpt: n.excerpt,
            url: n.caseId
              ? `${this.config.publicUrl}/cases/${n.caseId}`
              : n.threadId
                ? `${this.config.publicUrl}/threads/${n.threadId}${n.postId ? `#post-${n.postId}` : ''}`
                : `${this.config.publicUrl}/groups/${n.groupId ?? ''}`,
          })),
          this.config.publicUrl,
        );
        if (await this.mail.send(user.email, subject, text)) sent++;
        else continue;
      }
      await this.records.markEmailed(
        items.map((n) => n.id),
        new Date(now).toISOString(),
      );
    }
    return sent;
  }
}
