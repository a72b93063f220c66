import { ForbiddenException, HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';

export const AuthError = {
  InvalidCredentials: 'INVALID_CREDENTIALS',
  EmailTaken: 'EMAIL_TAKEN',
  TokenInvalid: 'TOKEN_INVALID',
  ResetTokenInvalid: 'RESET_TOKEN_INVALID',
  NotMember: 'NOT_A_MEMBER',
  RoleNotAllowed: 'ROLE_NOT_ALLOWED',
  AdminOnly: 'ADMIN_ONLY',
  NoAccessRule: 'NO_ACCESS_RULE',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  AccountDisabled: 'ACCOUNT_DISABLED',
} as const;

export const unauthorized = (message = 'Sign in first: a valid access token is required') =>
  new UnauthorizedException({ error: AuthError.TokenInvalid, message });

export const forbidden = (error: (typeof AuthError)[keyof typeof AuthError], message: string) =>
  new ForbiddenException({ error, message });

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new HttpException(
    {
      error: AuthError.TooManyAttempts,
      message: `Too many attempts: try again in ${retryAfterSeconds} s`,
      retryAfterSeconds,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );

/** An admin disabled the account: no sign-in, and its tokens are refused. */
export const accountDisabled = () =>
  new UnauthorizedException({
    error: AuthError.AccountDisabled,
    message: 'This account is disabled: ask the hub admin',
  });
