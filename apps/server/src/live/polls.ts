import {
  type PollAnswerRequest,
  PollLimits,
  type PollQuestion,
  type PollResults,
  type PollView,
} from '@echo-hub/protocol';
import { scan } from '@echo-hub/deid';
import { Injectable } from '@nestjs/common';
import { RateLimitService } from '../common/rate-limit.service';
import { nowIso } from '../database/columns';
import { refuseUnconfirmed } from '../deid';
import { RealtimeService } from '../realtime/realtime.service';
import type { Poll, PollAnswer } from './entities/poll.entity';
import type { LiveRoom } from './live-room';
import { sessionRoom } from './live-room';
import { forbidden, invalid, notFound, withinLimit } from './live.errors';
import { LiveRecords } from './live.records';
import { type LiveClient, POLL_ROLES } from './live.types';
import { PollRecords } from './poll.records';
import { RoomRegistry } from './room-registry';
import { participantOf } from './room-state';

const SCALE = Array.from({ length: PollLimits.scalePoints }, (_, i) => String(i + 1));

/**
 * Polls and knowledge checks in the room: a host or an expert asks one on the spot (or launches one prepared for
 * the session), everyone answers once (a new answer replaces the last), the count goes to the room as people
 * answer, and the results reach everyone when shared. Free text passes the de-identification gate like chat.
 * Polls and answers are stored with the session (the impact report reads the share correct of knowledge checks).
 */
@Injectable()
export class LivePolls {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly polls: PollRecords,
    private readonly records: LiveRecords,
    private readonly realtime: RealtimeService,
    private readonly limits: RateLimitService,
  ) {}

  async list(client: LiveClient): Promise<PollView[]> {
    const room = await this.rooms.joined(client);
    const asker = await this.mayAsk(client, room);
    const polls = (await this.polls.list(room.sessionId)).filter((p) => asker || p.status !== 'draft');
    return Promise.all(polls.map((p) => this.view(p)));
  }

  async ask(client: LiveClient, question: PollQuestion): Promise<PollView> {
    const room = await this.asker(client);
    const poll = await this.polls.create({
      sessionId: room.sessionId,
      createdBy: client.user.id,
      ...checkedQuestion(question),
      status: 'open',
      shared: false,
      openedAt: nowIso(),
      closedAt: null,
    });
    return this.broadcast(poll);
  }

  async launch(client: LiveClient, pollId: string): Promise<PollView> {
    const { poll } = await this.pollOf(await this.asker(client), pollId);
    if (poll.status !== 'draft') throw invalid('pollId: this poll was already launched');
    return this.change(poll, { status: 'open', openedAt: nowIso() });
  }

  async answer(client: LiveClient, dto: PollAnswerRequest): Promise<void> {
    const room = await this.rooms.joined(client);
    const { poll } = await this.pollOf(room, dto.pollId);
    if (poll.status !== 'open') throw invalid('pollId: this poll is not open for answers');
    await withinLimit(this.limits, client, room.sessionId, 'poll answers', PollLimits.answersPerMinute);
    const choices = poll.kind === 'text' ? [] : checkedChoices(poll, dto.choices ?? []);
    const text = poll.kind === 'text' ? (dto.text ?? '').trim() : null;
    if (text === '') throw invalid('text must not be empty');
    const confirmedFindings = text ? await this.gate(client, room, text, dto) : [];
    const correct = poll.correct.length ? sameSet(choices, poll.correct) : null;
    await this.polls.saveAnswer({
      pollId: poll.id,
      userId: client.user.id,
      displayName: client.user.displayName,
      choices,
      text,
      correct,
      confirmedFindings,
    });
    await this.broadcast(poll);
  }

  /** No more answers; the host gets the results in the acknowledgement, the room only the final count. */
  async close(client: LiveClient, pollId: string): Promise<PollView> {
    const { poll } = await this.pollOf(await this.asker(client), pollId);
    if (poll.status === 'draft') throw invalid('pollId: this poll was not launched');
    if (poll.status === 'open') await this.change(poll, { status: 'closed', closedAt: nowIso() });
    return { ...(await this.view(poll)), results: results(poll, await this.polls.answers(poll.id)) };
  }

  async share(client: LiveClient, pollId: string): Promise<PollView> {
    const { poll } = await this.pollOf(await this.asker(client), pollId);
    if (poll.status === 'draft') throw invalid('pollId: this poll was not launched');
    return this.change(poll, { status: 'closed', closedAt: poll.closedAt ?? nowIso(), shared: true });
  }

  private async asker(client: LiveClient): Promise<LiveRoom> {
    const room = await this.rooms.joined(client);
    if (!(await this.mayAsk(client, room))) throw forbidden('Only a host or an expert may run polls');
    return room;
  }

  private async mayAsk(client: LiveClient, room: LiveRoom): Promise<boolean> {
    const role = participantOf(await room.state(), client.user.id)?.role;
    return !!client.host || (!!role && POLL_ROLES.includes(role));
  }

  private async pollOf(room: LiveRoom, pollId: string): Promise<{ poll: Poll }> {
    const poll = await this.polls.get(pollId);
    if (!poll || poll.sessionId !== room.sessionId) throw notFound('pollId: no such poll in this session');
    return { poll };
  }

  private async change(poll: Poll, change: Partial<Pick<Poll, 'status' | 'shared' | 'openedAt' | 'closedAt'>>) {
    await this.polls.update(poll.id, change);
    return this.broadcast(Object.assign(poll, change));
  }

  private async broadcast(poll: Poll): Promise<PollView> {
    const view = await this.view(poll);
    this.realtime.to(sessionRoom(poll.sessionId), 'poll:update', view);
    return view;
  }

  private async view(poll: Poll): Promise<PollView> {
    return pollView(poll, poll.status === 'draft' ? [] : await this.polls.answers(poll.id));
  }

  /** Free text is stored: it passes the gate; the people in the room and the programme's places are not flagged. */
  private async gate(client: LiveClient, room: LiveRoom, text: string, dto: PollAnswerRequest) {
    const knownPeople = [client.user.displayName, ...(await room.state()).participants.map((p) => p.displayName)];
    const knownPlaces = await this.records.sitePlaces(room.programId);
    return refuseUnconfirmed(
      scan(text, { knownPeople, knownPlaces }).map((f) => ({ ...f, field: 'poll' as const })),
      (dto.confirmedSpans ?? []).map((span) => ({ ...span, field: 'poll' as const })),
    );
  }
}

/** A poll as everyone in the room sees it: its results only once shared. */
export function pollView(poll: Poll, answers: PollAnswer[]): PollView {
  return {
    id: poll.id,
    sessionId: poll.sessionId,
    agendaItemId: poll.agendaItemId,
    kind: poll.kind,
    question: poll.question,
    options: poll.kind === 'scale' ? SCALE : poll.options,
    anonymous: poll.anonymous,
    knowledgeCheck: poll.correct.length > 0,
    status: poll.status,
    answers: answers.length,
    shared: poll.shared,
    results: poll.shared ? results(poll, answers) : null,
  };
}

/** The question as stored, or a clear error naming the field. */
export function checkedQuestion(
  q: PollQuestion,
): Pick<Poll, 'kind' | 'question' | 'options' | 'correct' | 'anonymous' | 'agendaItemId'> {
  const question = q.question.trim();
  if (!question) throw invalid('question must not be empty');
  const choice = q.kind === 'single' || q.kind === 'multiple';
  const options = choice ? (q.options ?? []).map((o) => o.trim()) : [];
  if (choice && (options.length < PollLimits.minOptions || options.some((o) => !o))) {
    throw invalid(`options: at least ${PollLimits.minOptions} options, none empty`);
  }
  const correct = [...new Set(q.correct ?? [])].sort((a, b) => a - b);
  if (correct.length && !choice) throw invalid('correct: only single or multiple choice polls have correct answers');
  if (correct.some((i) => i >= options.length)) throw invalid('correct: an index beyond the options');
  if (q.kind === 'single' && correct.length > 1) throw invalid('correct: a single choice poll has one correct option');
  return {
    kind: q.kind,
    question,
    options,
    correct,
    anonymous: q.anonymous ?? true,
    agendaItemId: q.agendaItemId ?? null,
  };
}

function checkedChoices(poll: Poll, choices: number[]): number[] {
  const count = poll.kind === 'scale' ? PollLimits.scalePoints : poll.options.length;
  const chosen = [...new Set(choices)].sort((a, b) => a - b);
  if (!chosen.length) throw invalid('choices: choose an option');
  if (chosen.some((i) => i >= count)) throw invalid('choices: an index beyond the options');
  if (poll.kind !== 'multiple' && chosen.length > 1) throw invalid('choices: choose one option');
  return chosen;
}

const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function results(poll: Poll, answers: PollAnswer[]): PollResults {
  const count = poll.kind === 'scale' ? PollLimits.scalePoints : poll.options.length;
  const byOption = Array.from({ length: count }, (_, i) => answers.filter((a) => a.choices.includes(i)));
  const knowledgeCheck = poll.correct.length > 0;
  return {
    counts: byOption.map((a) => a.length),
    texts: answers
      .filter((a) => a.text)
      .map((a) => ({ text: a.text ?? '', displayName: poll.anonymous ? null : a.displayName })),
    names: poll.anonymous ? null : byOption.map((a) => a.map((x) => x.displayName)),
    correct: knowledgeCheck ? poll.correct : null,
    shareCorrect: knowledgeCheck && answers.length ? answers.filter((a) => a.correct).length / answers.length : null,
  };
}
