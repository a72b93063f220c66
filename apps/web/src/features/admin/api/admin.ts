import type { AdminAuditDto, AdminUserDto, ErasureReport, ResetLinkResponse } from '@echo-hub/protocol';
import { api, apiPage, request } from '../../../lib/api';
import { fetchFile, saveBlob } from '../../../lib/download';

const user = (id: string) => `/admin/users/${encodeURIComponent(id)}`;

/** A page of the accounts matching `q`, oldest first; `cursor`: the previous page's `next`. */
export const searchUsers = (q: string, cursor?: string | null) =>
  apiPage<AdminUserDto>(`/admin/users?${new URLSearchParams({ q, limit: '100' }).toString()}`, cursor);

export const disableUser = (id: string) => api<AdminUserDto>(`${user(id)}/disable`, request('POST'));
export const enableUser = (id: string) => api<AdminUserDto>(`${user(id)}/enable`, request('POST'));
export const setAdmin = (id: string, isAdmin: boolean) =>
  api<AdminUserDto>(`${user(id)}/admin`, request('PUT', { isAdmin }));
export const resetLink = (id: string) => api<ResetLinkResponse>(`${user(id)}/reset-link`, request('POST'));
export const eraseUser = (id: string, confirmEmail: string) =>
  api<ErasureReport>(`${user(id)}/erase`, request('POST', { confirmEmail }));

/** A page of the admins' audit log, newest first. */
export const auditLog = (cursor?: string | null) => apiPage<AdminAuditDto>('/admin/audit?limit=100', cursor);

/** Downloads a person's data (theirs as an admin, or one's own with `id` null). */
export async function downloadExport(id: string | null): Promise<void> {
  const { blob, name } = await fetchFile(id ? `${user(id)}/export` : '/me/export');
  saveBlob(blob, name ?? 'echo-hub-data.zip');
}
