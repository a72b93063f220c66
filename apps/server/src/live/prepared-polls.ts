import type { PollQuestion, PreparedPoll } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { invalid, notFound } from './live.errors';
import type { Poll, PollAnswer } from './entities/poll.entity';
import { PollRecords } from './poll.records';
import { checkedQuestion, pollView } from './polls';

/**
 * Polls prepared before the session (attached to an agenda slot or to none), over REST for the session's agenda
 * page: listed, created as drafts, changed and deleted until launched in the room (then they are the session's
 * record: the impact report counts the knowledge checks' answers).
 */
@Injectable()
export class PreparedPolls {
  constructor(private readonly polls: PollRecords) {}

  async list(sessionId: string): Promise<PreparedPoll[]> {
    const polls = await this.polls.list(sessionId);
    return Promise.all(polls.map(async (p) => prepared(p, p.status === 'draft' ? [] : await this.polls.answers(p.id))));
  }

  async create(sessionId: string, userId: string, question: PollQuestion): Promise<PreparedPoll> {
    const poll = await this.polls.create({
      sessionId,
      createdBy: userId,
      ...(await this.checked(sessionId, question)),
      status: 'draft',
      shared: false,
      openedAt: null,
      closedAt: null,
    });
    return prepared(poll, []);
  }

  async replace(sessionId: string, pollId: string, question: PollQuestion): Promise<PreparedPoll> {
    const poll = await this.draft(sessionId, pollId);
    const change = await this.checked(sessionId, question);
    await this.polls.update(poll.id, change);
    return prepared(Object.assign(poll, change), []);
  }

  async remove(sessionId: string, pollId: string): Promise<void> {
    await this.polls.remove((await this.draft(sessionId, pollId)).id);
  }

  private async checked(sessionId: string, question: PollQuestion) {
    const checked = checkedQuestion(question);
    if (checked.agendaItemId && !(await this.polls.hasSlot(sessionId, checked.agendaItemId))) {
      throw invalid('agendaItemId: no such agenda slot in this session');
    }
    return checked;
  }

  private async draft(sessionId: string, pollId: string): Promise<Poll> {
    const poll = await this.polls.get(pollId);
    if (!poll || poll.sessionId !== sessionId) throw notFound('pollId: no such poll in this session');
    if (poll.status !== 'draft') throw invalid('pollId: a launched poll is kept as it was asked');
    return poll;
  }
}

const prepared = (poll: Poll, answers: PollAnswer[]): PreparedPoll => ({
  ...pollView(poll, answers),
  correct: poll.correct,
});
