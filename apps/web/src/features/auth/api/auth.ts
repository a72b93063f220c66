import type {
  ActivateRequest,
  ChangePasswordRequest,
  RegisterRequest,
  RegisterResponse,
  ResetLinkResponse,
  ResetPasswordRequest,
  ResetRequest,
  UserDto,
} from '@echo-hub/protocol';
import { api, request } from '../../../lib/api';

export const register = (body: RegisterRequest) => api<RegisterResponse>('/auth/register', request('POST', body));

/** Opens the link mailed after a sign-up: the account is created. */
export const activate = (body: ActivateRequest) => api<{ user: UserDto }>('/auth/activate', request('POST', body));

export const changePassword = (body: ChangePasswordRequest) => api<void>('/auth/password', request('POST', body));

export const requestPasswordReset = (body: ResetRequest) => api<void>('/auth/reset-request', request('POST', body));

export const resetPassword = (body: ResetPasswordRequest) => api<void>('/auth/reset', request('POST', body));

/** Admin only: a reset link to hand to someone, for hubs that cannot send email. */
export const createResetLink = (userId: string) =>
  api<ResetLinkResponse>(`/admin/users/${encodeURIComponent(userId)}/reset-link`, request('POST'));
