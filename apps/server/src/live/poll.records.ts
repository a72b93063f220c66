import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaItem } from '../sessions';
import { Poll, PollAnswer } from './entities/poll.entity';

export type NewPoll = Omit<Poll, 'id' | 'createdAt' | 'session' | 'assignIdAndTimestamp'>;
export type NewPollAnswer = Omit<PollAnswer, 'id' | 'createdAt' | 'poll' | 'assignIdAndTimestamp'>;

/** The polls' reads and writes in the database (single-row writes, no transaction: see LiveRecords). */
@Injectable()
export class PollRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(row: NewPoll): Promise<Poll> {
    const polls = this.db.getRepository(Poll);
    const poll = polls.create(row);
    await polls.insert(poll);
    // Read back: PostgreSQL's RETURNING merges the json columns' defaults into `poll` unparsed ("[0]").
    return polls.findOneByOrFail({ id: poll.id });
  }

  get(pollId: string): Promise<Poll | null> {
    return this.db.getRepository(Poll).findOneBy({ id: pollId });
  }

  list(sessionId: string): Promise<Poll[]> {
    return this.db.getRepository(Poll).find({ where: { sessionId }, order: { createdAt: 'ASC' } });
  }

  async update(pollId: string, change: Partial<Omit<NewPoll, 'sessionId' | 'createdBy'>>) {
    await this.db.getRepository(Poll).update({ id: pollId }, change);
  }

  async remove(pollId: string): Promise<void> {
    await this.db.getRepository(Poll).delete({ id: pollId });
  }

  /** Whether the agenda slot is one of the session's. */
  async hasSlot(sessionId: string, agendaItemId: string): Promise<boolean> {
    return this.db.getRepository(AgendaItem).existsBy({ id: agendaItemId, sessionId });
  }

  answers(pollId: string): Promise<PollAnswer[]> {
    return this.db.getRepository(PollAnswer).find({ where: { pollId }, order: { createdAt: 'ASC' } });
  }

  /** One answer per person and poll: a second replaces the first. */
  async saveAnswer(row: NewPollAnswer): Promise<void> {
    const answers = this.db.getRepository(PollAnswer);
    const existing = await answers.findOneBy({ pollId: row.pollId, userId: row.userId });
    if (existing) await answers.update({ id: existing.id }, row);
    else await answers.insert(answers.create(row));
  }
}
