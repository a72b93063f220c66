import type {
  AssessmentRoundDto,
  ImpactReport,
  LearningActivityDto,
  MentoringPairDto,
  PlannedActivityDto,
  PriorityDto,
} from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { Membership } from '../src/programs/entities/membership.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * The programme around the sessions (issue #20 A), over HTTP on SQLite or PostgreSQL (TEST_DATABASE): a maturity
 * self-assessment answered at two sites gives each site's and the program's radar with the spread of opinion, a
 * priority links to a planned ECHO session, a re-assessment shows the change, and an exchange or a mentoring
 * meeting logged counts as learning experiences in the impact report.
 */
describe('self-assessment, learning plan, exchanges and mentoring', () => {
  let t: TestApp;
  let program: string;
  let coordinator: Account;
  let ards: [Account, Account];
  let bradford: Account;
  let session: string;

  const as = (who: Account) => ({
    get: (path: string) => api(t.app).get(`/api/programs/${program}${path}`).set(bearer(who)),
    post: (path: string, body: object) =>
      api(t.app).post(`/api/programs/${program}${path}`).set(bearer(who)).send(body),
    put: (path: string, body: object) => api(t.app).put(`/api/programs/${program}${path}`).set(bearer(who)).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp();
    await account(t.app, 'admin');
    const programs = t.app.get(ProgramsService);
    program = (await programs.create({ name: 'Integrated Care Exchange ECHO' })).id;
    const siteA = (await programs.addSite(program, { organisation: 'Ards Community Health Centre' })).id;
    const siteB = (await programs.addSite(program, { organisation: 'Bradford Social Prescribing Hub' })).id;
    coordinator = await account(t.app, 'coordinator');
    await addMember(t.app, program, coordinator.id, 'coordinator');
    ards = [await account(t.app, 'ards1'), await account(t.app, 'ards2')];
    bradford = await account(t.app, 'bradford');
    const members = t.app.get(DataSource).getRepository(Membership);
    for (const [who, siteId] of [
      [ards[0], siteA],
      [ards[1], siteA],
      [bradford, siteB],
    ] as const) {
      await members.save(members.create({ programId: program, userId: who.id, role: 'participant', siteId }));
    }
    session = (
      await t.app
        .get(SessionsService)
        .create(
          program,
          { title: 'Shared care records', startsAt: '2026-09-08T12:30:00+01:00', durationMinutes: 60 },
          null,
        )
    ).id;
  });
  afterAll(() => t.close());

  it('answered by two sites, a round gives each site and the program its figures with the spread, and a priority links to a planned session', async () => {
    const templates = await as(ards[0]).get('/assessment/templates').expect(200);
    expect(templates.body[0]).toMatchObject({ id: 'scirocco-b3', builtIn: true });
    expect(templates.body[0].dimensions).toHaveLength(12);

    const opened = await as(coordinator)
      .post('/assessment/rounds', { title: 'Baseline 2026', templateId: 'scirocco-b3' })
      .expect(201);
    const round = opened.body as AssessmentRoundDto;
    const a1 = [1, 2, 0, 3, 1, 2, 2, 4, 1, 3, 2, 2];
    const a2 = [3, 2, 2, 3, 1, 4, 2, 4, 1, 3, 2, 2];
    const b1 = [2, 2, 4, 1, 5, 2, 2, 1, 1, 3, 2, 2];
    await as(ards[0]).put(`/assessment/rounds/${round.id}/answer`, { scores: a1 }).expect(200);
    await as(ards[1]).put(`/assessment/rounds/${round.id}/answer`, { scores: a2 }).expect(200);
    const last = await as(bradford).put(`/assessment/rounds/${round.id}/answer`, { scores: b1 }).expect(200);
    const results = last.body as AssessmentRoundDto;

    expect(results.respondents).toBe(3);
    expect(results.myScores).toEqual(b1);
    expect(results.sites.map((s) => [s.siteName, s.respondents])).toEqual([
      ['Ards Community Health Centre', 2],
      ['Bradford Social Prescribing Hub', 1],
    ]);
    // Readiness to change: Ards 1 and 3 (mean 2, spread 1), Bradford 2; the program 1, 3, 2.
    expect(results.sites[0].dimensions[0]).toEqual({ mean: 2, min: 1, max: 3, sd: 1, n: 2 });
    expect(results.sites[1].dimensions[0]).toEqual({ mean: 2, min: 2, max: 2, sd: 0, n: 1 });
    expect(results.program.dimensions[0]).toEqual({ mean: 2, min: 1, max: 3, sd: 0.82, n: 3 });
    // Funding: 1, 1, 5: the widest spread of opinion, where the consensus workshop starts.
    expect(results.program.dimensions[4]).toEqual({ mean: 2.33, min: 1, max: 5, sd: 1.89, n: 3 });
    // Everyone agrees on Breadth of ambition.
    expect(results.program.dimensions[9]).toMatchObject({ min: 3, max: 3, sd: 0 });

    const priority = (
      await as(coordinator)
        .post(`/assessment/rounds/${round.id}/priorities`, { dimension: 2, title: 'One shared care record' })
        .expect(201)
    ).body as PriorityDto;
    const planned = (
      await as(coordinator)
        .post(`/assessment/priorities/${priority.id}/activities`, {
          kind: 'session',
          title: 'teleECHO: shared care records',
          sessionId: session,
          ownerId: coordinator.id,
          dueOn: '2026-09-08',
        })
        .expect(201)
    ).body as PlannedActivityDto;
    expect(planned).toMatchObject({ kind: 'session', sessionId: session, owner: { id: coordinator.id } });
    await as(coordinator)
      .post(`/assessment/priorities/${priority.id}/activities`, {
        kind: 'study_visit',
        title: 'Study visit to the Basque Country',
        ownerId: ards[0].id,
        dueOn: '2026-10-15',
      })
      .expect(201);

    const seen = (await as(ards[1]).get(`/assessment/rounds/${round.id}`).expect(200)).body as AssessmentRoundDto;
    expect(seen.myScores).toEqual(a2);
    expect(seen.priorities).toEqual([
      expect.objectContaining({
        dimension: 2,
        title: 'One shared care record',
        activities: [
          expect.objectContaining({ kind: 'session', sessionId: session }),
          expect.objectContaining({ kind: 'study_visit', owner: { id: ards[0].id, displayName: 'Test ards1' } }),
        ],
      }),
    ]);

    // A re-assessment a year on shows the change per dimension.
    const again = (
      await as(coordinator)
        .post('/assessment/rounds', {
          title: 'Re-assessment 2027',
          templateId: 'scirocco-b3',
          previousRoundId: round.id,
        })
        .expect(201)
    ).body as AssessmentRoundDto;
    await as(ards[0]).put(`/assessment/rounds/${again.id}/answer`, { scores: a1.map((s) => Math.min(5, s + 1)) });
    const change = (await as(ards[0]).get(`/assessment/rounds/${again.id}`).expect(200)).body as AssessmentRoundDto;
    expect(change.change?.previousTitle).toBe('Baseline 2026');
    expect(change.change?.delta[0]).toBe(0); // 2 then; 1 + 1 = 2 now
    expect(change.change?.delta[2]).toBe(-1); // 2 then; 0 + 1 = 1 now
  });

  it('refuses what does not fit with a 4xx naming the field, and participants cannot manage', async () => {
    const round = (
      await as(coordinator).post('/assessment/rounds', { title: 'Check', templateId: 'scirocco-b3' }).expect(201)
    ).body as AssessmentRoundDto;
    const bad = await as(ards[0])
      .put(`/assessment/rounds/${round.id}/answer`, { scores: [1, 2, 3] })
      .expect(400);
    expect(bad.body.message).toMatch(/scores/);
    const outOfScale = await as(ards[0])
      .put(`/assessment/rounds/${round.id}/answer`, { scores: Array(12).fill(6) })
      .expect(400);
    expect(JSON.stringify(outOfScale.body.message)).toMatch(/scores/);
    const noTemplate = await as(coordinator).post('/assessment/rounds', { title: 'X', templateId: 'nope' }).expect(400);
    expect(noTemplate.body.message).toMatch(/templateId/);
    const farDimension = await as(coordinator)
      .post(`/assessment/rounds/${round.id}/priorities`, { dimension: 12, title: 'Beyond' })
      .expect(400);
    expect(farDimension.body.message).toMatch(/dimension/);
    await as(ards[0]).post(`/assessment/rounds/${round.id}/priorities`, { dimension: 1, title: 'Mine' }).expect(403);
  });

  it('an exchange and mentoring meetings logged count as learning experiences in the impact report', async () => {
    const before = (await as(coordinator).get('/impact').expect(200)).body as ImpactReport;
    expect(before.learningActivities).toEqual({ activities: 0, learningExperiences: 0, hours: 0, byKind: [] });

    const exchange = (
      await as(ards[0])
        .post('/learning-activities', {
          kind: 'exchange',
          title: 'Exchange with the Bradford hub',
          place: 'Bradford Social Prescribing Hub',
          startsOn: '2026-05-12',
          endsOn: '2026-05-14',
          hours: 14,
          participantIds: [ards[0].id, ards[1].id],
          reflection: 'Their link workers meet the GP practice every week; we will try a fortnightly huddle.',
        })
        .expect(201)
    ).body as LearningActivityDto;
    expect(exchange.participants.map((p) => p.displayName)).toEqual(['Test ards1', 'Test ards2']);

    const pair = (
      await as(coordinator).post('/mentoring-pairs', { mentorId: coordinator.id, menteeId: bradford.id }).expect(201)
    ).body as MentoringPairDto;
    await as(bradford)
      .post('/learning-activities', {
        kind: 'mentoring',
        title: 'First mentoring conversation',
        place: 'Online',
        startsOn: '2026-06-01',
        endsOn: '2026-06-01',
        hours: 1,
        pairId: pair.id,
      })
      .expect(201);
    const pairs = (await as(bradford).get('/mentoring-pairs').expect(200)).body as MentoringPairDto[];
    expect(pairs).toEqual([expect.objectContaining({ id: pair.id, meetings: 1, hours: 1, lastMetOn: '2026-06-01' })]);

    const after = (await as(coordinator).get('/impact').expect(200)).body as ImpactReport;
    expect(after.learningActivities).toEqual({
      activities: 2,
      learningExperiences: 4,
      hours: 30,
      byKind: [
        { kind: 'exchange', label: 'Exchange', activities: 1, learningExperiences: 2, hours: 28 },
        { kind: 'mentoring', label: 'Mentoring meeting', activities: 1, learningExperiences: 2, hours: 2 },
      ],
    });
    // The period filter: only the mentoring meeting started in June.
    const june = (await as(coordinator).get('/impact?from=2026-06-01').expect(200)).body as ImpactReport;
    expect(june.learningActivities).toMatchObject({ activities: 1, learningExperiences: 2 });
  });

  it('a reflection with an identifier is refused until confirmed, and other bad input names the field', async () => {
    const body = {
      kind: 'study_visit',
      title: 'Study visit',
      place: 'Leeds',
      startsOn: '2026-05-12',
      endsOn: '2026-05-12',
      hours: 6,
      reflection: 'Met the patient with NHS number 943 476 5919 on the ward.',
    };
    const refused = await as(ards[1]).post('/learning-activities', body).expect(422);
    expect(refused.body.error).toBe('IDENTIFIERS_FOUND');
    const wrongDates = await as(ards[1])
      .post('/learning-activities', { ...body, reflection: '', endsOn: '2026-05-01' })
      .expect(400);
    expect(wrongDates.body.message).toMatch(/endsOn/);
    const stranger = await account(t.app, 'outsider');
    const notMember = await as(ards[1])
      .post('/learning-activities', { ...body, reflection: '', participantIds: [stranger.id] })
      .expect(400);
    expect(notMember.body.message).toMatch(/participantIds/);
    const noPair = await as(ards[1])
      .post('/learning-activities', { ...body, reflection: '', kind: 'mentoring' })
      .expect(400);
    expect(noPair.body.message).toMatch(/pairId/);
  });
});
