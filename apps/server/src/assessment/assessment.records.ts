import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { Membership } from '../programs/entities/membership.entity';
import { Site } from '../programs/entities/site.entity';
import { EchoSession, SessionSeries } from '../sessions';
import { AssessmentAnswer, AssessmentRound } from './entities/assessment-round.entity';
import { AssessmentTemplate } from './entities/assessment-template.entity';
import { PlannedActivity, Priority } from './entities/priority.entity';

/** The assessment feature's data access: every query it makes is here, so PostgreSQL specifics have one home. */
@Injectable()
export class AssessmentRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Saves a new row of `entity` (templates, rounds, answers, priorities, planned activities). */
  private add<T extends object>(entity: new () => T, row: DeepPartial<T>): Promise<T> {
    const repo = this.db.getRepository(entity);
    return repo.save(repo.create(row));
  }

  templates(programId: string): Promise<AssessmentTemplate[]> {
    return this.db.getRepository(AssessmentTemplate).find({ where: { programId }, order: { createdAt: 'ASC' } });
  }

  template(programId: string, id: string): Promise<AssessmentTemplate | null> {
    return this.db.getRepository(AssessmentTemplate).findOneBy({ id, programId });
  }

  addTemplate(row: DeepPartial<AssessmentTemplate>): Promise<AssessmentTemplate> {
    return this.add(AssessmentTemplate, row);
  }

  saveTemplate(template: AssessmentTemplate): Promise<AssessmentTemplate> {
    return this.db.getRepository(AssessmentTemplate).save(template);
  }

  /** The program's rounds, newest first. */
  rounds(programId: string): Promise<AssessmentRound[]> {
    return this.db.getRepository(AssessmentRound).find({ where: { programId }, order: { createdAt: 'DESC' } });
  }

  /** The round (of this program, when given). */
  round(id: string, programId?: string): Promise<AssessmentRound | null> {
    return this.db.getRepository(AssessmentRound).findOneBy({ id, ...(programId ? { programId } : {}) });
  }

  addRound(row: DeepPartial<AssessmentRound>): Promise<AssessmentRound> {
    return this.add(AssessmentRound, row);
  }

  /** The answers to these rounds, first first. */
  answers(roundIds: string[]): Promise<AssessmentAnswer[]> {
    if (!roundIds.length) return Promise.resolve([]);
    return this.db
      .getRepository(AssessmentAnswer)
      .find({ where: { roundId: In(roundIds) }, order: { createdAt: 'ASC' } });
  }

  answerOf(roundId: string, userId: string): Promise<AssessmentAnswer | null> {
    return this.db.getRepository(AssessmentAnswer).findOneBy({ roundId, userId });
  }

  /** Saves an answer, new or changed. */
  saveAnswer(answer: DeepPartial<AssessmentAnswer>): Promise<AssessmentAnswer> {
    return this.add(AssessmentAnswer, answer);
  }

  membership(programId: string, userId: string): Promise<Membership | null> {
    return this.db.getRepository(Membership).findOneBy({ programId, userId });
  }

  isMember(programId: string, userId: string): Promise<boolean> {
    return this.db.getRepository(Membership).existsBy({ programId, userId });
  }

  sites(programId: string): Promise<Site[]> {
    return this.db.getRepository(Site).findBy({ programId });
  }

  hasSession(programId: string, id: string): Promise<boolean> {
    return this.db.getRepository(EchoSession).existsBy({ id, programId });
  }

  hasSeries(programId: string, id: string): Promise<boolean> {
    return this.db.getRepository(SessionSeries).existsBy({ id, programId });
  }

  usersByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.db.getRepository(User).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  priorities(roundId: string): Promise<Priority[]> {
    return this.db.getRepository(Priority).find({ where: { roundId }, order: { createdAt: 'ASC' } });
  }

  priorityWithRound(id: string): Promise<Priority | null> {
    return this.db.getRepository(Priority).findOne({ where: { id }, relations: { round: true } });
  }

  addPriority(row: DeepPartial<Priority>): Promise<Priority> {
    return this.add(Priority, row);
  }

  /** The activities planned for these priorities, soonest due first. */
  activities(priorityIds: string[]): Promise<PlannedActivity[]> {
    if (!priorityIds.length) return Promise.resolve([]);
    return this.db
      .getRepository(PlannedActivity)
      .find({ where: { priorityId: In(priorityIds) }, order: { dueOn: 'ASC' } });
  }

  addActivity(row: DeepPartial<PlannedActivity>): Promise<PlannedActivity> {
    return this.add(PlannedActivity, row);
  }
}
