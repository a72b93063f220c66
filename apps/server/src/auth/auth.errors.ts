import { DomainError, ErrorKind } from '../common/domain-error';

export const AuthError = {
  InvalidCredentials: 'INVALID_CREDENTIALS',
  EmailTaken: 'EMAIL_TAKEN',
  TokenInvalid: 'TOKEN_INVALID',
  ResetTokenInvalid: 'RESET_TOKEN_INVALID',
  ActivationInvalid: 'ACTIVATION_INVALID',
  NotMember: 'NOT_A_MEMBER',
  RoleNotAllowed: 'ROLE_NOT_ALLOWED',
  AdminOnly: 'ADMIN_ONLY',
  NoAccessRule: 'NO_ACCESS_RULE',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  AccountDisabled: 'ACCOUNT_DISABLED',
} as const;

export const unauthorized = (message = 'Sign in first: a valid access token is required') =>
  new DomainError(ErrorKind.Unauthenticated, AuthError.TokenInvalid, message);

export const forbidden = (error: (typeof AuthError)[keyof typeof AuthError], message: string) =>
  new DomainError(ErrorKind.Forbidden, error, message);

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new DomainError(
    ErrorKind.RateLimited,
    AuthError.TooManyAttempts,
    `Too many attempts: try again in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
  );

/** An admin disabled the account: no sign-in, and its tokens are refused. */
export const accountDisabled = () =>
  new DomainError(ErrorKind.Unauthenticated, AuthError.AccountDisabled, 'This account is disabled: ask the hub admin');
