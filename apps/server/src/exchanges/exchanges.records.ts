import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { Membership } from '../programs/entities/membership.entity';
import { LearningActivity } from './entities/learning-activity.entity';
import { MentoringPair } from './entities/mentoring-pair.entity';

/** The tables the impact report's learning-activity figures read. */
export const FIGURE_INPUTS = [LearningActivity, Membership];

/** The exchanges feature's data access: every query it makes is here, so PostgreSQL specifics have one home. */
@Injectable()
export class ExchangeRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The program's learning activities, latest started first. */
  activities(programId: string): Promise<LearningActivity[]> {
    return this.db
      .getRepository(LearningActivity)
      .find({ where: { programId }, order: { startsOn: 'DESC', createdAt: 'DESC' } });
  }

  /** The mentoring meetings of these pairs. */
  meetingsOf(programId: string, pairIds: string[]): Promise<LearningActivity[]> {
    if (!pairIds.length) return Promise.resolve([]);
    return this.db.getRepository(LearningActivity).findBy({ programId, pairId: In(pairIds) });
  }

  addActivity(row: DeepPartial<LearningActivity>): Promise<LearningActivity> {
    const repo = this.db.getRepository(LearningActivity);
    return repo.save(repo.create(row));
  }

  pairs(programId: string): Promise<MentoringPair[]> {
    return this.db.getRepository(MentoringPair).find({ where: { programId }, order: { createdAt: 'ASC' } });
  }

  pair(programId: string, id: string): Promise<MentoringPair | null> {
    return this.db.getRepository(MentoringPair).findOneBy({ id, programId });
  }

  addPair(row: DeepPartial<MentoringPair>): Promise<MentoringPair> {
    const repo = this.db.getRepository(MentoringPair);
    return repo.save(repo.create(row));
  }

  memberships(programId: string): Promise<Membership[]> {
    return this.db.getRepository(Membership).findBy({ programId });
  }

  /** How many of these people are members of the program. */
  countMembers(programId: string, userIds: string[]): Promise<number> {
    return this.db.getRepository(Membership).count({ where: { programId, userId: In(userIds) } });
  }

  isMember(programId: string, userId: string): Promise<boolean> {
    return this.db.getRepository(Membership).existsBy({ programId, userId });
  }

  usersByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.db.getRepository(User).findBy({ id: In(ids) }) : Promise.resolve([]);
  }
}
