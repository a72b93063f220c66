import {
  type AdminAuditDto,
  AdminAction,
  type AdminUserDto,
  type ProgramRole,
  type ResetLinkResponse,
} from '@echo-hub/protocol';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthService, toUserDto } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth.types';
import { User } from '../auth/entities/user.entity';
import type { Page, PageQueryDto } from '../common/page';
import { nowIso } from '../database/columns';
import { RealtimeService } from '../realtime/realtime.service';
import { AdminRecords } from './admin.records';

export const AdminError = {
  NotYourself: 'NOT_YOURSELF',
  Erased: 'ACCOUNT_ERASED',
} as const;

/** The admin area: accounts (search, disable, reset link, admin role) and the hub-wide audit log of these actions. */
@Injectable()
export class AdminService {
  constructor(
    private readonly records: AdminRecords,
    private readonly auth: AuthService,
    private readonly realtime: RealtimeService,
  ) {}

  /** A page of the accounts whose name or e-mail contains `q` (any case), oldest first. */
  async users(q = '', page: PageQueryDto = {}): Promise<Page<AdminUserDto>> {
    const { items, next } = await this.records.accounts(q, page);
    return { next, items: await this.describe(items) };
  }

  async user(id: string): Promise<AdminUserDto> {
    const [described] = await this.describe([await this.find(id)]);
    return described;
  }

  /** Ends every sign-in and socket of the account and refuses new ones until enabled again. */
  async disable(admin: AuthUser, id: string): Promise<AdminUserDto> {
    const account = await this.find(id, { notSelf: admin });
    const now = nowIso();
    if (!account.disabledAt) {
      await this.records.updateAccount(id, { disabledAt: now });
      await this.records.revokeSignIns(id, now);
      await this.log(admin, AdminAction.Disable, id);
    }
    // Its open sockets close (on every instance); they cannot connect again with a revoked sign-in.
    this.realtime.disconnectUser(id);
    return this.user(id);
  }

  async enable(admin: AuthUser, id: string): Promise<AdminUserDto> {
    const account = await this.find(id);
    if (account.erasedAt) throw erased();
    if (account.disabledAt) {
      await this.records.updateAccount(id, { disabledAt: null });
      await this.log(admin, AdminAction.Enable, id);
    }
    return this.user(id);
  }

  async setAdmin(admin: AuthUser, id: string, isAdmin: boolean): Promise<AdminUserDto> {
    const account = await this.find(id, { notSelf: admin });
    if (account.erasedAt) throw erased();
    if (account.isAdmin !== isAdmin) {
      await this.records.updateAccount(id, { isAdmin });
      await this.log(admin, isAdmin ? AdminAction.GrantAdmin : AdminAction.RevokeAdmin, id);
    }
    return this.user(id);
  }

  async resetLink(admin: AuthUser, id: string): Promise<ResetLinkResponse> {
    const account = await this.find(id);
    if (account.erasedAt) throw erased();
    const link = await this.auth.issueReset(id);
    await this.log(admin, AdminAction.ResetLink, id, `valid until ${link.expiresAt}`);
    return link;
  }

  /** A page of the audit log, newest first. */
  async audit(page: PageQueryDto = {}): Promise<Page<AdminAuditDto>> {
    const { items: rows, next } = await this.records.audit(page);
    const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.targetUserId]).filter((x): x is string => !!x))];
    const people = await this.records.accountsByIds(ids);
    const name = new Map(people.map((p) => [p.id, p.displayName]));
    const ref = (id: string | null) => (id ? { id, displayName: name.get(id) ?? '' } : null);
    const items = rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      action: r.action as AdminAction,
      actor: ref(r.actorId),
      target: ref(r.targetUserId),
      detail: r.detail,
    }));
    return { items, next };
  }

  /** Writes one entry of the admins' audit log (never personal data in `detail`). */
  async log(admin: AuthUser, action: AdminAction, targetUserId: string, detail = ''): Promise<void> {
    await this.records.addAudit(admin.id, action, targetUserId, detail);
  }

  /** The account, or 404; 409 when `notSelf` is the caller acting on their own account. */
  async find(id: string, options: { notSelf?: AuthUser } = {}): Promise<User> {
    const account = await this.records.account(id);
    if (!account) throw new NotFoundException({ error: 'NOT_FOUND', message: `user ${id} not found` });
    if (options.notSelf?.id === id) {
      throw new ConflictException({
        error: AdminError.NotYourself,
        message: 'An admin cannot do this to their own account',
      });
    }
    return account;
  }

  /** The accounts with their programs and last sign-in. */
  private async describe(users: User[]): Promise<AdminUserDto[]> {
    if (users.length === 0) return [];
    const ids = users.map((u) => u.id);
    const memberships = await this.records.memberships(ids);
    const last = await this.records.lastSignIns(ids);
    return users.map((u) => ({
      ...toUserDto(u),
      disabledAt: u.disabledAt,
      erasedAt: u.erasedAt,
      lastSignInAt: last.get(u.id) ?? null,
      memberships: memberships
        .filter((m) => m.userId === u.id)
        .map((m) => ({ programId: m.programId, programName: m.program?.name ?? '', role: m.role as ProgramRole })),
    }));
  }
}

const erased = () =>
  new ConflictException({
    error: AdminError.Erased,
    message: "This account's data was erased: it cannot be used again",
  });
