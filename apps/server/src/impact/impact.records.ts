import { type DeepPartial, type EntityManager, In, IsNull, Not } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { AuditEntry } from '../community';
import { NO_TX } from '../database/no-tx';
import { Attendance, Poll, PollAnswer } from '../live';
import { Membership } from '../programs/entities/membership.entity';
import { Program } from '../programs/entities/program.entity';
import { Site } from '../programs/entities/site.entity';
import { AgendaItem, EchoSession } from '../sessions';
import { AttendanceCorrection } from './entities/attendance-correction.entity';
import { Certificate } from './entities/certificate.entity';
import { SurveyRecipient } from './entities/survey-recipient.entity';
import { SurveyResponse } from './entities/survey-response.entity';
import { Survey } from './entities/survey.entity';
import { recordsOf } from '../database/records';

/** SQLite bounds the number of parameters in one statement: long id lists are read in chunks. */
const CHUNK = 500;

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await read(ids.slice(i, i + CHUNK))));
  return rows;
}

/** The tables the impact report reads (its cache is dropped when one is written). */
export const REPORT_INPUTS = [
  Program,
  EchoSession,
  Attendance,
  AttendanceCorrection,
  Membership,
  Site,
  Survey,
  SurveyRecipient,
  SurveyResponse,
  Poll,
  PollAnswer,
];

/** The impact feature's queries (report, surveys, certificates, corrections), on the database or in a transaction. */
export class ImpactQueries {
  constructor(protected readonly em: EntityManager) {}

  // ---- programs, people, sessions ---------------------------------------------------------

  program(id: string): Promise<Program | null> {
    return this.em.getRepository(Program).findOneBy({ id });
  }

  programOrFail(id: string): Promise<Program> {
    return this.em.getRepository(Program).findOneByOrFail({ id });
  }

  session(id: string): Promise<EchoSession | null> {
    return this.em.getRepository(EchoSession).findOneBy({ id });
  }

  sessionExists(id: string): Promise<boolean> {
    return this.em.getRepository(EchoSession).existsBy({ id });
  }

  /** A program's sessions in these states (practice runs left out), first first. */
  sessionsIn(programId: string, statuses: EchoSession['status'][]): Promise<EchoSession[]> {
    return this.em
      .getRepository(EchoSession)
      .find({ where: { programId, status: In(statuses), practice: false }, order: { startsAt: 'ASC' } });
  }

  /** The program's last session that is not cancelled (nor a practice run). */
  lastSession(programId: string): Promise<EchoSession | null> {
    return this.em.getRepository(EchoSession).findOne({
      where: { programId, status: Not('cancelled'), practice: false },
      order: { startsAt: 'DESC' },
    });
  }

  /** The didactic slots of these sessions, in agenda order. */
  didacticItems(sessionIds: string[]): Promise<AgendaItem[]> {
    return sessionIds.length
      ? this.em
          .getRepository(AgendaItem)
          .find({ where: { sessionId: In(sessionIds), kind: 'didactic' }, order: { position: 'ASC' } })
      : Promise.resolve([]);
  }

  /** A program's members (with their accounts when asked), all or these. */
  members(programId: string, options: { userIds?: string[]; withUsers?: boolean } = {}): Promise<Membership[]> {
    if (options.userIds && !options.userIds.length) return Promise.resolve([]);
    return this.em.getRepository(Membership).find({
      where: { programId, ...(options.userIds && { userId: In(options.userIds) }) },
      relations: { user: options.withUsers ?? false },
    });
  }

  users(ids: string[]): Promise<User[]> {
    const unique = [...new Set(ids)];
    return unique.length ? this.em.getRepository(User).findBy({ id: In(unique) }) : Promise.resolve([]);
  }

  user(id: string): Promise<User | null> {
    return this.em.getRepository(User).findOneBy({ id });
  }

  sites(programId: string): Promise<Site[]> {
    return this.em.getRepository(Site).findBy({ programId });
  }

  // ---- attendance and corrections ----------------------------------------------------------

  attendanceOf(sessionIds: string[]): Promise<Attendance[]> {
    return inChunks(sessionIds, (ids) => this.em.getRepository(Attendance).findBy({ sessionId: In(ids) }));
  }

  /** One session's connection rows, first joined first. */
  sessionAttendanceRows(sessionId: string): Promise<Attendance[]> {
    return this.em.getRepository(Attendance).find({ where: { sessionId }, order: { joinedAt: 'ASC' } });
  }

  /** The corrections of these sessions, oldest first (so the latest of a person wins). */
  correctionsOf(sessionIds: string[]): Promise<AttendanceCorrection[]> {
    return inChunks(sessionIds, (ids) =>
      this.em
        .getRepository(AttendanceCorrection)
        .find({ where: { sessionId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }

  /** One session's corrections, newest first. */
  sessionCorrections(sessionId: string): Promise<AttendanceCorrection[]> {
    return this.em
      .getRepository(AttendanceCorrection)
      .find({ where: { sessionId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  addCorrection(row: DeepPartial<AttendanceCorrection>): Promise<AttendanceCorrection> {
    const repo = this.em.getRepository(AttendanceCorrection);
    return repo.save(repo.create(row));
  }

  /** An entry in the program's audit log (no transaction of its own: one row). */
  async audit(entry: DeepPartial<AuditEntry>): Promise<void> {
    const repo = this.em.getRepository(AuditEntry);
    await repo.save(repo.create(entry), NO_TX);
  }

  // ---- knowledge checks ---------------------------------------------------------------------

  /** Launched polls of these sessions (drafts left out), first opened first. */
  launchedPolls(sessionIds: string[]): Promise<Poll[]> {
    return this.em
      .getRepository(Poll)
      .find({ where: { sessionId: In(sessionIds), status: Not('draft') }, order: { openedAt: 'ASC' } });
  }

  pollAnswers(pollIds: string[]): Promise<PollAnswer[]> {
    return pollIds.length ? this.em.getRepository(PollAnswer).findBy({ pollId: In(pollIds) }) : Promise.resolve([]);
  }

  // ---- surveys --------------------------------------------------------------------------------

  surveysOf(programId: string, take?: number): Promise<Survey[]> {
    return this.em.getRepository(Survey).find({ where: { programId }, order: { createdAt: 'DESC' }, take });
  }

  survey(programId: string, id: string): Promise<Survey | null> {
    return this.em.getRepository(Survey).findOneBy({ id, programId });
  }

  sessionSurvey(sessionId: string): Promise<Survey | null> {
    return this.em.getRepository(Survey).findOneBy({ sessionId });
  }

  addSurvey(row: DeepPartial<Survey>): Promise<Survey> {
    const repo = this.em.getRepository(Survey);
    return repo.save(repo.create(row));
  }

  /** Recipients of these surveys (only the columns asked for, when given). */
  recipients(surveyIds: string[], select?: (keyof SurveyRecipient)[]): Promise<SurveyRecipient[]> {
    return surveyIds.length
      ? this.em.getRepository(SurveyRecipient).find({ where: { surveyId: In(surveyIds) }, select })
      : Promise.resolve([]);
  }

  async addRecipients(rows: DeepPartial<SurveyRecipient>[]): Promise<void> {
    const repo = this.em.getRepository(SurveyRecipient);
    if (rows.length)
      await repo.save(
        rows.map((r) => repo.create(r)),
        { chunk: 200 },
      );
  }

  /** My recipient rows not answered yet, with their surveys and programs. */
  unanswered(userId: string): Promise<SurveyRecipient[]> {
    return this.em
      .getRepository(SurveyRecipient)
      .find({ where: { userId, respondedAt: IsNull() }, relations: { survey: { program: true } } });
  }

  /** My recipient row of a survey, with the survey and its program. */
  recipient(surveyId: string, userId: string): Promise<SurveyRecipient | null> {
    return this.em
      .getRepository(SurveyRecipient)
      .findOne({ where: { surveyId, userId }, relations: { survey: { program: true } } });
  }

  /** Marks a recipient as having answered, unless someone did first: whether this call did. */
  async markResponded(recipientId: string, at: string): Promise<boolean> {
    const { affected } = await this.em
      .getRepository(SurveyRecipient)
      .update({ id: recipientId, respondedAt: IsNull() }, { respondedAt: at });
    return Boolean(affected);
  }

  async addResponse(row: DeepPartial<SurveyResponse>): Promise<void> {
    const repo = this.em.getRepository(SurveyResponse);
    await repo.save(repo.create(row));
  }

  responses(surveyIds: string[]): Promise<SurveyResponse[]> {
    return surveyIds.length
      ? this.em.getRepository(SurveyResponse).find({ where: { surveyId: In(surveyIds) }, order: { createdAt: 'ASC' } })
      : Promise.resolve([]);
  }

  // ---- certificates ------------------------------------------------------------------------------

  certificates(programId: string, userId: string): Promise<Certificate[]> {
    return this.em.getRepository(Certificate).find({ where: { programId, userId }, order: { createdAt: 'DESC' } });
  }

  /** The latest certificate with exactly these figures, if one was issued. */
  issued(
    where: Pick<Certificate, 'programId' | 'userId' | 'period' | 'sessions' | 'minutes'>,
  ): Promise<Certificate | null> {
    return this.em.getRepository(Certificate).findOne({ where, order: { createdAt: 'DESC' } });
  }

  certificateByCode(code: string): Promise<Certificate | null> {
    return this.em.getRepository(Certificate).findOneBy({ code });
  }

  codeTaken(code: string): Promise<boolean> {
    return this.em.getRepository(Certificate).exists({ where: { code } });
  }

  addCertificate(row: DeepPartial<Certificate>): Promise<Certificate> {
    const repo = this.em.getRepository(Certificate);
    return repo.save(repo.create(row));
  }
}

/** The impact feature's data access: every query it makes is here, so PostgreSQL specifics have one home. */
export class ImpactRecords extends recordsOf(ImpactQueries) {}
