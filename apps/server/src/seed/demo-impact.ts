import type { INestApplication } from '@nestjs/common';
import type { AttendanceRole, SurveyAnswer } from '@echo-hub/protocol';
import { DateTime } from 'luxon';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/auth.types';
import { Attendance } from '../live/entities/attendance.entity';
import { SurveyRecipient } from '../impact/entities/survey-recipient.entity';
import { SurveyResponse } from '../impact/entities/survey-response.entity';
import { Survey } from '../impact/entities/survey.entity';
import { SurveysService } from '../impact/surveys.service';
import { Membership } from '../programs/entities/membership.entity';
import { ProgramsService } from '../programs/programs.service';
import { EchoSession } from '../sessions/entities/echo-session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { DEMO_PASSWORD } from './demo-data';
import { demoDoDifferently, demoFirstAttendance, demoMoreSpokes, demoPastTopics } from './demo-impact-data';

const MIN = 60_000;
const DAY = 86_400_000;

/** A small deterministic generator: the same demo every time it is seeded. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PastContext {
  programId: string;
  sites: Map<string, string>;
  /** The first upcoming session: the past ones are the fortnights before it. */
  nextSession: DateTime;
  durationMinutes: number;
}

/**
 * Gives the demo program a history a newcomer can read charts from: more spokes, ten delivered
 * sessions with generated join/leave rows (reconnects, late joiners, early leavers), a rising
 * share of service users and carers, post-session survey answers and one program survey.
 */
export async function seedImpactHistory(app: INestApplication, ctx: PastContext): Promise<string> {
  const db = app.get(DataSource);
  const auth = app.get(AuthService);
  const programs = app.get(ProgramsService);
  const sessions = app.get(SessionsService);
  const surveys = app.get(SurveysService);
  const random = mulberry32(2026);

  for (const p of demoMoreSpokes) {
    await auth.register({ email: p.email, displayName: p.displayName, password: DEMO_PASSWORD });
    await programs.enrol(ctx.programId, {
      email: p.email,
      role: 'participant',
      siteId: ctx.sites.get(p.site),
      profession: p.profession,
      participationType: p.participationType,
    });
  }

  // Ten fortnights back from the next session, each with its own teaching topic.
  const starts = demoPastTopics.map((_, i) => ctx.nextSession.minus({ weeks: 2 * (demoPastTopics.length - i) }));
  const past: EchoSession[] = [];
  for (const [i, topic] of demoPastTopics.entries()) {
    const created = await sessions.create(
      ctx.programId,
      {
        title: 'Social Prescribing ECHO',
        startsAt: starts[i].toISO() ?? '',
        durationMinutes: ctx.durationMinutes,
        agenda: [
          { kind: 'didactic', title: topic.title, presenterEmail: topic.presenterEmail, minutes: 20 },
          { kind: 'case', minutes: 30 },
          { kind: 'case', minutes: 30 },
        ],
      },
      null,
    );
    await db.getRepository(EchoSession).update({ id: created.id }, { status: 'ended' });
    past.push(await db.getRepository(EchoSession).findOneByOrFail({ id: created.id }));
  }

  // Members joined before the first session, or (the later recruits) just before their first.
  const members = (
    await db.getRepository(Membership).find({ where: { programId: ctx.programId }, relations: { user: true } })
  ).sort((a, b) => (a.user?.email ?? '').localeCompare(b.user?.email ?? '')); // a fixed order: the same draws each time
  const firstSession = (email: string) =>
    demoMoreSpokes.find((p) => p.email === email)?.joinsAt ?? demoFirstAttendance[email] ?? 0;
  for (const m of members) {
    const joined = starts[firstSession(m.user?.email ?? '')].minus({ days: 5 });
    await db.getRepository(Membership).update({ id: m.id }, { createdAt: joined.toUTC().toISO() ?? '' });
  }

  // Join/leave rows: most stay throughout; some come late, leave early, or drop and reconnect.
  const rows: Partial<Attendance>[] = [];
  const attended = new Map<string, Set<string>>();
  for (const [i, session] of past.entries()) {
    const start = Date.parse(session.startsAt);
    const end = start + session.durationMinutes * MIN;
    const here = new Set<string>();
    for (const m of members) {
      const email = m.user?.email ?? '';
      if (i < firstSession(email)) continue;
      const hub = m.role !== 'participant';
      const lived = m.participationType === 'service_user' || m.participationType === 'carer';
      const chance = m.role === 'facilitator' ? 1 : hub ? 0.85 : lived ? 0.9 : 0.72;
      // Ciara Quinn never misses the latest one: signing in as her shows a survey waiting.
      const regular = i === past.length - 1 && email === 'linkworker.ards@echo.demo';
      if (random() > chance && !regular) continue;
      here.add(m.userId);
      let joined = start + Math.round((random() * 12 - 8) * MIN);
      if (!hub && random() < 0.15) joined += Math.round((15 + random() * 30) * MIN); // late
      let left = end + Math.round((random() * 6 - 2) * MIN);
      if (!hub && random() < 0.15) left = joined + Math.round((15 + random() * 20) * MIN); // early, under half
      const row = (from: number, to: number) =>
        rows.push({
          sessionId: session.id,
          userId: m.userId,
          role: m.role as AttendanceRole,
          siteId: m.siteId,
          joinedAt: new Date(from).toISOString(),
          leftAt: new Date(to).toISOString(),
        });
      if (random() < 0.25 && left - joined > 30 * MIN) {
        // A dropped connection: back within three minutes, the old socket sometimes still open.
        const drop = joined + Math.round((10 + (random() * (left - joined - 20 * MIN)) / MIN) * MIN);
        const back = drop + Math.round((random() * 4 - 1) * MIN);
        row(joined, drop);
        row(back, left);
      } else {
        row(joined, left);
      }
    }
    attended.set(session.id, here);
  }
  const attendance = db.getRepository(Attendance);
  await attendance.save(
    rows.map((r) => attendance.create(r)),
    { chunk: 200 },
  );

  // The post-session survey of each; about two in three answer (more for the early sessions' keen few).
  const last = past.length - 1;
  let answered = 0;
  const ids = past.map((s) => s.id);
  for (const [i, session] of past.entries()) {
    const summary = await surveys.sendSessionSurvey(session.id);
    const recipients = await db.getRepository(SurveyRecipient).find({ where: { surveyId: summary.id } });
    const survey = await db.getRepository(Survey).findOneByOrFail({ id: summary.id });
    for (const r of recipients) {
      // The latest survey stays open, and the e2e participant's is left for them to find.
      if (i === last && (r.userId === byEmail(members, 'linkworker.ards@echo.demo') || random() < 0.5)) continue;
      if (random() > 0.68) continue;
      const growth = i / last; // confidence grows over the series
      const answers: SurveyAnswer[] = survey.questions.flatMap((q): SurveyAnswer[] => {
        if (q.kind === 'rating') return [{ questionId: q.id, value: random() < 0.55 ? 5 : random() < 0.8 ? 4 : 3 }];
        if (q.kind === 'confidence') {
          const before = Math.min(5, 1 + Math.floor(random() * 2 + growth * 1.5));
          return [
            {
              questionId: q.id,
              before,
              value: Math.min(5, before + (random() < 0.8 ? 1 : 0) + (random() < 0.3 ? 1 : 0)),
            },
          ];
        }
        if (q.text === 'What will you do differently?' && random() < 0.6) {
          return [{ questionId: q.id, text: demoDoDifferently[Math.floor(random() * demoDoDifferently.length)] }];
        }
        return [];
      });
      await surveys.respond(summary.id, asUser(r.userId), answers);
      answered++;
    }
    // Sent when the session ended, as it would have been.
    const ended = new Date(Date.parse(session.startsAt) + session.durationMinutes * MIN).toISOString();
    await db
      .getRepository(Survey)
      .update({ id: summary.id }, { createdAt: ended, closesAt: new Date(Date.parse(ended) + 14 * DAY).toISOString() });
    await db.getRepository(SurveyRecipient).update({ surveyId: summary.id }, { createdAt: ended });
  }
  await backdateAnswers(db, ids);

  // Half way through, the coordinator asked everyone a few questions about the network itself.
  const coordinator = members.find((m) => m.role === 'coordinator');
  const mid = await surveys.createProgramSurvey(
    ctx.programId,
    {
      title: 'Half-way: how is the network working for you?',
      intro: 'Five minutes to shape the second half of the programme.',
      questions: [
        { kind: 'rating', text: 'How useful is this ECHO network to your work?', scale: ['Not useful', 'Very useful'] },
        {
          kind: 'choice',
          text: 'Where do you usually join from?',
          options: ['My clinic or office', 'Home', 'On the move'],
        },
        { kind: 'confidence', text: 'Working in co-production with service users and carers' },
        { kind: 'text', text: 'Which topic should a future session cover?' },
      ],
      audience: 'participants',
    },
    asUser(coordinator?.userId ?? ''),
  );
  const midRecipients = await db.getRepository(SurveyRecipient).find({ where: { surveyId: mid.id } });
  const topics = [
    'Loneliness in rural areas',
    'Benefits and debt advice',
    'Working with young carers',
    'Dementia and music',
  ];
  for (const r of midRecipients) {
    if (random() > 0.55) continue;
    const before = 1 + Math.floor(random() * 3);
    await surveys.respond(mid.id, asUser(r.userId), [
      { questionId: 'q1', value: random() < 0.6 ? 5 : 4 },
      { questionId: 'q2', text: ['My clinic or office', 'Home', 'On the move'][Math.floor(random() * 2.4)] },
      { questionId: 'q3', before, value: Math.min(5, before + 1) },
      { questionId: 'q4', text: topics[Math.floor(random() * topics.length)] },
    ]);
    answered++;
  }
  const midAt = starts[5].minus({ days: 2 }).toUTC().toISO() ?? '';
  await db.getRepository(Survey).update({ id: mid.id }, { createdAt: midAt, closesAt: starts[6].toUTC().toISO() });

  // Thirty weeks from now to meet the target: the forecast looks ahead to that date.
  await programs.update(
    ctx.programId,
    { learningTargetDate: ctx.nextSession.plus({ weeks: 30 }).toISODate() ?? undefined },
    null,
  );

  const lived = rows.filter((r) => {
    const m = members.find((x) => x.userId === r.userId);
    return m?.participationType === 'service_user' || m?.participationType === 'carer';
  }).length;
  return (
    `  ${demoMoreSpokes.length} more spoke members; ${past.length} delivered sessions with ${rows.length} join/leave rows ` +
    `(${lived} of service users and carers), ${answered} survey answers`
  );
}

const byEmail = (members: Membership[], email: string) => members.find((m) => m.user?.email === email)?.userId;

const asUser = (id: string): AuthUser => ({ id, email: '', displayName: '', isAdmin: false, sessionId: '' });

/** Answers carry the time the survey went out plus a day, like people answering the next morning. */
async function backdateAnswers(db: DataSource, sessionIds: string[]): Promise<void> {
  const surveys = await db.getRepository(Survey).find({ where: { sessionId: In(sessionIds) } });
  for (const s of surveys) {
    const next = new Date(Date.parse(s.createdAt) + DAY).toISOString();
    await db.getRepository(SurveyResponse).update({ surveyId: s.id }, { createdAt: next });
    await db
      .getRepository(SurveyRecipient)
      .update({ surveyId: s.id, respondedAt: Not(IsNull()) }, { respondedAt: next });
  }
}
