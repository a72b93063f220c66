import type { LoginResponse, MeResponse, RegisterResponse, ResetLinkResponse, UserDto } from '@echo-hub/protocol';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { RateLimitService } from '../common/rate-limit.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { nowIso } from '../database/columns';
import { MailService } from '../mail/mail.service';
import { DomainCode, DomainError, ErrorKind, notFound } from '../common/domain-error';
import { type CurrentRights, RightsService } from '../realtime/rights.service';
import { accountDisabled, AuthError, tooManyAttempts, unauthorized } from './auth.errors';
import { resolveAuthSecret } from './auth-secret';
import { AuthRecords } from './auth.records';
import type { AuthUser } from './auth.types';
import type { LoginDto, RegisterDto } from './dto/auth.dto';
import { passwordProblem } from './password-policy';
import { seal, unseal } from './sealed-token';
import type { User } from './entities/user.entity';
import { ProgramMemberships } from './program-memberships';

const RESET_TTL_MS = 2 * 60 * 60 * 1000;
const ACTIVATION_TTL_MS = 24 * 60 * 60 * 1000;

/** What an activation link carries, sealed: the sign-up as it was asked for. */
interface PendingSignUp {
  email: string;
  displayName: string;
  passwordHash: string;
}
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export function toUserDto(u: User): UserDto {
  return { id: u.id, email: u.email, displayName: u.displayName, isAdmin: u.isAdmin, createdAt: u.createdAt };
}

interface TokenPayload {
  sub: string;
  sid: string;
}

@Injectable()
export class AuthService {
  private readonly sealingSecret: string;

  constructor(
    private readonly records: AuthRecords,
    private readonly memberships: ProgramMemberships,
    private readonly jwt: JwtService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimits: RateLimitService,
    private readonly rights: RightsService,
  ) {
    this.sealingSecret = resolveAuthSecret(config);
  }

  /**
   * A sign-up from the web: the same answer whether the e-mail is new or taken, so it reveals no account.
   * With SMTP, a new address is sent an activation link (the account is created when it is opened, so signing
   * in afterwards cannot tell either) and a taken one a note to its owner. Without SMTP nobody can prove owning
   * the address: the account is created at once, as before (only a sign-in with the chosen password then tells,
   * and sign-ins are rate limited per address).
   */
  async signUp(dto: RegisterDto): Promise<RegisterResponse> {
    if (!this.mail.enabled) {
      await this.register(dto).catch((e: unknown) => {
        if (!(e instanceof DomainError && e.code === AuthError.EmailTaken)) throw e;
      });
      return { next: 'sign-in' };
    }
    // Hashed either way, so both answers take as long.
    const passwordHash = await hashPassword(dto.password);
    const owner = await this.records.userByEmail(dto.email);
    if (owner) {
      await this.mail.send(
        owner.email,
        'Someone tried to create an ECHO Hub account with your e-mail',
        `Hello ${owner.displayName},

Someone (perhaps you) tried to create a new ECHO Hub account with this ` +
          `e-mail address, which already has one. Nothing was changed. If you forgot your password, choose a ` +
          `new one here:

${this.config.publicUrl}/forgot-password

Otherwise you can ignore this email.`,
      );
    } else {
      const link = `${this.config.publicUrl}/activate?token=${this.activationToken({ ...dto, passwordHash })}`;
      await this.mail.send(
        dto.email,
        'Confirm your ECHO Hub account',
        `Hello ${dto.displayName},

Open this link within 24 hours to finish creating your ECHO Hub account:` +
          `

${link}

If you did not ask for an account, ignore this email: none will be created.`,
      );
    }
    return { next: 'check-email' };
  }

  /** The token of an activation link (public for tests, which cannot read the mail). */
  activationToken({ email, displayName, passwordHash }: PendingSignUp): string {
    return seal({ email, displayName, passwordHash } satisfies PendingSignUp, this.sealingSecret, ACTIVATION_TTL_MS);
  }

  /** Opens a mailed activation link: creates the account it was asked for (409 if the e-mail got one since). */
  async activate(token: string): Promise<UserDto> {
    const pending = unseal<PendingSignUp>(token, this.sealingSecret);
    if (!pending) {
      throw new DomainError(
        ErrorKind.Unauthenticated,
        AuthError.ActivationInvalid,
        'The activation link is invalid or expired: sign up again',
      );
    }
    return this.createUser(pending);
  }

  /** Creates an account at once (tests, seed, hubs without SMTP). The first account on an empty database becomes instance admin. */
  async register(dto: RegisterDto): Promise<UserDto> {
    // Hash first: the transaction holds SQLite's one connection, and hashing takes a while.
    const passwordHash = await hashPassword(dto.password);
    return this.createUser({ email: dto.email, displayName: dto.displayName, passwordHash });
  }

  private createUser(dto: PendingSignUp): Promise<UserDto> {
    const { passwordHash } = dto;
    return this.records.transaction(async (tx) => {
      if (await tx.emailTaken(dto.email)) {
        throw new DomainError(ErrorKind.Conflict, AuthError.EmailTaken, 'email is already registered');
      }
      const isAdmin = (await tx.countUsers()) === 0;
      const user = await tx.addUser({
        email: dto.email,
        displayName: dto.displayName,
        passwordHash,
        isAdmin,
        calendarToken: newToken(),
      });
      return toUserDto(user);
    });
  }

  async login(dto: LoginDto, clientIp: string, userAgent?: string): Promise<LoginResponse> {
    await this.limitAttempts('login', clientIp, dto.email);
    const user = await this.records.userByEmail(dto.email);
    // Verify against a dummy hash when the account is unknown, so timing does not reveal it.
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, dto.password).catch(() => false);
    if (!user || !ok) throw unauthorizedCredentials();
    if (user.disabledAt) throw accountDisabled();
    const session = await this.records.addSignIn({
      userId: user.id,
      revokedAt: null,
      userAgent: userAgent?.slice(0, 255) ?? null,
    });
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: session.id } satisfies TokenPayload);
    return { accessToken, user: toUserDto(user) };
  }

  /** Bearer header (or bare token, for the socket.io handshake) → the signed-in user; 401 otherwise. */
  async authenticate(header: string | undefined): Promise<AuthUser> {
    const token = header?.startsWith('Bearer ') ? header.slice(7) : header;
    if (!token) throw unauthorized();
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw unauthorized('The access token is invalid or has expired: sign in again');
    }
    const session = await this.records.openSignIn(payload.sid);
    if (!session?.user || session.userId !== payload.sub) throw unauthorized('This sign-in has ended: sign in again');
    const { user } = session;
    if (user.disabledAt) throw accountDisabled();
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      isAdmin: user.isAdmin,
      sessionId: session.id,
    };
  }

  async logout(user: AuthUser): Promise<void> {
    await this.records.revokeSignIn(user.sessionId, nowIso());
    await this.rights.lost({ userId: user.id, authSessionIds: [user.sessionId] }); // its sockets close
  }

  /** Changes the password and ends every other sign-in of the account. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.records.userOrFail(user.id);
    if (!(await verify(account.passwordHash, currentPassword).catch(() => false))) {
      throw unauthorizedCredentials('currentPassword is not right');
    }
    refuseGuessablePassword(newPassword, account);
    await this.records.setPasswordHash(user.id, await hashPassword(newPassword));
    const ended = await this.records.revokeSignIns(user.id, nowIso(), user.sessionId);
    await this.rights.lost({ userId: user.id, authSessionIds: ended }); // their sockets close
  }

  /** Emails a reset link when SMTP is configured. Says nothing about whether the account exists. */
  async requestReset(email: string, clientIp: string): Promise<void> {
    await this.limitAttempts('reset', clientIp, email);
    const user = await this.records.userByEmail(email);
    if (!user || !this.mail.enabled) return;
    const { resetUrl } = await this.issueReset(user.id);
    await this.mail.send(
      user.email,
      'Reset your ECHO Hub password',
      `Hello ${user.displayName},\n\nSomeone (hopefully you) asked to reset your ECHO Hub password. ` +
        `Open this link within 2 hours to choose a new one:\n\n${resetUrl}\n\nIf it was not you, ignore this email.`,
    );
  }

  /** For instances without SMTP: an admin hands the link to the person. */
  async issueReset(userId: string): Promise<ResetLinkResponse> {
    if (!(await this.records.userExists(userId))) {
      throw notFound(`user ${userId}`);
    }
    const token = newToken();
    const expiresAt = new Date(Date.now() + RESET_TTL_MS).toISOString();
    await this.records.addReset({ userId, tokenHash: sha256(token), expiresAt, usedAt: null });
    return { resetUrl: `${this.config.publicUrl}/reset-password?token=${token}`, expiresAt };
  }

  /** Uses a reset token once, sets the password and ends every sign-in of the account. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const reset = await this.records.unusedReset(sha256(token));
    if (!reset || reset.expiresAt < nowIso()) {
      throw unauthorized('The reset link is invalid, used or expired: ask for a new one');
    }
    refuseGuessablePassword(newPassword, await this.records.userOrFail(reset.userId));
    const now = nowIso();
    await this.records.markResetUsed(reset.id, now);
    await this.records.setPasswordHash(reset.userId, await hashPassword(newPassword));
    await this.records.revokeSignIns(reset.userId, now);
    await this.rights.lost({ userId: reset.userId, authSessionIds: 'all' }); // every socket of theirs closes
  }

  async me(user: AuthUser): Promise<MeResponse> {
    const account = await this.records.userOrFail(user.id);
    return { user: toUserDto(account), memberships: await this.memberships.programsOf(user.id) };
  }

  /** What a sign-in may do now (RightsService asks, through the reader the auth module gives it). */
  async rightsOf(user: { id: string; sessionId: string }, programId?: string): Promise<CurrentRights | null> {
    const session = await this.records.openSignIn(user.sessionId);
    if (!session?.user || session.userId !== user.id) return null;
    const role = programId ? await this.memberships.roleOf(programId, user.id) : null;
    return { isAdmin: session.user.isAdmin, role };
  }

  /**
   * Counts an attempt per client address and account (guessing one password) and per address
   * whatever the account (password spraying), across instances; 429 with Retry-After over either.
   */
  private async limitAttempts(kind: 'login' | 'reset', clientIp: string, email: string): Promise<void> {
    const { loginRateLimit, loginAddressRateLimit } = this.config.auth;
    const limit = await this.rateLimits.consumeAll([
      { key: `${kind}:${clientIp}|${email}`, limit: loginRateLimit, ttlMs: 60_000 },
      { key: `${kind}:${clientIp}`, limit: loginAddressRateLimit, ttlMs: 15 * 60_000 },
    ]);
    if (!limit.allowed) throw tooManyAttempts(limit.retryAfterSeconds);
  }
}

/** @node-rs/argon2 hashes with argon2id by default (19 MiB, 2 passes: OWASP's minimum). */
const hashPassword = (password: string) => hash(password);
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$od4oSax2EfZbY8geUcsngg$pbWwCqeEfw2AHT5MomLrRlwHXPJHojxFiTq3Hw7v0tE';
/**
 * The DTO checked the new password on its own; the account's e-mail and name are known only here (reset, change).
 * 400 naming `newPassword` like any validation error.
 */
function refuseGuessablePassword(newPassword: string, account: User): void {
  const problem = passwordProblem(newPassword, 'newPassword', account);
  if (problem) {
    throw new DomainError(ErrorKind.Invalid, DomainCode.ValidationFailed, problem, {
      fields: [{ field: 'newPassword', messages: [problem] }],
    });
  }
}
const unauthorizedCredentials = (message = 'email or password is not right') =>
  new DomainError(ErrorKind.Unauthenticated, AuthError.InvalidCredentials, message);
