import type { CaseStatus, FieldFinding } from '@echo-hub/protocol';
import { type DeepPartial, type EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { nowIso } from '../database/columns';
import { NO_TX } from '../database/no-tx';
import { AgendaItem, EchoSession } from '../sessions';
import { CaseAttachment } from './entities/case-attachment.entity';
import { CaseConfirmation } from './entities/case-confirmation.entity';
import { EchoCase } from './entities/echo-case.entity';
import { Recommendation } from './entities/recommendation.entity';
import { recordsOf } from '../database/records';

/** The cases feature's queries, on the database or inside one transaction (see CaseRecords.transaction). */
export class CaseQueries {
  constructor(protected readonly em: EntityManager) {}

  session(id: string): Promise<EchoSession | null> {
    return this.em.getRepository(EchoSession).findOneBy({ id });
  }

  sessionOrFail(id: string): Promise<EchoSession> {
    return this.em.getRepository(EchoSession).findOneByOrFail({ id });
  }

  /** The program's next scheduled (not practice) session still to start, if any. */
  nextScheduledSession(programId: string): Promise<EchoSession | null> {
    return this.em.getRepository(EchoSession).findOne({
      where: { programId, status: 'scheduled', practice: false, startsAt: MoreThan(nowIso()) },
      order: { startsAt: 'ASC' },
    });
  }

  /** How many case slots the session's agenda has. */
  caseSlots(sessionId: string): Promise<number> {
    return this.em.getRepository(AgendaItem).count({ where: { sessionId, kind: 'case' } });
  }

  case(id: string, withPresenter = false): Promise<EchoCase | null> {
    return this.em.getRepository(EchoCase).findOne({ where: { id }, relations: { presenter: withPresenter } });
  }

  caseOrFail(id: string): Promise<EchoCase> {
    return this.em.getRepository(EchoCase).findOneByOrFail({ id });
  }

  caseInSession(id: string, sessionId: string): Promise<EchoCase | null> {
    return this.em.getRepository(EchoCase).findOneBy({ id, sessionId });
  }

  async programIdOfCase(id: string): Promise<string | undefined> {
    return (await this.em.getRepository(EchoCase).findOne({ where: { id }, select: ['programId'] }))?.programId;
  }

  addCase(c: DeepPartial<EchoCase>): Promise<EchoCase> {
    const repo = this.em.getRepository(EchoCase);
    return repo.save(repo.create(c));
  }

  saveCase(c: EchoCase): Promise<EchoCase> {
    return this.em.getRepository(EchoCase).save(c);
  }

  async updateCase(
    id: string,
    patch: Partial<Pick<EchoCase, 'status' | 'position' | 'urgent' | 'sessionId' | 'followUpOfId'>>,
  ) {
    await this.em.getRepository(EchoCase).update({ id }, patch);
  }

  /** The queued cases (neither draft nor withdrawn, with a place) of these sessions, in order, with presenters. */
  queued(sessionIds: string[]): Promise<EchoCase[]> {
    if (!sessionIds.length) return Promise.resolve([]);
    return this.em.getRepository(EchoCase).find({
      where: { sessionId: In(sessionIds), status: Not(In(['draft', 'withdrawn'])), position: Not(IsNull()) },
      relations: { presenter: true },
      order: { position: 'ASC' },
    });
  }

  /** The session's cases in these statuses. */
  casesIn(sessionId: string, statuses: CaseStatus[]): Promise<EchoCase[]> {
    return this.em.getRepository(EchoCase).find({ where: { sessionId, status: In(statuses) } });
  }

  /** How many of the session's cases are in none of these statuses. */
  countNotIn(sessionId: string, statuses: CaseStatus[]): Promise<number> {
    return this.em.getRepository(EchoCase).count({ where: { sessionId, status: Not(In(statuses)) } });
  }

  /** How many cases hold a place in the session's queue. */
  queueLength(sessionId: string): Promise<number> {
    return this.em.getRepository(EchoCase).count({ where: { sessionId, position: Not(IsNull()) } });
  }

  /** The cases holding a place in the session's queue, in queue order (then submission). */
  placed(sessionId: string): Promise<EchoCase[]> {
    return this.em
      .getRepository(EchoCase)
      .find({ where: { sessionId, position: Not(IsNull()) }, order: { position: 'ASC', submittedAt: 'ASC' } });
  }

  confirmations(caseId: string, withConfirmer = false): Promise<CaseConfirmation[]> {
    return this.em.getRepository(CaseConfirmation).find({
      where: { caseId },
      relations: { confirmedBy: withConfirmer },
      order: { createdAt: 'ASC' },
    });
  }

  async removeConfirmations(caseId: string): Promise<void> {
    await this.em.getRepository(CaseConfirmation).delete({ caseId });
  }

  async addConfirmations(caseId: string, findings: FieldFinding[], by: string): Promise<void> {
    const repo = this.em.getRepository(CaseConfirmation);
    await repo.save(
      findings.map((f) =>
        repo.create({
          caseId,
          field: f.field,
          start: f.start,
          end: f.end,
          text: f.text.slice(0, 500),
          kind: f.kind,
          confirmedById: by,
        }),
      ),
    );
  }

  recommendations(caseId: string): Promise<Recommendation[]> {
    return this.em
      .getRepository(Recommendation)
      .find({ where: { caseId }, relations: { author: true }, order: { createdAt: 'ASC' } });
  }

  addRecommendation(r: DeepPartial<Recommendation>): Promise<Recommendation> {
    const repo = this.em.getRepository(Recommendation);
    return repo.save(repo.create(r));
  }

  attachments(caseId: string): Promise<CaseAttachment[]> {
    return this.em
      .getRepository(CaseAttachment)
      .find({ where: { caseId }, relations: { uploader: true }, order: { createdAt: 'ASC' } });
  }

  attachment(caseId: string, id: string): Promise<CaseAttachment | null> {
    return this.em.getRepository(CaseAttachment).findOneBy({ id, caseId });
  }

  /** One row: no transaction (see database/no-tx.ts). */
  addAttachment(a: DeepPartial<CaseAttachment>): Promise<CaseAttachment> {
    const repo = this.em.getRepository(CaseAttachment);
    return repo.save(repo.create(a), NO_TX);
  }

  async removeAttachment(id: string): Promise<void> {
    await this.em.getRepository(CaseAttachment).delete({ id });
  }
}

/** The cases feature's data access: every query it makes is here, so PostgreSQL specifics have one home. */
export class CaseRecords extends recordsOf(CaseQueries) {}
