import { DataSource } from 'typeorm';
import { User } from '../src/auth/entities/user.entity';
import { SurveyRecipient } from '../src/impact/entities/survey-recipient.entity';
import { SurveysService } from '../src/impact/surveys.service';
import { Attendance } from '../src/live/entities/attendance.entity';
import { EchoSession } from '../src/sessions/entities/echo-session.entity';
import { SessionsService } from '../src/sessions/sessions.service';
import type { Fixture } from './routes';
import type { TestApp } from './test-app';

/** What the impact routes of the authorization and bad-input tests act on, made once per app. */
interface ImpactTargets {
  /** An ended session in June 2026 that every account existing then attended in full. */
  endedSession: string;
  /** A program survey sent to every account. */
  survey: string;
}

const made = new WeakMap<TestApp, Promise<ImpactTargets>>();

export function impactTargets(f: Fixture, t: TestApp): Promise<ImpactTargets> {
  let targets = made.get(t);
  if (!targets) {
    targets = make(f, t);
    made.set(t, targets);
  }
  return targets;
}

async function make(f: Fixture, t: TestApp): Promise<ImpactTargets> {
  const db = t.app.get(DataSource);
  const session = await t.app
    .get(SessionsService)
    .create(
      f.program,
      { title: 'Delivered session', startsAt: '2026-06-09T12:30:00+01:00', durationMinutes: 60 },
      null,
    );
  await db.getRepository(EchoSession).update({ id: session.id }, { status: 'ended' });
  const users = await db.getRepository(User).find();
  const attendance = db.getRepository(Attendance);
  await attendance.save(
    users.map((u) =>
      attendance.create({
        sessionId: session.id,
        userId: u.id,
        role: 'participant',
        siteId: null,
        joinedAt: '2026-06-09T11:30:00.000Z',
        leftAt: '2026-06-09T12:30:00.000Z',
      }),
    ),
  );
  return { endedSession: session.id, survey: await surveyForEveryone(f, t) };
}

/** A fresh program survey with one rating question, sent to every account (so any caller may answer it once). */
export async function surveyForEveryone(f: Fixture, t: TestApp): Promise<string> {
  const db = t.app.get(DataSource);
  const survey = await t.app
    .get(SurveysService)
    .createProgramSurvey(
      f.program,
      { title: 'How useful is the programme?', questions: [{ kind: 'rating', text: 'Useful?' }], audience: 'everyone' },
      { id: f.admin.id, email: f.admin.email, displayName: 'Admin', isAdmin: true, sessionId: '' },
    );
  const recipients = db.getRepository(SurveyRecipient);
  const asked = new Set((await recipients.findBy({ surveyId: survey.id })).map((r) => r.userId));
  const users = (await db.getRepository(User).find()).filter((u) => !asked.has(u.id));
  await recipients.save(
    users.map((u) =>
      recipients.create({
        surveyId: survey.id,
        userId: u.id,
        role: 'participant',
        siteId: null,
        participationType: 'staff',
        respondedAt: null,
      }),
    ),
  );
  return survey.id;
}
