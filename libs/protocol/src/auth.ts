export interface UserDto {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  createdAt: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
}

/**
 * The answer to a sign-up, the same whether or not the e-mail already has an account (so it reveals none):
 * `check-email` when the hub sends mail (the account exists once the link in it is opened; the owner of a
 * taken address is told instead), `sign-in` when it cannot (the account was created, unless the e-mail was taken).
 */
export interface RegisterResponse {
  next: 'check-email' | 'sign-in';
}

/** The link mailed after a sign-up. */
export interface ActivateRequest {
  token: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  user: UserDto;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ResetRequest {
  email: string;
}

export interface ResetPasswordRequest {
  token: string;
  newPassword: string;
}

/** An admin-issued reset link, for instances without SMTP. */
export interface ResetLinkResponse {
  resetUrl: string;
  expiresAt: string;
}

export interface MeResponse {
  user: UserDto;
  memberships: { programId: string; programName: string; role: ProgramRole }[];
}

export const PASSWORD_MIN_LENGTH = 10;

export const ProgramRole = {
  Facilitator: 'facilitator',
  Expert: 'expert',
  Coordinator: 'coordinator',
  Participant: 'participant',
} as const;
export type ProgramRole = (typeof ProgramRole)[keyof typeof ProgramRole];
export const PROGRAM_ROLES = Object.values(ProgramRole);

/** How someone takes part: needed for representation figures (service users and carers). */
export const ParticipationType = {
  Staff: 'staff',
  Volunteer: 'volunteer',
  ServiceUser: 'service_user',
  Carer: 'carer',
} as const;
export type ParticipationType = (typeof ParticipationType)[keyof typeof ParticipationType];
export const PARTICIPATION_TYPES = Object.values(ParticipationType);
