import type {
  AttendanceRole,
  PendingSurveyDto,
  SurveyAnswer,
  SurveyDto,
  SurveyQuestion,
  SurveyResultsDto,
  SurveySummaryDto,
} from '@echo-hub/protocol';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthUser } from '../auth/auth.types';
import type { Membership } from '../programs/entities/membership.entity';
import { type EchoSession, SessionEvents } from '../sessions';
import { ratio } from './attendance-math';
import { Clock } from './clock';
import type { CreateSurveyDto, SurveyAnswerDto } from './dto/impact.dto';
import type { SurveyRecipient } from './entities/survey-recipient.entity';
import type { Survey } from './entities/survey.entity';
import { alreadyAnswered, invalid, notFound, practiceSession, sessionNotEnded, surveyClosed } from './impact.errors';
import { ImpactRecords } from './impact.records';
import { confidenceSummary, ratingSummary } from './impact.service';
import { POST_SESSION_INTRO, POST_SESSION_OPEN_DAYS, POST_SESSION_QUESTIONS } from './survey-template';

const DAY = 86_400_000;

/**
 * Post-session surveys (sent to the session's participants when it ends), program surveys a
 * coordinator writes, answers (once, without the respondent's id) and their results.
 */
@Injectable()
export class SurveysService implements OnModuleInit {
  constructor(
    private readonly records: ImpactRecords,
    private readonly sessionEvents: SessionEvents,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sessionEvents.onEnded(async (sessionId) => {
      const session = await this.records.session(sessionId);
      if (session && !session.practice) await this.sendSessionSurvey(sessionId);
    });
  }

  /**
   * The post-session survey of an ended session, created on first call; every participant who
   * attended and was not asked yet is added. Safe to call again (e.g. for sessions ended earlier).
   */
  async sendSessionSurvey(sessionId: string): Promise<SurveySummaryDto> {
    const session = await this.records.session(sessionId);
    if (!session) throw notFound(`session ${sessionId}`);
    // Ended, or left "live" by a host who never pressed End once its scheduled time is over.
    const over = Date.parse(session.startsAt) + session.durationMinutes * 60_000 <= this.clock.now();
    if (session.status !== 'ended' && !(session.status === 'live' && over)) throw sessionNotEnded();
    if (session.practice) throw practiceSession();
    const survey = await this.sessionSurvey(session);

    const rows = await this.records.sessionAttendanceRows(sessionId);
    const latest = new Map(rows.map((r) => [r.userId, r])); // the last connection wins
    const learners = [...latest.values()].filter((r) => r.role === 'participant');
    const members = await this.membersById(
      session.programId,
      learners.map((r) => r.userId),
    );
    await this.addRecipients(
      survey.id,
      learners.map((r) => ({
        userId: r.userId,
        role: r.role,
        siteId: r.siteId,
        participationType: members.get(r.userId)?.participationType ?? null,
      })),
    );
    return this.summary(survey);
  }

  /** A program-level survey, sent to the program's participants (or every member). */
  async createProgramSurvey(programId: string, dto: CreateSurveyDto, by: AuthUser): Promise<SurveySummaryDto> {
    const questions = dto.questions.map((q, index): SurveyQuestion => {
      const options = q.options?.map((o) => o.trim());
      if (q.kind === 'choice' && (!options || options.length < 2)) {
        throw invalid(`questions.${index}.options`, 'a choice question needs at least two options');
      }
      return {
        id: `q${index + 1}`,
        kind: q.kind,
        text: q.text,
        required: q.required ?? (q.kind === 'rating' || q.kind === 'confidence'),
        ...(q.kind === 'choice' ? { options } : {}),
        ...(q.kind === 'rating' && q.scale ? { scale: q.scale } : {}),
      };
    });
    const audience = dto.audience ?? 'participants';
    const survey = await this.records.addSurvey({
      programId,
      sessionId: null,
      title: dto.title,
      intro: dto.intro?.trim() ?? '',
      questions,
      audience,
      createdById: by.id,
      closesAt: dto.closesAt ? new Date(dto.closesAt).toISOString() : null,
    });
    const members = await this.records.members(programId);
    await this.addRecipients(
      survey.id,
      members
        .filter((m) => audience === 'everyone' || m.role === 'participant')
        .map((m) => ({ userId: m.userId, role: m.role, siteId: m.siteId, participationType: m.participationType })),
    );
    return this.summary(survey);
  }

  /** `GET /api/me/surveys`: open surveys sent to me that I have not answered. */
  async pending(user: AuthUser): Promise<PendingSurveyDto[]> {
    const mine = await this.records.unanswered(user.id);
    const now = new Date(this.clock.now()).toISOString();
    return mine
      .flatMap((r) => (r.survey && (!r.survey.closesAt || r.survey.closesAt > now) ? [r.survey] : []))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((s) => ({
        id: s.id,
        programId: s.programId,
        programName: s.program?.name ?? '',
        sessionId: s.sessionId,
        title: s.title,
        sentAt: s.createdAt,
        closesAt: s.closesAt,
      }));
  }

  /** A survey sent to me (404 for any other: whether it exists is not my business). */
  async mine(surveyId: string, user: AuthUser): Promise<SurveyDto> {
    const { survey, recipient } = await this.sentTo(surveyId, user);
    const session = survey.sessionId ? await this.records.session(survey.sessionId) : null;
    return {
      id: survey.id,
      programId: survey.programId,
      programName: survey.program?.name ?? '',
      sessionId: survey.sessionId,
      sessionTitle: session?.title ?? null,
      sessionStartsAt: session?.startsAt ?? null,
      title: survey.title,
      intro: survey.intro,
      questions: survey.questions,
      createdAt: survey.createdAt,
      closesAt: survey.closesAt,
      answered: recipient.respondedAt !== null,
    };
  }

  /** Answers once: the recipient row is marked and the answers stored without the user's id, together. */
  async respond(surveyId: string, user: AuthUser, answers: SurveyAnswerDto[]): Promise<void> {
    const { survey, recipient } = await this.sentTo(surveyId, user);
    if (recipient.respondedAt) throw alreadyAnswered();
    const now = new Date(this.clock.now()).toISOString();
    if (survey.closesAt && survey.closesAt <= now) throw surveyClosed();
    const clean = checkAnswers(survey.questions, answers);
    await this.records.transaction(async (tx) => {
      // Only the first of two simultaneous submissions marks the row; the other is refused.
      if (!(await tx.markResponded(recipient.id, now))) throw alreadyAnswered();
      await tx.addResponse({
        surveyId,
        role: recipient.role,
        siteId: recipient.siteId,
        participationType: recipient.participationType,
        answers: clean,
      });
    });
  }

  async list(programId: string): Promise<SurveySummaryDto[]> {
    const surveys = await this.records.surveysOf(programId, 500);
    const counts = await this.rates(surveys.map((s) => s.id));
    return surveys.map((s) => toSummary(s, counts.get(s.id)));
  }

  /** Aggregates per question, and the free-text answers without names. */
  async results(programId: string, surveyId: string): Promise<SurveyResultsDto> {
    const survey = await this.find(programId, surveyId);
    const responses = await this.records.responses([surveyId]);
    const answersTo = (q: SurveyQuestion) => responses.flatMap((r) => r.answers.filter((a) => a.questionId === q.id));
    return {
      ...(await this.summary(survey)),
      questions: survey.questions.map((q) => {
        const given = answersTo(q);
        if (q.kind === 'rating')
          return {
            ...q,
            rating: ratingSummary(
              q.text,
              given.flatMap((a) => a.value ?? []),
            ),
          };
        if (q.kind === 'confidence') {
          const pairs = given.flatMap((a): [number, number][] =>
            a.before !== undefined && a.value !== undefined ? [[a.before, a.value]] : [],
          );
          return { ...q, confidence: confidenceSummary(q.text, pairs) };
        }
        return { ...q, answers: given.flatMap((a) => a.text ?? []) };
      }),
    };
  }

  // ---- helpers ---------------------------------------------------------------------

  private async sessionSurvey(session: EchoSession): Promise<Survey> {
    const existing = await this.records.sessionSurvey(session.id);
    if (existing) return existing;
    const now = this.clock.now();
    try {
      return await this.records.addSurvey({
        programId: session.programId,
        sessionId: session.id,
        title: `How was ${session.title} on ${DateTime.fromISO(session.startsAt, { zone: session.timeZone })
          .setLocale('en-GB')
          .toFormat('d LLLL')}?`,
        intro: POST_SESSION_INTRO,
        questions: POST_SESSION_QUESTIONS,
        audience: 'participants',
        createdById: null,
        closesAt: new Date(now + POST_SESSION_OPEN_DAYS * DAY).toISOString(),
      });
    } catch (e) {
      // Two ends at once (a double click, a retry): the unique session id keeps one survey.
      const raced = await this.records.sessionSurvey(session.id);
      if (raced) return raced;
      throw e;
    }
  }

  private async addRecipients(
    surveyId: string,
    people: {
      userId: string;
      role: AttendanceRole;
      siteId: string | null;
      participationType: SurveyRecipient['participationType'];
    }[],
  ): Promise<void> {
    const already = new Set((await this.records.recipients([surveyId], ['userId'])).map((r) => r.userId));
    await this.records.addRecipients(
      people.filter((p) => !already.has(p.userId)).map((p) => ({ surveyId, ...p, respondedAt: null })),
    );
  }

  private async membersById(programId: string, userIds: string[]): Promise<Map<string, Membership>> {
    const members = await this.records.members(programId, { userIds });
    return new Map(members.map((m) => [m.userId, m]));
  }

  private async sentTo(surveyId: string, user: AuthUser): Promise<{ survey: Survey; recipient: SurveyRecipient }> {
    const recipient = await this.records.recipient(surveyId, user.id);
    if (!recipient?.survey) throw notFound(`survey ${surveyId} (among the surveys sent to you)`);
    return { survey: recipient.survey, recipient };
  }

  private async find(programId: string, surveyId: string): Promise<Survey> {
    const survey = await this.records.survey(programId, surveyId);
    if (!survey) throw notFound(`survey ${surveyId}`);
    return survey;
  }

  private async summary(survey: Survey): Promise<SurveySummaryDto> {
    return toSummary(survey, (await this.rates([survey.id])).get(survey.id));
  }

  private async rates(surveyIds: string[]): Promise<Map<string, { sent: number; responded: number }>> {
    const counts = new Map<string, { sent: number; responded: number }>();
    const rows = await this.records.recipients(surveyIds, ['surveyId', 'respondedAt']);
    for (const r of rows) {
      const c = counts.get(r.surveyId) ?? { sent: 0, responded: 0 };
      c.sent++;
      if (r.respondedAt) c.responded++;
      counts.set(r.surveyId, c);
    }
    return counts;
  }
}

function toSummary(s: Survey, counts = { sent: 0, responded: 0 }): SurveySummaryDto {
  return {
    id: s.id,
    programId: s.programId,
    sessionId: s.sessionId,
    title: s.title,
    createdAt: s.createdAt,
    closesAt: s.closesAt,
    sent: counts.sent,
    responded: counts.responded,
    responseRate: ratio(counts.responded, counts.sent),
  };
}

/**
 * Answers checked against the survey's questions: each names a question once, carries what its
 * kind needs, and every required question is answered. Blank optional text is dropped.
 */
export function checkAnswers(questions: SurveyQuestion[], answers: SurveyAnswerDto[]): SurveyAnswer[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const clean: SurveyAnswer[] = [];
  answers.forEach((a, i) => {
    const at = `answers.${i}`;
    const q = byId.get(a.questionId);
    if (!q) throw invalid(`${at}.questionId`, `this survey has no question ${a.questionId}`);
    if (seen.has(q.id)) throw invalid(`${at}.questionId`, `question ${q.id} is answered twice`);
    seen.add(q.id);
    const text = a.text?.trim();
    switch (q.kind) {
      case 'rating':
        if (a.value === undefined) throw invalid(`${at}.value`, `a rating from 1 to 5 is needed for ${q.id}`);
        if (a.before !== undefined || a.text !== undefined) {
          throw invalid(at, `${q.id} is a rating: give only value`);
        }
        clean.push({ questionId: q.id, value: a.value });
        break;
      case 'confidence':
        if (a.before === undefined)
          throw invalid(`${at}.before`, `confidence before the session is needed for ${q.id}`);
        if (a.value === undefined) throw invalid(`${at}.value`, `confidence now is needed for ${q.id}`);
        if (a.text !== undefined) throw invalid(`${at}.text`, `${q.id} is a confidence item: give before and value`);
        clean.push({ questionId: q.id, before: a.before, value: a.value });
        break;
      case 'text':
      case 'choice':
        if (a.value !== undefined || a.before !== undefined) throw invalid(at, `${q.id} takes text only`);
        if (q.kind === 'choice' && text && !q.options?.includes(text)) {
          throw invalid(`${at}.text`, `choose one of ${q.options?.join(', ')}`);
        }
        if (text) clean.push({ questionId: q.id, text });
        break;
    }
  });
  for (const q of questions) {
    if (q.required && !clean.some((a) => a.questionId === q.id)) {
      throw invalid('answers', `question ${q.id} ("${q.text}") needs an answer`);
    }
  }
  return clean;
}
