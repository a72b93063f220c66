import {
  type AttendanceRecord,
  type AttendanceRole,
  type ConfidenceSummary,
  type CoproductionFigures,
  type ImpactFilters,
  type ImpactGroup,
  type ImpactMonth,
  type ImpactReport,
  type ImpactSession,
  type ImpactTarget,
  type KnowledgeCheckFigure,
  type LearningActivityFigures,
  LIVED_EXPERIENCE_TYPES,
  type ParticipationType,
  type RatingSummary,
  type SurveyQuestion,
  type SurveyRates,
} from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { csvDocument } from '../common/csv';
import { type Page, type PageQueryDto, pageOf, type SortKey } from '../common/page';
import type { Attendance } from '../live';
import type { Program } from '../programs/entities/program.entity';
import type { Site } from '../programs/entities/site.entity';
import type { EchoSession } from '../sessions';
import { attendedMs, isLearningExperience, ratio, toHours, toMinutes } from './attendance-math';
import { Clock } from './clock';
import type { SurveyRecipient } from './entities/survey-recipient.entity';
import type { SurveyResponse } from './entities/survey-response.entity';
import { notFound } from './impact.errors';
import { ImpactRecords, REPORT_INPUTS } from './impact.records';
import { ImpactReportCache } from './report-cache';
import { boundOf, dateOf, endOfDateMs, monthLabel, monthOf } from './periods';

const WEEK = 7 * 86_400_000;
/** Sessions that took place (or are taking place), practice runs left out: their attendance counts. */
const DELIVERED: EchoSession['status'][] = ['live', 'ended'];

/** A session's attendance by name (the user id breaks ties). */
const ATTENDANCE_ORDER: SortKey<AttendanceRecord>[] = [
  { expr: 'displayName', dir: 'ASC', of: (r) => r.displayName },
  { expr: 'userId', dir: 'ASC', of: (r) => r.userId },
];

const ROLE_LABELS: Record<AttendanceRole, string> = {
  facilitator: 'Facilitator',
  expert: 'Expert',
  coordinator: 'Coordinator',
  participant: 'Participant',
  admin: 'Instance admin',
};
const PARTICIPATION_LABELS: Record<ParticipationType, string> = {
  staff: 'Staff',
  volunteer: 'Volunteer',
  service_user: 'Service user',
  carer: 'Carer',
};

/** One person at one delivered session: the unit every figure is counted from. */
export interface PersonSession {
  session: EchoSession;
  userId: string;
  displayName: string;
  email: string;
  /** Role and site when they attended (from their latest connection), else from their membership. */
  role: AttendanceRole;
  siteId: string | null;
  profession: string | null;
  participationType: ParticipationType | null;
  /** A member of the program when the session ended (absent members are listed too). */
  registered: boolean;
  /** Time attended: from the connection rows, or the latest coordinator's correction. */
  ms: number;
  /** Time the connection rows give. */
  recordedMs: number;
  corrected: boolean;
  present: boolean;
  learningExperience: boolean;
}

/** The co-production block from the delivered sessions of the selection and the people present at them. */
export type CoproductionProvider = (
  programId: string,
  sessions: EchoSession[],
  present: PersonSession[],
) => Promise<CoproductionFigures>;

interface Loaded {
  program: Program;
  sessions: EchoSession[];
  records: PersonSession[];
  sites: Map<string, Site>;
}

const endMs = (s: EchoSession) => Date.parse(s.startsAt) + s.durationMinutes * 60_000;

/** Attendance, learning experiences, representation, target and survey figures of a program. */
@Injectable()
export class ImpactService {
  constructor(
    private readonly records: ImpactRecords,
    private readonly clock: Clock,
    private readonly cache: ImpactReportCache,
  ) {
    // Every table the report reads; the features that feed it add theirs when they provide their figures.
    cache.watch(...REPORT_INPUTS);
  }

  /** Learning experiences outside sessions (exchanges, visits, mentoring): told by the exchanges feature. */
  private learningActivities: (programId: string, f: ImpactFilters) => Promise<LearningActivityFigures> = async () => ({
    activities: 0,
    learningExperiences: 0,
    hours: 0,
    byKind: [],
  });

  provideLearningActivities(
    figures: (programId: string, f: ImpactFilters) => Promise<LearningActivityFigures>,
    inputs: EntityTarget<ObjectLiteral>[],
  ): void {
    this.learningActivities = figures;
    this.cache.watch(...inputs);
  }

  /** Representation by co-production role (who co-facilitated, people and hours by role): told by co-production. */
  private coproduction: CoproductionProvider = async (_programId, sessions) => ({
    sessions: sessions.length,
    sessionsWithLivedExperienceCoFacilitator: 0,
    share: null,
    byRole: [],
  });

  provideCoproduction(figures: CoproductionProvider, inputs: EntityTarget<ObjectLiteral>[]): void {
    this.coproduction = figures;
    this.cache.watch(...inputs);
  }

  /**
   * `GET /api/programs/:id/impact`: computed once per program and filters until a table it reads is
   * written (ImpactReportCache), while no session of the program is still running by the clock. The
   * time it was generated and the target's forecast follow the clock on each request.
   */
  async report(programId: string, filters: ImpactFilters): Promise<ImpactReport> {
    const now = this.clock.now();
    const key = `${programId}:${JSON.stringify(Object.entries(filters).sort())}`;
    const { program, figures, everything, last } = await this.cache.get(key, async () => {
      const value = await this.figures(programId, filters, now);
      // An open connection row counts until now while its session runs: such a report holds for now only.
      return { value, keep: value.everything.sessions.every((s) => endMs(s) <= now) };
    });
    return {
      ...figures,
      generatedAt: new Date(now).toISOString(),
      target: this.target(program, everything.sessions, everything.records, last, now),
    };
  }

  /** Everything of the report but what follows the clock. */
  private async figures(programId: string, filters: ImpactFilters, now: number) {
    const { program, sessions, records, sites } = await this.load(programId, filters, now);
    const people = records.filter(matches(filters));
    const present = people.filter((r) => r.present);
    const totals = summarise(present);
    const lived = present.filter(isLivedExperience).length;
    // The target is program-wide: it counts every session and everyone, whatever the filters.
    const everything = hasFilters(filters) ? await this.load(programId, {}, now) : { sessions, records };
    const surveys = await this.surveyFigures(program, sessions, filters);
    const checks = await this.knowledgeChecks(sessions);
    const timeZone = program.timeZone;

    const figures: Omit<ImpactReport, 'generatedAt' | 'target'> = {
      programId,
      filters,
      settings: {
        minAttendanceShare: program.minAttendanceShare,
        certificateShare: program.certificateShare,
        certificateMinSessions: program.certificateMinSessions,
        learningTarget: program.learningTarget,
        learningTargetDate: program.learningTargetDate,
        timeZone,
      },
      sessions: sessions.length,
      learningExperiences: totals.learningExperiences,
      uniqueParticipants: totals.uniqueParticipants,
      uniqueLearners: totals.uniqueLearners,
      attendances: totals.attendances,
      hours: totals.hours,
      bySite: groupBy(
        present,
        (r) => r.siteId,
        (key) => (key ? (sites.get(key)?.organisation ?? 'Unknown site') : 'No site'),
      ),
      byRole: groupBy(
        present,
        (r) => r.role,
        (key) => ROLE_LABELS[key as AttendanceRole] ?? String(key),
      ),
      byParticipationType: groupBy(
        present,
        (r) => r.participationType,
        (key) => (key ? PARTICIPATION_LABELS[key as ParticipationType] : 'Not recorded'),
      ),
      byProfession: groupBy(
        present,
        (r) => r.profession,
        (key) => key ?? 'Not recorded',
      ),
      byMonth: this.byMonth(sessions, present, timeZone),
      perSession: sessions.map((s) => ({
        ...this.sessionFigures(s, people, surveys.bySession.get(s.id) ?? null),
        knowledgeChecks: checks.get(s.id) ?? [],
      })),
      representation: {
        serviceUsersAndCarers: lived,
        attendances: present.length,
        share: ratio(lived, present.length),
      },
      surveys: surveys.rates,
      ratings: surveys.ratings,
      confidence: surveys.confidence,
      learningActivities: await this.learningActivities(programId, filters),
      coproduction: await this.coproduction(programId, sessions, present),
    };
    return { program, figures, everything, last: await this.records.lastSession(program.id) };
  }

  /** `GET /api/programs/:id/attendance.csv`: one row per person per session (absent members included). */
  async csv(programId: string, filters: ImpactFilters): Promise<string> {
    const { program, records, sites } = await this.load(programId, filters, this.clock.now());
    const header = [
      'session_date',
      'session_title',
      'person',
      'email',
      'role',
      'site',
      'profession',
      'participation_type',
      'minutes',
      'present',
      'learning_experience',
    ];
    const rows = records
      .filter(matches(filters))
      .map((r) => [
        dateOf(r.session.startsAt, program.timeZone),
        r.session.title,
        r.displayName,
        r.email,
        r.role,
        r.siteId ? (sites.get(r.siteId)?.organisation ?? '') : '',
        r.profession ?? '',
        r.participationType ?? '',
        toMinutes(r.ms),
        r.present ? 'yes' : 'no',
        r.learningExperience ? 'yes' : 'no',
      ]);
    return csvDocument(header, rows);
  }

  /** `GET /api/sessions/:id/attendance`: everyone registered or present at one session. */
  async sessionAttendance(sessionId: string): Promise<AttendanceRecord[]> {
    const session = await this.records.session(sessionId);
    if (!session) throw notFound(`session ${sessionId}`);
    const program = await this.records.programOrFail(session.programId);
    const { records, sites } = await this.build(program, [session], this.clock.now());
    return records.map((r) => toRecord(r, sites));
  }

  /** A page of a session's attendance by name (the user id breaks ties). */
  async sessionAttendancePage(sessionId: string, page: PageQueryDto): Promise<Page<AttendanceRecord>> {
    return pageOf(await this.sessionAttendance(sessionId), ATTENDANCE_ORDER, page);
  }

  /** Everything one person attended in a program, delivered sessions only (for certificates). */
  async personRecords(programId: string, userId: string): Promise<{ program: Program; records: PersonSession[] }> {
    const { program, records } = await this.load(programId, {}, this.clock.now());
    return { program, records: records.filter((r) => r.userId === userId && r.present) };
  }

  /** Everyone's delivered sessions attended in a program (for the registration funnel). */
  async presentRecords(programId: string): Promise<PersonSession[]> {
    return (await this.load(programId, {}, this.clock.now())).records.filter((r) => r.present);
  }

  // ---- loading -------------------------------------------------------------------

  private async load(programId: string, filters: ImpactFilters, now: number): Promise<Loaded> {
    const program = await this.records.program(programId);
    if (!program) throw notFound(`program ${programId}`);
    const inPeriod = periodFilter(filters, program.timeZone);
    const sessions = (await this.records.sessionsIn(programId, DELIVERED)).filter((s) => inPeriod(s.startsAt));
    return { program, sessions, ...(await this.build(program, sessions, now)) };
  }

  /** Person-sessions of `sessions`: each attendee with merged time, and each registered member who did not come. */
  private async build(
    program: Program,
    sessions: EchoSession[],
    now: number,
  ): Promise<{ records: PersonSession[]; sites: Map<string, Site> }> {
    const rows = await this.records.attendanceOf(sessions.map((s) => s.id));
    const members = await this.records.members(program.id, { withUsers: true });
    const memberOf = new Map(members.map((m) => [m.userId, m]));
    const corrections = await this.records.correctionsOf(sessions.map((s) => s.id));
    const outsiders = [...new Set([...rows.map((r) => r.userId), ...corrections.map((c) => c.userId)])].filter(
      (id) => !memberOf.has(id),
    );
    // The latest correction of each person at each session gives their minutes.
    const correctedMs = new Map<string, number>();
    for (const c of corrections) correctedMs.set(`${c.sessionId}:${c.userId}`, c.minutesAfter * 60_000);
    const users = new Map((await this.records.users(outsiders)).map((u) => [u.id, u]));
    const sites = new Map((await this.records.sites(program.id)).map((s) => [s.id, s] as const));

    const bySessionUser = new Map<string, Map<string, Attendance[]>>();
    for (const row of rows) {
      const byUser = bySessionUser.get(row.sessionId) ?? new Map<string, Attendance[]>();
      byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
      bySessionUser.set(row.sessionId, byUser);
    }

    const records: PersonSession[] = [];
    for (const session of sessions) {
      const end = endMs(session);
      const endIso = new Date(end).toISOString();
      const attendees = bySessionUser.get(session.id) ?? new Map<string, Attendance[]>();
      for (const [userId, own] of attendees) {
        const latest = own.reduce((a, b) => (b.joinedAt > a.joinedAt ? b : a));
        const member = memberOf.get(userId);
        const user = member?.user ?? users.get(userId);
        const recordedMs = attendedMs(own, end, now);
        const ms = correctedMs.get(`${session.id}:${userId}`) ?? recordedMs;
        records.push({
          session,
          userId,
          displayName: user?.displayName ?? 'Former account',
          email: user?.email ?? '',
          role: latest.role,
          siteId: latest.siteId,
          profession: member?.profession ?? null,
          participationType: member?.participationType ?? null,
          registered: member !== undefined && member.createdAt <= endIso,
          ms,
          recordedMs,
          corrected: correctedMs.has(`${session.id}:${userId}`),
          present: true,
          learningExperience: isLearningExperience(ms, session.durationMinutes, program.minAttendanceShare),
        });
      }
      for (const m of members) {
        if (attendees.has(m.userId)) continue;
        // No connection of theirs, but a coordinator recorded time (e.g. they joined on a colleague's device).
        const ms = correctedMs.get(`${session.id}:${m.userId}`);
        if (m.createdAt > endIso && ms === undefined) continue;
        records.push({
          session,
          userId: m.userId,
          displayName: m.user?.displayName ?? '',
          email: m.user?.email ?? '',
          role: m.role,
          siteId: m.siteId,
          profession: m.profession,
          participationType: m.participationType,
          registered: m.createdAt <= endIso,
          ms: ms ?? 0,
          recordedMs: 0,
          corrected: ms !== undefined,
          present: Boolean(ms),
          learningExperience: isLearningExperience(ms ?? 0, session.durationMinutes, program.minAttendanceShare),
        });
      }
    }
    records.sort(
      (a, b) =>
        a.session.startsAt.localeCompare(b.session.startsAt) ||
        a.session.id.localeCompare(b.session.id) ||
        a.displayName.localeCompare(b.displayName),
    );
    return { records, sites };
  }

  // ---- figures -------------------------------------------------------------------

  private byMonth(sessions: EchoSession[], present: PersonSession[], zone: string): ImpactMonth[] {
    // Each session's month once (a time-zone conversion): per attendance, it was most of the report's time.
    const monthOfSession = new Map(sessions.map((s) => [s.id, monthOf(s.startsAt, zone)]));
    const months = [...new Set(monthOfSession.values())];
    return months.map((month) => {
      const inMonth = present.filter((r) => monthOfSession.get(r.session.id) === month);
      const lived = inMonth.filter(isLivedExperience).length;
      return {
        month,
        label: monthLabel(month),
        sessions: sessions.filter((s) => monthOfSession.get(s.id) === month).length,
        ...summarise(inMonth),
        serviceUsersAndCarers: lived,
        representationShare: ratio(lived, inMonth.length),
      };
    });
  }

  private sessionFigures(
    s: EchoSession,
    people: PersonSession[],
    survey: ImpactSession['survey'],
  ): Omit<ImpactSession, 'knowledgeChecks'> {
    const own = people.filter((r) => r.session.id === s.id);
    const present = own.filter((r) => r.present);
    const lived = present.filter(isLivedExperience).length;
    return {
      sessionId: s.id,
      title: s.title,
      startsAt: s.startsAt,
      durationMinutes: s.durationMinutes,
      status: s.status as ImpactSession['status'],
      registered: own.filter((r) => r.registered).length,
      present: present.length,
      absent: own.length - present.length,
      learningExperiences: present.filter((r) => r.learningExperience).length,
      hours: toHours(present.reduce((n, r) => n + r.ms, 0)),
      serviceUsersAndCarers: lived,
      representationShare: ratio(lived, present.length),
      survey,
    };
  }

  /**
   * Progress against the program's target with a linear forecast: learning experiences per
   * week since the first delivered session (at least one week, so one early session does not
   * explode the rate), times the weeks from now to the target date, or else to the end of the
   * last scheduled session.
   */
  private target(
    program: Program,
    sessions: EchoSession[],
    records: PersonSession[],
    last: EchoSession | null,
    now: number,
  ): ImpactTarget {
    const zone = program.timeZone;
    const les = records.filter((r) => r.learningExperience);
    const achieved = les.length;
    let total = 0;
    const cumulative = sessions.map((s) => {
      total += les.filter((r) => r.session.id === s.id).length;
      return { date: s.startsAt, total };
    });
    const first = sessions.length ? Date.parse(sessions[0].startsAt) : now;
    const weeksElapsed = Math.max(1, (now - first) / WEEK);
    const ratePerWeek = sessions.length ? achieved / weeksElapsed : 0;

    let horizon: ImpactTarget['horizon'];
    let horizonMs: number;
    if (program.learningTargetDate) {
      horizonMs = endOfDateMs(program.learningTargetDate, zone);
      horizon = { date: program.learningTargetDate, source: 'target-date' };
    } else if (last && endMs(last) > now) {
      horizonMs = endMs(last);
      horizon = { date: dateOf(last.startsAt, zone), source: 'series-end' };
    } else {
      horizonMs = now;
      horizon = { date: dateOf(new Date(now).toISOString(), zone), source: 'today' };
    }
    const weeksRemaining = Math.max(0, (horizonMs - now) / WEEK);
    const forecast = achieved + Math.floor(ratePerWeek * weeksRemaining);
    const t = program.learningTarget;
    const projectedReachDate =
      t !== null && achieved < t && ratePerWeek > 0
        ? dateOf(new Date(now + ((t - achieved) / ratePerWeek) * WEEK).toISOString(), zone)
        : null;
    const horizonWords = {
      'target-date': 'the target date',
      'series-end': 'the last scheduled session',
      today: 'today (no target date and no session still to come)',
    }[horizon.source];
    const method =
      `Linear: ${achieved} learning experiences over ${round1(weeksElapsed)} weeks since the first session ` +
      `(${round1(ratePerWeek)} a week), × ${round1(weeksRemaining)} weeks to ${horizon.date} (${horizonWords}) ` +
      `= +${forecast - achieved}, forecast ${forecast}.`;
    return {
      target: t,
      achieved,
      remaining: t === null ? null : Math.max(0, t - achieved),
      progress: t ? ratio(achieved, t) : null,
      ratePerWeek: round1(ratePerWeek),
      weeksElapsed: round1(weeksElapsed),
      horizon,
      weeksRemaining: round1(weeksRemaining),
      forecast,
      onTrack: t === null ? null : forecast >= t,
      projectedReachDate,
      method,
      cumulative,
    };
  }

  /** The share correct of each knowledge check launched in the sessions (polls with correct options), by session. */
  private async knowledgeChecks(sessions: EchoSession[]): Promise<Map<string, KnowledgeCheckFigure[]>> {
    const bySession = new Map<string, KnowledgeCheckFigure[]>();
    if (!sessions.length) return bySession;
    const polls = (await this.records.launchedPolls(sessions.map((s) => s.id))).filter((p) => p.correct.length);
    const answers = await this.records.pollAnswers(polls.map((p) => p.id));
    for (const p of polls) {
      const own = answers.filter((a) => a.pollId === p.id);
      const correct = own.filter((a) => a.correct).length;
      const figure = {
        pollId: p.id,
        question: p.question,
        agendaItemId: p.agendaItemId,
        answers: own.length,
        correct,
        shareCorrect: ratio(correct, own.length),
      };
      bySession.set(p.sessionId, [...(bySession.get(p.sessionId) ?? []), figure]);
    }
    return bySession;
  }

  /** Response rates, ratings and confidence from the surveys of the period (people filters on the snapshots). */
  private async surveyFigures(program: Program, sessions: EchoSession[], filters: ImpactFilters) {
    const sessionIds = new Set(sessions.map((s) => s.id));
    const inPeriod = periodFilter(filters, program.timeZone);
    // A post-session survey belongs to its session's period; a program survey to the day it went out.
    const surveys = (await this.records.surveysOf(program.id)).filter((s) =>
      s.sessionId ? sessionIds.has(s.sessionId) : inPeriod(s.createdAt),
    );
    const ids = surveys.map((s) => s.id);
    const keep = matches(filters);
    const recipients = (await this.records.recipients(ids)).filter(keep);
    const responses = (await this.records.responses(ids)).filter(keep);

    const bySession = new Map<string, ImpactSession['survey']>();
    for (const s of surveys) {
      if (!s.sessionId) continue;
      bySession.set(s.sessionId, { id: s.id, ...rates(recipients.filter((r) => r.surveyId === s.id)) });
    }
    const questions = new Map(surveys.map((s) => [s.id, s.questions]));
    return {
      rates: rates(recipients),
      bySession,
      ...summariseAnswers(responses, questions),
    };
  }
}

// ---- helpers -----------------------------------------------------------------------

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Whether an instant (ISO) falls in the filters' period: `from` inclusive, `to` dates inclusive of the whole day. */
function periodFilter(f: ImpactFilters, zone: string): (iso: string) => boolean {
  const from = f.from ? boundOf(f.from, zone) : null;
  const to = f.to ? boundOf(f.to, zone, true) : null;
  return (iso) => (!from || iso >= from) && (!to || iso < to);
}

const hasFilters = (f: ImpactFilters) => Boolean(f.from || f.to || f.siteId || f.role || f.participationType);

/** The people filters (site, role, participation type), for person-sessions and survey snapshots alike. */
const matches =
  (f: ImpactFilters) =>
  (r: { siteId: string | null; role: string; participationType: ParticipationType | null }): boolean =>
    (!f.siteId || r.siteId === f.siteId) &&
    (!f.role || r.role === f.role) &&
    (!f.participationType || r.participationType === f.participationType);

const isLivedExperience = (r: PersonSession) =>
  r.participationType !== null && LIVED_EXPERIENCE_TYPES.includes(r.participationType);

function summarise(present: PersonSession[]) {
  return {
    attendances: present.length,
    learningExperiences: present.filter((r) => r.learningExperience).length,
    uniqueParticipants: new Set(present.map((r) => r.userId)).size,
    uniqueLearners: new Set(present.filter((r) => r.learningExperience).map((r) => r.userId)).size,
    hours: toHours(present.reduce((n, r) => n + r.ms, 0)),
  };
}

function groupBy(
  present: PersonSession[],
  keyOf: (r: PersonSession) => string | null,
  labelOf: (key: string | null) => string,
): ImpactGroup[] {
  const groups = new Map<string | null, PersonSession[]>();
  for (const r of present) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return [...groups]
    .map(([key, rs]) => {
      const { uniqueLearners: _, ...figures } = summarise(rs);
      return { key, label: labelOf(key), ...figures };
    })
    .sort((a, b) => b.attendances - a.attendances || a.label.localeCompare(b.label));
}

function rates(recipients: SurveyRecipient[]): SurveyRates {
  const responded = recipients.filter((r) => r.respondedAt !== null).length;
  return { sent: recipients.length, responded, responseRate: ratio(responded, recipients.length) };
}

/** Ratings and confidence items across surveys, matched by their wording (the same template item merges). */
export function summariseAnswers(
  responses: SurveyResponse[],
  questions: Map<string, SurveyQuestion[]>,
): { ratings: RatingSummary[]; confidence: ConfidenceSummary[] } {
  const ratings = new Map<string, number[]>();
  const confidence = new Map<string, [number, number][]>();
  // Every question of these surveys shows, in survey order, even before anyone answers it.
  for (const qs of questions.values()) {
    for (const q of qs) {
      if (q.kind === 'rating' && !ratings.has(q.text)) ratings.set(q.text, []);
      if (q.kind === 'confidence' && !confidence.has(q.text)) confidence.set(q.text, []);
    }
  }
  for (const response of responses) {
    const qs = new Map((questions.get(response.surveyId) ?? []).map((q) => [q.id, q]));
    for (const a of response.answers) {
      const q = qs.get(a.questionId);
      if (q?.kind === 'rating' && a.value !== undefined) ratings.get(q.text)?.push(a.value);
      if (q?.kind === 'confidence' && a.value !== undefined && a.before !== undefined) {
        confidence.get(q.text)?.push([a.before, a.value]);
      }
    }
  }
  return {
    ratings: [...ratings].map(([question, values]) => ratingSummary(question, values)),
    confidence: [...confidence].map(([item, pairs]) => confidenceSummary(item, pairs)),
  };
}

export function ratingSummary(question: string, values: number[]): RatingSummary {
  return {
    question,
    n: values.length,
    mean: mean(values),
    distribution: [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length),
  };
}

export function confidenceSummary(item: string, pairs: [number, number][]): ConfidenceSummary {
  const before = mean(pairs.map(([b]) => b));
  const after = mean(pairs.map(([, a]) => a));
  return {
    item,
    n: pairs.length,
    meanBefore: before,
    meanAfter: after,
    shift: before === null || after === null ? null : Math.round((after - before) * 100) / 100,
    improved: pairs.filter(([b, a]) => a > b).length,
  };
}

const mean = (values: number[]): number | null =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null;

function toRecord(r: PersonSession, sites: Map<string, Site>): AttendanceRecord {
  return {
    sessionId: r.session.id,
    sessionTitle: r.session.title,
    sessionStartsAt: r.session.startsAt,
    userId: r.userId,
    displayName: r.displayName,
    email: r.email,
    role: r.role,
    siteId: r.siteId,
    siteName: r.siteId ? (sites.get(r.siteId)?.organisation ?? null) : null,
    profession: r.profession,
    participationType: r.participationType,
    minutes: toMinutes(r.ms),
    present: r.present,
    learningExperience: r.learningExperience,
    recordedMinutes: toMinutes(r.recordedMs),
    corrected: r.corrected,
  };
}
