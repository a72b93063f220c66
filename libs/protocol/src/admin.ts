import type { ProgramRole, UserDto } from './auth';

/** An account as an instance admin sees it in the admin area. */
export interface AdminUserDto extends UserDto {
  /** Set when an admin disabled the account (no sign-in, no API, sockets closed). */
  disabledAt: string | null;
  /** Set once the person's data was erased (the row is anonymous). */
  erasedAt: string | null;
  /** The last time the account signed in, if ever. */
  lastSignInAt: string | null;
  memberships: { programId: string; programName: string; role: ProgramRole }[];
}

export interface AdminUsersQuery {
  /** Part of the name or e-mail address, any case. */
  q?: string;
  /** At most this many (1-200, default 50). */
  limit?: number;
  /** The previous page's X-Next-Cursor. */
  cursor?: string;
}

export interface SetAdminRequest {
  isAdmin: boolean;
}

export interface EraseUserRequest {
  /** The account's e-mail address, typed again: erasure cannot be undone. */
  confirmEmail: string;
}

/** What an erasure removed and what it kept, by table (row counts). */
export interface ErasureReport {
  userId: string;
  erasedAt: string;
  deleted: Record<string, number>;
  anonymised: Record<string, number>;
  files: number;
}

export const AdminAction = {
  Disable: 'user.disable',
  Enable: 'user.enable',
  ResetLink: 'user.reset_link',
  GrantAdmin: 'user.grant_admin',
  RevokeAdmin: 'user.revoke_admin',
  Export: 'user.export',
  Erase: 'user.erase',
} as const;
export type AdminAction = (typeof AdminAction)[keyof typeof AdminAction];

/** One entry of the hub-wide audit log of admin actions. */
export interface AdminAuditDto {
  id: string;
  createdAt: string;
  action: AdminAction;
  /** The admin who acted (null once erased). */
  actor: { id: string; displayName: string } | null;
  /** The account acted on (its name as it is now: "Erased user" after an erasure). */
  target: { id: string; displayName: string } | null;
  detail: string;
}
