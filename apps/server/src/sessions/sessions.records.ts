import { And, type DeepPartial, type EntityManager, In, LessThan, MoreThanOrEqual } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { keyset, type Page, type PageQueryDto, type SortKey, toPage } from '../common/page';
import { Membership } from '../programs/entities/membership.entity';
import { Program } from '../programs/entities/program.entity';
import { AgendaItem } from './entities/agenda-item.entity';
import { EchoSession } from './entities/echo-session.entity';
import { SessionSeries } from './entities/session-series.entity';
import { recordsOf } from '../database/records';

/** A program's sessions in time order (the id breaks ties): the keys of its pages. */
const SESSION_KEYS: SortKey<EchoSession>[] = [
  { expr: 's.startsAt', dir: 'ASC', of: (s) => s.startsAt },
  { expr: 's.id', dir: 'ASC', of: (s) => s.id },
];

/** The sessions feature's queries, on the database or inside one transaction (see SessionRecords.transaction). */
export class SessionQueries {
  constructor(protected readonly em: EntityManager) {}

  program(id: string): Promise<Program | null> {
    return this.em.getRepository(Program).findOneBy({ id });
  }

  programOrFail(id: string): Promise<Program> {
    return this.em.getRepository(Program).findOneByOrFail({ id });
  }

  user(id: string): Promise<User | null> {
    return this.em.getRepository(User).findOneBy({ id });
  }

  userOrFail(id: string): Promise<User> {
    return this.em.getRepository(User).findOneByOrFail({ id });
  }

  /** Of the people with these emails, those who are members of the program. */
  async membersByEmail(programId: string, emails: string[]): Promise<User[]> {
    const users = await this.em.getRepository(User).find({ where: { email: In(emails) } });
    const members = await this.em
      .getRepository(Membership)
      .find({ where: { programId, userId: In(users.map((u) => u.id)) } });
    const memberIds = new Set(members.map((m) => m.userId));
    return users.filter((u) => memberIds.has(u.id));
  }

  async programIdsOf(userId: string): Promise<string[]> {
    return (await this.em.getRepository(Membership).find({ where: { userId } })).map((m) => m.programId);
  }

  session(id: string): Promise<EchoSession | null> {
    return this.em.getRepository(EchoSession).findOneBy({ id });
  }

  sessionOrFail(id: string): Promise<EchoSession> {
    return this.em.getRepository(EchoSession).findOneByOrFail({ id });
  }

  async programIdOfSession(id: string): Promise<string | undefined> {
    return (await this.em.getRepository(EchoSession).findOne({ where: { id }, select: ['programId'] }))?.programId;
  }

  /** A program's sessions starting at or after `since` (and before `until`), first first, at most `take`. */
  sessionsOf(programIds: string[], since?: string, until?: string, take?: number): Promise<EchoSession[]> {
    const startsAt =
      since && until ? And(MoreThanOrEqual(since), LessThan(until)) : since ? MoreThanOrEqual(since) : undefined;
    return this.em.getRepository(EchoSession).find({
      where: { programId: In(programIds), ...(startsAt && { startsAt }) },
      order: { startsAt: 'ASC' },
      take,
    });
  }

  /** A page of the program's sessions starting at or after `since` (and before `until`), first first. */
  async sessionPage(programId: string, since: string, until: string | undefined, page: PageQueryDto) {
    const qb = this.em
      .getRepository(EchoSession)
      .createQueryBuilder('s')
      .where('s.programId = :programId', { programId })
      .andWhere('s.startsAt >= :since', { since });
    if (until) qb.andWhere('s.startsAt < :until', { until });
    return toPage(await keyset(qb, SESSION_KEYS, page).getMany(), SESSION_KEYS, page) satisfies Page<EchoSession>;
  }

  sessionsByIds(ids: string[]): Promise<EchoSession[]> {
    return this.em.getRepository(EchoSession).find({ where: { id: In(ids) }, order: { startsAt: 'ASC' } });
  }

  addSession(session: DeepPartial<EchoSession>): Promise<EchoSession> {
    const repo = this.em.getRepository(EchoSession);
    return repo.save(repo.create(session));
  }

  saveSession(session: EchoSession): Promise<EchoSession> {
    return this.em.getRepository(EchoSession).save(session);
  }

  async bumpRevision(id: string): Promise<void> {
    await this.em.getRepository(EchoSession).increment({ id }, 'revision', 1);
  }

  addSeries(series: DeepPartial<SessionSeries>): Promise<SessionSeries> {
    const repo = this.em.getRepository(SessionSeries);
    return repo.save(repo.create(series));
  }

  /** The agendas of these sessions, each in order, with their presenters. */
  async agendas(sessionIds: string[]): Promise<Map<string, AgendaItem[]>> {
    const items = sessionIds.length
      ? await this.em.getRepository(AgendaItem).find({
          where: { sessionId: In(sessionIds) },
          relations: { presenter: true },
          order: { position: 'ASC' },
        })
      : [];
    const bySession = new Map<string, AgendaItem[]>();
    for (const item of items) bySession.set(item.sessionId, [...(bySession.get(item.sessionId) ?? []), item]);
    return bySession;
  }

  /** Takes a session's agenda away, returning it (its slides may be kept by the new one). */
  async removeAgenda(sessionId: string): Promise<AgendaItem[]> {
    const old = await this.em.getRepository(AgendaItem).find({ where: { sessionId }, order: { position: 'ASC' } });
    await this.em.getRepository(AgendaItem).delete({ sessionId });
    return old;
  }

  async addAgenda(items: DeepPartial<AgendaItem>[]): Promise<void> {
    const repo = this.em.getRepository(AgendaItem);
    await repo.save(items.map((item) => repo.create(item)));
  }

  agendaItem(sessionId: string, id: string, withPresenter = false): Promise<AgendaItem | null> {
    return this.em
      .getRepository(AgendaItem)
      .findOne({ where: { id, sessionId }, relations: { presenter: withPresenter } });
  }

  saveAgendaItem(item: AgendaItem): Promise<AgendaItem> {
    return this.em.getRepository(AgendaItem).save(item);
  }
}

/** The sessions feature's data access: every query it makes is here, so PostgreSQL specifics have one home. */
export class SessionRecords extends recordsOf(SessionQueries) {}
