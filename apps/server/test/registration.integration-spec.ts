import type { RegistrationDto, RegistrationFormDto, RegistrationFunnel } from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { AuthService } from '../src/auth/auth.service';
import { Attendance } from '../src/live/entities/attendance.entity';
import { MailService } from '../src/mail/mail.service';
import { Membership } from '../src/programs/entities/membership.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { RegistrationService } from '../src/registration/registration.service';
import { EchoSession } from '../src/sessions/entities/echo-session.entity';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Issue #20: a person registers through a program's public form (no sign-in), is invited by e-mail, joins,
 * attends, completes the series and is certified; the funnel shows each stage with the drop-off, by site, role
 * and participation type. The SMTP server is outside the machine: the mail service's `send` is replaced.
 */
describe('public registration → participation funnel', () => {
  let t: TestApp;
  let programId: string;
  let siteId: string;
  let coordinator: Account;
  let participant: Account;
  const sent: { to: string; subject: string; text: string }[] = [];
  const valid = {
    name: 'Aoife Byrne',
    email: 'Aoife.Byrne@Clinic.example',
    profession: 'Practice nurse',
    participationType: 'staff',
    consentToContact: true,
    accessibilityNeeds: 'Live captions, please',
    answers: [{ questionId: 'q1', answer: 'Falls prevention' }],
  };
  const funnel = async (): Promise<RegistrationFunnel> =>
    (await api(t.app).get(`/api/programs/${programId}/registration/funnel`).set(bearer(coordinator)).expect(200)).body;
  const people = (f: { stages: { people: number }[] }) => f.stages.map((s) => s.people);

  beforeAll(async () => {
    t = await startTestApp();
    const mail = t.app.get(MailService);
    jest.spyOn(mail, 'enabled', 'get').mockReturnValue(true);
    jest.spyOn(mail, 'send').mockImplementation(async (to, subject, text) => {
      sent.push({ to, subject, text });
      return true;
    });
    await account(t.app, 'admin');
    coordinator = await account(t.app, 'coordinator');
    participant = await account(t.app, 'participant');
    const programs = t.app.get(ProgramsService);
    programId = (await programs.create({ name: 'West Yorkshire Frailty ECHO', certificateShare: 0.8 })).id;
    siteId = (await programs.addSite(programId, { organisation: 'Bradford Teaching Hospitals' })).id;
    await addMember(t.app, programId, coordinator.id, 'coordinator');
    await addMember(t.app, programId, participant.id, 'participant');
  });

  afterAll(() => t.close());

  it('the coordinator configures the form; anyone reads it without signing in, only while it is open', async () => {
    expect((await api(t.app).get(`/api/register/${programId}`)).status).toBe(404);
    const body = {
      title: 'Register for the Frailty ECHO series',
      questions: [{ label: 'What would you most like to learn?', required: true }],
      completionSessions: 2,
    };
    expect(
      (await api(t.app).put(`/api/programs/${programId}/registration/form`).set(bearer(participant)).send(body)).status,
    ).toBe(403);
    const bad = await api(t.app)
      .put(`/api/programs/${programId}/registration/form`)
      .set(bearer(coordinator))
      .send({ ...body, completionSessions: 0 });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('completionSessions')]);
    await api(t.app)
      .put(`/api/programs/${programId}/registration/form`)
      .set(bearer(coordinator))
      .send(body)
      .expect(200);
    const form: RegistrationFormDto = (await api(t.app).get(`/api/register/${programId}`).expect(200)).body;
    expect(form).toMatchObject({
      programName: 'West Yorkshire Frailty ECHO',
      questions: [{ id: 'q1', label: 'What would you most like to learn?', required: true, options: [] }],
      askAccessibility: true,
      completionSessions: 2,
      sites: [{ id: siteId, organisation: 'Bradford Teaching Hospitals' }],
    });
  });

  it('bad registrations get a 400 naming the field', async () => {
    const post = (body: object) => api(t.app).post(`/api/register/${programId}`).send(body);
    for (const [body, field] of [
      [{ ...valid, email: 'not-an-address' }, 'email'],
      [{ ...valid, consentToContact: undefined }, 'consentToContact'],
      [{ ...valid, participationType: 'patient' }, 'participationType'],
      [{ ...valid, answers: [] }, 'answers.q1'],
      [{ ...valid, siteId: '00000000-0000-4000-8000-000000000000' }, 'siteId'],
    ] as const) {
      const res = await post(body);
      expect({ field, status: res.status, message: res.body.message }).toEqual({
        field,
        status: 400,
        message: expect.stringContaining(field),
      });
    }
    expect(sent).toEqual([]);
  });

  it('a registration through the public form flows through the funnel to a certificate', async () => {
    // Two register: a nurse who will come, and a carer who will not.
    const res = await api(t.app)
      .post(`/api/register/${programId}`)
      .send({ ...valid, siteId })
      .expect(201);
    expect(res.body).toEqual({ emailed: true });
    await api(t.app)
      .post(`/api/register/${programId}`)
      .send({
        name: 'Patrick Boyle',
        email: 'patrick@carers.example',
        participationType: 'carer',
        consentToContact: false,
        answers: [{ questionId: 'q1', answer: 'Looking after my father' }],
      })
      .expect(201);
    const listed: RegistrationDto[] = (
      await api(t.app).get(`/api/programs/${programId}/registrations`).set(bearer(coordinator)).expect(200)
    ).body;
    expect(listed.find((r) => r.email === 'aoife.byrne@clinic.example')).toMatchObject({
      siteName: 'Bradford Teaching Hospitals',
      accessibilityNeeds: 'Live captions, please',
      joined: false,
    });
    expect((await api(t.app).get(`/api/programs/${programId}/registrations`).set(bearer(participant))).status).toBe(
      403,
    );
    expect(people(await funnel())).toEqual([2, 0, 0, 0]);

    // The invitation e-mail: she makes an account with that address and accepts it.
    const invitation = sent.find((m) => m.to === 'aoife.byrne@clinic.example');
    const token = /\/invite\/([\w-]+)/.exec(invitation?.text ?? '')?.[1];
    expect(token).toBeTruthy();
    const auth = t.app.get(AuthService);
    const aoifeAccount = await auth.register({
      email: 'aoife.byrne@clinic.example',
      password: 'correct horse battery',
      displayName: 'Aoife Byrne',
    });
    const { accessToken } = await auth.login(
      { email: 'aoife.byrne@clinic.example', password: 'correct horse battery' },
      '10.0.1.1',
    );
    const aoife = { Authorization: `Bearer ${accessToken}` };
    await api(t.app)
      .post(`/api/invitations/${token}/accept`)
      .set(aoife)
      .send({ profession: 'Practice nurse' })
      .expect(201);
    const db = t.app.get(DataSource);
    await db.getRepository(Membership).update({ programId }, { createdAt: '2026-01-05T09:00:00.000Z' });

    // She attends two sessions in full: the series is complete (two sessions needed).
    const sessions = t.app.get(SessionsService);
    for (const [i, startsAt] of ['2026-06-09T11:30:00.000Z', '2026-06-23T11:30:00.000Z'].entries()) {
      const s = await sessions.create(programId, { title: `Frailty ${i + 1}`, startsAt, durationMinutes: 60 }, null);
      await db.getRepository(EchoSession).update({ id: s.id }, { status: 'ended' });
      const rows = db.getRepository(Attendance);
      await rows.save(
        rows.create({
          sessionId: s.id,
          userId: aoifeAccount.id,
          role: 'participant',
          siteId,
          joinedAt: startsAt,
          leftAt: new Date(Date.parse(startsAt) + 60 * 60_000).toISOString(),
        }),
      );
    }
    expect(people(await funnel())).toEqual([2, 1, 1, 0]);

    // Her certificate: the last stage.
    await api(t.app).get(`/api/programs/${programId}/certificate.pdf?period=2026-06`).set(aoife).expect(200);
    const f = await funnel();
    expect(f.stages.map((s) => [s.stage, s.people, s.dropOff])).toEqual([
      ['registered', 2, null],
      ['attended', 1, 0.5],
      ['completed', 1, 0],
      ['certified', 1, 0],
    ]);
    expect(f.completionSessions).toBe(2);
    expect(f.bySite.map((g) => [g.label, people(g)])).toEqual([
      ['Bradford Teaching Hospitals', [1, 1, 1, 1]],
      ['No site given', [1, 0, 0, 0]],
    ]);
    expect(f.byParticipationType.map((g) => [g.label, people(g)])).toEqual([
      ['Carer', [1, 0, 0, 0]],
      ['Staff', [1, 1, 1, 1]],
    ]);
    expect(f.byRole.find((g) => g.label === 'Practice nurse')).toMatchObject({ key: 'Practice nurse' });
    expect(
      (await api(t.app).get(`/api/programs/${programId}/registration/funnel`).set(bearer(participant))).status,
    ).toBe(403);
  });

  it('reminds those who agreed to be contacted of the next session, once', async () => {
    const startsAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
    await t.app
      .get(SessionsService)
      .create(programId, { title: 'Frailty 3: deprescribing', startsAt, durationMinutes: 60 }, null);
    const registration = t.app.get(RegistrationService);
    sent.length = 0;
    expect(await registration.sendReminders()).toBe(1);
    expect(sent.map((m) => [m.to, m.subject.startsWith('Reminder: Frailty 3: deprescribing')])).toEqual([
      ['aoife.byrne@clinic.example', true],
    ]);
    expect(await registration.sendReminders()).toBe(0);
  });

  it('limits registrations per address', async () => {
    let status = 201;
    for (let i = 0; i < 25 && status === 201; i++) {
      status = (
        await api(t.app)
          .post(`/api/register/${programId}`)
          .send({ ...valid, email: `someone${i}@team.example` })
      ).status;
    }
    expect(status).toBe(429);
  });
});
