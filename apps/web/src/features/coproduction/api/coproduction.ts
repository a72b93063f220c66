import type {
  AccessibilityNeedDto,
  AssignCoproductionRoleRequest,
  CoproductionPaymentDto,
  CoproductionPaymentRequest,
  CoproductionRoleDto,
  PaymentStatus,
} from '@echo-hub/protocol';
import { api, apiPage, request } from '../../../lib/api';
import { fetchFile, saveBlob } from '../../../lib/download';

/** Where roles are held: a session or a community group. */
export interface RolePlace {
  kind: 'sessions' | 'groups';
  id: string;
}

const rolesOf = (p: RolePlace) => `/${p.kind}/${encodeURIComponent(p.id)}/coproduction-roles`;
const payments = (programId: string) => `/programs/${encodeURIComponent(programId)}/coproduction-payments`;

export const listRoles = (place: RolePlace) => api<CoproductionRoleDto[]>(rolesOf(place));
export const assignRole = (place: RolePlace, body: AssignCoproductionRoleRequest) =>
  api<CoproductionRoleDto[]>(rolesOf(place), request('POST', body));
export const removeRole = (place: RolePlace, userId: string) =>
  api<void>(`${rolesOf(place)}/${encodeURIComponent(userId)}`, request('DELETE'));

export const listAccessibilityNeeds = (sessionId: string) =>
  api<AccessibilityNeedDto[]>(`/sessions/${encodeURIComponent(sessionId)}/accessibility-needs`);

export const listPayments = (programId: string, cursor?: string | null) =>
  apiPage<CoproductionPaymentDto>(payments(programId), cursor);
export const recordPayment = (programId: string, body: CoproductionPaymentRequest) =>
  api<CoproductionPaymentDto>(payments(programId), request('POST', body));
export const setPaymentStatus = (programId: string, id: string, status: PaymentStatus) =>
  api<CoproductionPaymentDto>(`${payments(programId)}/${encodeURIComponent(id)}`, request('PATCH', { status }));

export async function downloadPaymentsCsv(programId: string): Promise<void> {
  const { blob, name } = await fetchFile(`${payments(programId)}.csv`);
  saveBlob(blob, name ?? 'coproduction-payments.csv');
}
