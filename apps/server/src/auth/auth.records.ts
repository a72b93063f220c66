import { type DeepPartial, type EntityManager, IsNull, Not } from 'typeorm';
import { AuthSession } from './entities/auth-session.entity';
import { PasswordReset } from './entities/password-reset.entity';
import { User } from './entities/user.entity';
import { recordsOf } from '../database/records';

/** The auth kernel's queries, on the database or inside one transaction (see AuthRecords.transaction). */
export class AuthQueries {
  constructor(protected readonly em: EntityManager) {}

  private get users() {
    return this.em.getRepository(User);
  }

  private get sessions() {
    return this.em.getRepository(AuthSession);
  }

  private get resets() {
    return this.em.getRepository(PasswordReset);
  }

  userByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email } });
  }

  userOrFail(id: string): Promise<User> {
    return this.users.findOneByOrFail({ id });
  }

  userExists(id: string): Promise<boolean> {
    return this.users.exist({ where: { id } });
  }

  emailTaken(email: string): Promise<boolean> {
    return this.users.exist({ where: { email } });
  }

  countUsers(): Promise<number> {
    return this.users.count();
  }

  addUser(row: DeepPartial<User>): Promise<User> {
    return this.users.save(this.users.create(row));
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.users.update({ id: userId }, { passwordHash });
  }

  addSignIn(row: DeepPartial<AuthSession>): Promise<AuthSession> {
    return this.sessions.save(this.sessions.create(row));
  }

  /** The sign-in with its account, while not revoked: one query (findOne with a relation would make two). */
  openSignIn(id: string): Promise<AuthSession | null> {
    return this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.id = :sid AND session.revokedAt IS NULL', { sid: id })
      .getOne();
  }

  async revokeSignIn(id: string, at: string): Promise<void> {
    await this.sessions.update({ id }, { revokedAt: at });
  }

  /** Revokes the account's open sign-ins (all but `except`), returning the ids of those it ended. */
  async revokeSignIns(userId: string, at: string, except?: string): Promise<string[]> {
    const open = { userId, revokedAt: IsNull(), ...(except ? { id: Not(except) } : {}) };
    const ended = (await this.sessions.find({ where: open, select: { id: true } })).map((s) => s.id);
    await this.sessions.update(open, { revokedAt: at });
    return ended;
  }

  addReset(row: DeepPartial<PasswordReset>): Promise<PasswordReset> {
    return this.resets.save(this.resets.create(row));
  }

  /** The reset with this token hash, not yet used. */
  unusedReset(tokenHash: string): Promise<PasswordReset | null> {
    return this.resets.findOne({ where: { tokenHash, usedAt: IsNull() } });
  }

  async markResetUsed(id: string, at: string): Promise<void> {
    await this.resets.update({ id }, { usedAt: at });
  }
}

/** The auth kernel's data access: every query it makes is here, so PostgreSQL specifics have one home. */
export class AuthRecords extends recordsOf(AuthQueries) {}
