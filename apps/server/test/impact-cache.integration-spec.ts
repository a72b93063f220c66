import type { ImpactReport } from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { CoproductionRoleEntity } from '../src/coproduction/entities/coproduction-role.entity';
import { LearningActivity } from '../src/exchanges/entities/learning-activity.entity';
import { SurveyResponse } from '../src/impact/entities/survey-response.entity';
import { ImpactRecords } from '../src/impact/impact.records';
import { SurveysService } from '../src/impact/surveys.service';
import { Attendance } from '../src/live/entities/attendance.entity';
import { Poll, PollAnswer } from '../src/live';
import { Membership } from '../src/programs/entities/membership.entity';
import { Site } from '../src/programs/entities/site.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { EchoSession } from '../src/sessions/entities/echo-session.entity';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * The impact report is computed once and kept until a table it reads is written (ImpactReportCache):
 * a second read recomputes nothing, and a write of each kind the report counts shows in the next one.
 * Runs on SQLite and with TEST_DATABASE=postgres; two instances sharing a database are in scale-out.
 */
describe('impact report cache', () => {
  let t: TestApp;
  let db: DataSource;
  let coordinator: Account;
  let spoke: Account;
  let programId: string;
  let sessionId: string;
  let siteId: string;

  const report = async (): Promise<ImpactReport> =>
    (await api(t.app).get(`/api/programs/${programId}/impact`).set(bearer(coordinator)).expect(200)).body;

  const endedSession = async (title: string, startsAt: string) => {
    const s = await t.app.get(SessionsService).create(programId, { title, startsAt, durationMinutes: 60 }, null);
    await db.getRepository(EchoSession).update({ id: s.id }, { status: 'ended' });
    return s.id;
  };

  const attend = (userId: string, session = sessionId, leftAt = '2026-06-09T12:30:00.000Z') =>
    db.getRepository(Attendance).save(
      db.getRepository(Attendance).create({
        sessionId: session,
        userId,
        role: 'participant',
        siteId,
        joinedAt: '2026-06-09T11:30:00.000Z',
        leftAt,
      }),
    );

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    await account(t.app, 'admin');
    coordinator = await account(t.app, 'coordinator');
    spoke = await account(t.app, 'spoke');
    programId = (await t.app.get(ProgramsService).create({ name: 'Cached Frailty ECHO' })).id;
    await addMember(t.app, programId, coordinator.id, 'coordinator');
    await addMember(t.app, programId, spoke.id, 'participant');
    await db.getRepository(Membership).update({ programId }, { createdAt: '2026-01-05T09:00:00.000Z' });
    siteId = (await t.app.get(ProgramsService).addSite(programId, { organisation: 'Ards practice' })).id;
    sessionId = await endedSession('Falls and frailty', '2026-06-09T12:30:00+01:00');
    await attend(coordinator.id);
  });

  afterAll(() => t?.close());

  it('answers a repeated read from the kept report, without reading attendance again', async () => {
    const first = await report();
    const reads = jest.spyOn(t.app.get(ImpactRecords), 'attendanceOf');
    try {
      const again = await report();
      expect(reads).not.toHaveBeenCalled();
      expect({ ...again, generatedAt: first.generatedAt }).toEqual(first);
    } finally {
      reads.mockRestore();
    }
  });

  // Each write goes through TypeORM as the features do (repository saves, criteria updates, deletes).
  const writes: [string, () => Promise<unknown>, (r: ImpactReport) => unknown][] = [
    ['an attendance row', () => attend(spoke.id), (r) => r.attendances],
    [
      'an attendance row closed earlier (a criteria update)',
      () => db.getRepository(Attendance).update({ userId: spoke.id }, { leftAt: '2026-06-09T11:40:00.000Z' }),
      (r) => r.hours,
    ],
    [
      'a correction (through the API)',
      () =>
        api(t.app)
          .post(`/api/sessions/${sessionId}/attendance/corrections`)
          .set(bearer(coordinator))
          .send({ userId: spoke.id, minutes: 55, reason: 'joined on a colleague’s laptop' })
          .expect(201),
      (r) => r.hours,
    ],
    ['a delivered session', () => endedSession('Delirium', '2026-06-16T12:30:00+01:00'), (r) => r.sessions],
    [
      'a membership',
      () => db.getRepository(Membership).update({ userId: spoke.id, programId }, { participationType: 'carer' }),
      (r) => r.representation.serviceUsersAndCarers,
    ],
    [
      'a site renamed',
      () => db.getRepository(Site).update({ id: siteId }, { organisation: 'Ards and North Down' }),
      (r) => r.bySite.map((s) => s.label),
    ],
    [
      'the program’s settings (through the API)',
      () =>
        api(t.app)
          .patch(`/api/programs/${programId}`)
          .set(bearer(coordinator))
          .send({ minAttendanceShare: 0.95 })
          .expect(200),
      (r) => [r.settings.minAttendanceShare, r.learningExperiences],
    ],
    [
      'a survey sent',
      () =>
        t.app
          .get(SurveysService)
          .createProgramSurvey(
            programId,
            { title: 'Useful?', questions: [{ kind: 'rating', text: 'How useful?' }], audience: 'everyone' },
            { id: coordinator.id, email: coordinator.email, displayName: 'Coordinator', isAdmin: false, sessionId: '' },
          ),
      (r) => r.surveys.sent,
    ],
    [
      'a survey response',
      async () => {
        const [survey] = await t.app.get(ImpactRecords).surveysOf(programId);
        const repo = db.getRepository(SurveyResponse);
        await repo.save(
          repo.create({
            surveyId: survey.id,
            role: 'participant',
            siteId: null,
            participationType: null,
            answers: [{ questionId: survey.questions[0].id, value: 5 }],
          }),
        );
      },
      (r) => r.ratings.map((x) => x.n),
    ],
    [
      'a knowledge check and its answer',
      async () => {
        const polls = db.getRepository(Poll);
        const poll = await polls.save(
          polls.create({
            sessionId,
            agendaItemId: null,
            createdBy: coordinator.id,
            kind: 'single',
            question: 'First-line test for delirium?',
            options: ['4AT', 'MMSE'],
            correct: [0],
            anonymous: false,
            status: 'closed',
            shared: false,
            openedAt: '2026-06-09T11:40:00.000Z',
            closedAt: '2026-06-09T11:45:00.000Z',
          }),
        );
        const answers = db.getRepository(PollAnswer);
        await answers.save(
          answers.create({
            pollId: poll.id,
            userId: spoke.id,
            displayName: 'Spoke',
            choices: [0],
            text: null,
            correct: true,
            confirmedFindings: [],
          }),
        );
      },
      (r) => r.perSession.map((s) => s.knowledgeChecks.length),
    ],
    [
      'a learning activity (exchanges)',
      () =>
        db.getRepository(LearningActivity).save(
          db.getRepository(LearningActivity).create({
            programId,
            kind: 'exchange',
            title: 'Visit to the falls clinic',
            place: 'Belfast',
            startsOn: '2026-06-10',
            endsOn: '2026-06-10',
            hours: 3,
            participantIds: [spoke.id],
            pairId: null,
            reflection: '',
            confirmedFindings: [],
            loggedBy: coordinator.id,
          }),
        ),
      (r) => r.learningActivities.activities,
    ],
    [
      'a co-production role (co-production)',
      () =>
        db.getRepository(CoproductionRoleEntity).save(
          db.getRepository(CoproductionRoleEntity).create({
            programId,
            sessionId,
            groupId: null,
            userId: spoke.id,
            role: 'co_facilitator',
            assignedBy: coordinator.id,
          }),
        ),
      (r) => r.coproduction.byRole.map((x) => x.people),
    ],
    [
      'an attendance row deleted',
      () => db.getRepository(Attendance).delete({ userId: coordinator.id }),
      (r) => r.attendances,
    ],
  ];

  it.each(writes)('shows %s in the next report', async (_what, write, figure) => {
    const before = figure(await report());
    await write();
    expect(figure(await report())).not.toEqual(before);
  });
});
