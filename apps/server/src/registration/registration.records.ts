import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, In, IsNull, MoreThan } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { Certificate } from '../impact';
import { Program } from '../programs/entities/program.entity';
import { Site } from '../programs/entities/site.entity';
import { EchoSession, SessionSeries } from '../sessions';
import { RegistrationForm } from './entities/registration-form.entity';
import { Registration } from './entities/registration.entity';

/** The registration feature's queries: forms, registrations, and the programs, sites and accounts they read. */
@Injectable()
export class RegistrationRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A program's form (only if open, when asked). */
  form(programId: string, openOnly = false): Promise<RegistrationForm | null> {
    return this.db.getRepository(RegistrationForm).findOneBy({ programId, ...(openOnly && { open: true }) });
  }

  /** Saves `changes` over the program's form, creating it from `created` when there is none. */
  async saveForm(
    existing: RegistrationForm | null,
    created: DeepPartial<RegistrationForm>,
    changes: DeepPartial<RegistrationForm>,
  ): Promise<RegistrationForm> {
    const repo = this.db.getRepository(RegistrationForm);
    return repo.save(repo.merge(existing ?? repo.create(created), changes));
  }

  seriesInProgram(id: string, programId: string): Promise<boolean> {
    return this.db.getRepository(SessionSeries).existsBy({ id, programId });
  }

  siteInProgram(id: string, programId: string): Promise<boolean> {
    return this.db.getRepository(Site).existsBy({ id, programId });
  }

  async addRegistration(row: DeepPartial<Registration>): Promise<void> {
    const repo = this.db.getRepository(Registration);
    await repo.save(repo.create(row));
  }

  /** A program's registrations, newest first (or oldest first). */
  registrations(programId: string, order: 'ASC' | 'DESC' = 'DESC'): Promise<Registration[]> {
    return this.db.getRepository(Registration).find({ where: { programId }, order: { createdAt: order } });
  }

  /** Registrations of these programs from people who agreed to be contacted. */
  contactable(programIds: string[]): Promise<Registration[]> {
    return this.db.getRepository(Registration).find({ where: { programId: In(programIds), consentToContact: true } });
  }

  async markReminded(id: string, sessionId: string, at: string): Promise<void> {
    await this.db.getRepository(Registration).update({ id }, { remindedSessionId: sessionId, remindedAt: at });
  }

  user(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ id });
  }

  /** Account ids by (lower-case) e-mail, for the addresses that have one. */
  async accountsOf(emails: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    // In chunks: SQLite bounds the number of parameters in one statement.
    for (let i = 0; i < emails.length; i += 500) {
      const users = await this.db
        .getRepository(User)
        .find({ where: { email: In(emails.slice(i, i + 500)), erasedAt: IsNull() }, select: ['id', 'email'] });
      for (const u of users) found.set(u.email.toLowerCase(), u.id);
    }
    return found;
  }

  /** Who holds a certificate of the program. */
  async certifiedUserIds(programId: string): Promise<Set<string>> {
    const rows = await this.db.getRepository(Certificate).find({ where: { programId }, select: ['userId'] });
    return new Set(rows.map((c) => c.userId));
  }

  /** Scheduled sessions (not practice) starting after `afterIso`, first first. */
  upcomingSessions(afterIso: string): Promise<EchoSession[]> {
    return this.db.getRepository(EchoSession).find({
      where: { status: 'scheduled', practice: false, startsAt: MoreThan(afterIso) },
      order: { startsAt: 'ASC' },
    });
  }

  programOrFail(id: string): Promise<Program> {
    return this.db.getRepository(Program).findOneByOrFail({ id });
  }

  async programs(ids: string[]): Promise<Map<string, Program>> {
    return new Map((await this.db.getRepository(Program).findBy({ id: In(ids) })).map((p) => [p.id, p]));
  }

  /** A program's sites, by name. */
  sites(programId: string): Promise<Site[]> {
    return this.db.getRepository(Site).find({ where: { programId }, order: { organisation: 'ASC' } });
  }
}
