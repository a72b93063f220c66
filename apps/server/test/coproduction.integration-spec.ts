import type {
  AccessibilityNeedDto,
  CoproductionRoleDto,
  ImpactReport,
  JoinResponse,
  RoomState,
} from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { Attendance } from '../src/live/entities/attendance.entity';
import { Membership } from '../src/programs/entities/membership.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { EchoSession } from '../src/sessions/entities/echo-session.entity';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * Issue #20, co-production: a service user co-facilitates a session. The role shows on the session (REST and
 * the live participant list) and counts in the impact report's representation by role; the session's
 * facilitators (and nobody else) see the accessibility needs given at registration.
 */
describe('co-production roles', () => {
  let t: TestApp;
  let url: string;
  let programId: string;
  let coordinator: Account;
  let facilitator: Account;
  let expert: Account;
  let serviceUser: Account;
  let carer: Account;
  let nurse: Account;
  let outsider: Account;
  let liveSession: string;
  let june9: string;
  let june23: string;
  const clients: TestLiveClient[] = [];

  const session = async (title: string, startsAt: string) =>
    (await t.app.get(SessionsService).create(programId, { title, startsAt, durationMinutes: 60 }, null)).id;
  const assign = (who: Account, sessionId: string, body: object) =>
    api(t.app).post(`/api/sessions/${sessionId}/coproduction-roles`).set(bearer(who)).send(body);
  const report = async (query = ''): Promise<ImpactReport> =>
    (
      await api(t.app)
        .get(`/api/programs/${programId}/impact?from=2026-06-01&to=2026-06-30${query}`)
        .set(bearer(coordinator))
        .expect(200)
    ).body;
  const join = async (who: Account, sessionId: string) => {
    const c = new TestLiveClient(url, who.token);
    clients.push(c);
    await c.connected();
    c.state = (await c.ok<JoinResponse>('session:join', { sessionId })).state as RoomState;
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    await account(t.app, 'admin');
    coordinator = await account(t.app, 'coordinator');
    facilitator = await account(t.app, 'facilitator');
    expert = await account(t.app, 'expert');
    serviceUser = await account(t.app, 'service-user');
    carer = await account(t.app, 'carer');
    nurse = await account(t.app, 'nurse');
    outsider = await account(t.app, 'outsider');
    programId = (await t.app.get(ProgramsService).create({ name: 'Q Exchange: Living Well with Dementia' })).id;
    await addMember(t.app, programId, coordinator.id, 'coordinator');
    await addMember(t.app, programId, facilitator.id, 'facilitator');
    await addMember(t.app, programId, expert.id, 'expert');
    for (const p of [serviceUser, carer, nurse]) await addMember(t.app, programId, p.id, 'participant');
    const db = t.app.get(DataSource);
    await db.getRepository(Membership).update({ programId }, { createdAt: '2026-01-05T09:00:00.000Z' });
    await db
      .getRepository(Membership)
      .update({ programId, userId: serviceUser.id }, { participationType: 'service_user' });
    await db.getRepository(Membership).update({ programId, userId: carer.id }, { participationType: 'carer' });

    liveSession = await session('Memory clinic pathways', new Date().toISOString());
    // Two delivered sessions in June, everyone there for the full hour.
    june9 = await session('Diagnosis and after', '2026-06-09T12:30:00+01:00');
    june23 = await session('Planning ahead together', '2026-06-23T12:30:00+01:00');
    await db.getRepository(EchoSession).update({ programId, title: 'Diagnosis and after' }, { status: 'ended' });
    await db.getRepository(EchoSession).update({ programId, title: 'Planning ahead together' }, { status: 'ended' });
    const rows = db.getRepository(Attendance);
    for (const [sessionId, day] of [
      [june9, '2026-06-09'],
      [june23, '2026-06-23'],
    ]) {
      await rows.save(
        [facilitator, serviceUser, carer, nurse].map((p) =>
          rows.create({
            sessionId,
            userId: p.id,
            role: p === facilitator ? 'facilitator' : 'participant',
            siteId: null,
            joinedAt: `${day}T11:30:00.000Z`,
            leftAt: `${day}T12:30:00.000Z`,
          }),
        ),
      );
    }
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await t?.close();
  });

  it('a service user made co-facilitator shows with that role on the session and in the live participant list', async () => {
    const host = await join(facilitator, liveSession);
    await host.ok('host:open');
    const assigned = await assign(coordinator, liveSession, { userId: serviceUser.id, role: 'co_facilitator' }).expect(
      201,
    );
    expect(assigned.body).toEqual([
      expect.objectContaining({ userId: serviceUser.id, role: 'co_facilitator', participationType: 'service_user' }),
    ]);
    // Everyone in the program reads the roles.
    const read: CoproductionRoleDto[] = (
      await api(t.app).get(`/api/sessions/${liveSession}/coproduction-roles`).set(bearer(nurse)).expect(200)
    ).body;
    expect(read.map((r) => [r.displayName, r.role])).toEqual([['Test service-user', 'co_facilitator']]);

    // Joining, they carry the badge in everyone's participant list.
    await join(serviceUser, liveSession);
    const seen = await host.stateWhere((s) => s.participants.some((p) => p.userId === serviceUser.id));
    expect(seen.participants.find((p) => p.userId === serviceUser.id)).toMatchObject({
      coproductionRole: 'co_facilitator',
      participationType: 'service_user',
    });
    // A role given while they are in the room shows at once, and so does one taken away.
    const carerClient = await join(carer, liveSession);
    expect(carerClient.state?.participants.find((p) => p.userId === carer.id)?.coproductionRole).toBeNull();
    await assign(facilitator, liveSession, { userId: carer.id, role: 'panel_member' }).expect(201);
    await host.stateWhere(
      (s) => s.participants.find((p) => p.userId === carer.id)?.coproductionRole === 'panel_member',
    );
    await api(t.app)
      .delete(`/api/sessions/${liveSession}/coproduction-roles/${carer.id}`)
      .set(bearer(coordinator))
      .expect(204);
    await host.stateWhere((s) => s.participants.find((p) => p.userId === carer.id)?.coproductionRole === null);
  });

  it('counts representation by role in the impact report: sessions with a lived-experience co-facilitator, people and hours by role', async () => {
    const before = await report();
    expect(before.coproduction).toMatchObject({ sessions: 2, sessionsWithLivedExperienceCoFacilitator: 0, share: 0 });

    await assign(coordinator, june9, { userId: serviceUser.id, role: 'co_facilitator' }).expect(201);
    await assign(coordinator, june9, { userId: carer.id, role: 'lived_experience_expert' }).expect(201);
    await assign(coordinator, june23, { userId: carer.id, role: 'lived_experience_expert' }).expect(201);
    // A staff co-facilitator is a co-facilitator, but not one with lived experience.
    await assign(coordinator, june23, { userId: nurse.id, role: 'co_facilitator' }).expect(201);
    const group = (
      await api(t.app)
        .post(`/api/programs/${programId}/groups`)
        .set(bearer(coordinator))
        .send({ name: 'Carers’ panel' })
        .expect(201)
    ).body;
    await api(t.app)
      .post(`/api/groups/${group.id}/coproduction-roles`)
      .set(bearer(coordinator))
      .send({ userId: carer.id, role: 'panel_member' })
      .expect(201);

    const after = (await report()).coproduction;
    expect(after.sessions).toBe(2);
    expect(after.sessionsWithLivedExperienceCoFacilitator).toBe(1);
    expect(after.share).toBe(0.5);
    const byRole = Object.fromEntries(after.byRole.map((r) => [r.role, r]));
    expect(byRole.co_facilitator).toEqual({
      role: 'co_facilitator',
      label: 'Co-facilitator',
      sessions: 2,
      people: 2,
      livedExperiencePeople: 1,
      hours: 2,
      inGroups: 0,
    });
    expect(byRole.lived_experience_expert).toMatchObject({
      sessions: 2,
      people: 1,
      livedExperiencePeople: 1,
      hours: 2,
    });
    expect(byRole.panel_member).toMatchObject({ sessions: 0, people: 0, hours: 0, inGroups: 1 });

    // The report's people filters apply: staff only, no lived-experience co-facilitator left.
    const staff = (await report('&participationType=staff')).coproduction;
    expect(staff.sessionsWithLivedExperienceCoFacilitator).toBe(0);
    expect(staff.byRole.find((r) => r.role === 'co_facilitator')).toMatchObject({
      people: 1,
      livedExperiencePeople: 0,
    });
  });

  it('only the managers assign; bad input is a 400 naming the field; a group role follows the group’s privacy', async () => {
    await assign(nurse, june9, { userId: nurse.id, role: 'co_facilitator' }).expect(403);
    await assign(expert, june9, { userId: nurse.id, role: 'co_facilitator' }).expect(403);
    await assign(outsider, june9, { userId: nurse.id, role: 'co_facilitator' }).expect(403);
    const stranger = await assign(coordinator, june9, { userId: outsider.id, role: 'co_facilitator' }).expect(400);
    expect(stranger.body.message).toContain('userId');
    const role = await assign(coordinator, june9, { userId: nurse.id, role: 'chair' }).expect(400);
    expect(role.body.message).toContain('role must be one of co_facilitator, lived_experience_expert, panel_member');
    await assign(coordinator, june9, { userId: 'nobody', role: 'co_facilitator' }).expect(400);
    await api(t.app)
      .delete(`/api/sessions/${june9}/coproduction-roles/${nurse.id}`)
      .set(bearer(coordinator))
      .expect(404);

    const hidden = (
      await api(t.app)
        .post(`/api/programs/${programId}/groups`)
        .set(bearer(coordinator))
        .send({ name: 'Peer researchers', private: true })
        .expect(201)
    ).body;
    await api(t.app).get(`/api/groups/${hidden.id}/coproduction-roles`).set(bearer(nurse)).expect(403);
    await api(t.app).get(`/api/groups/${hidden.id}/coproduction-roles`).set(bearer(coordinator)).expect(200, []);
  });

  it('shows the accessibility needs given at registration to the session’s facilitators, and to nobody else', async () => {
    await api(t.app)
      .put(`/api/programs/${programId}/registration/form`)
      .set(bearer(coordinator))
      .send({ title: 'Join Living Well with Dementia', askAccessibility: true })
      .expect(200);
    await api(t.app)
      .post(`/api/register/${programId}`)
      .send({
        name: 'service-user',
        email: serviceUser.email,
        participationType: 'service_user',
        consentToContact: true,
        accessibilityNeeds: 'Large-print slides sent the day before; a break every 30 minutes',
      })
      .expect(201);
    const path = `/api/sessions/${june9}/accessibility-needs`;
    const needs: AccessibilityNeedDto[] = (await api(t.app).get(path).set(bearer(facilitator)).expect(200)).body;
    expect(needs).toEqual([
      {
        userId: serviceUser.id,
        displayName: 'Test service-user',
        needs: 'Large-print slides sent the day before; a break every 30 minutes',
      },
    ]);
    await api(t.app).get(path).set(bearer(expert)).expect(403);
    await api(t.app).get(path).set(bearer(nurse)).expect(403);
  });

  it('records payments and expenses for people’s time and exports them for finance as CSV, safe from formulas', async () => {
    const path = `/api/programs/${programId}/coproduction-payments`;
    const pay = (who: Account, body: object) => api(t.app).post(path).set(bearer(who)).send(body);
    const first = await pay(coordinator, {
      userId: serviceUser.id,
      sessionId: june9,
      date: '2026-06-09',
      hours: 2.5,
      amount: 62.5,
      currency: 'GBP',
      kind: 'payment',
    }).expect(201);
    expect(first.body).toMatchObject({
      displayName: 'Test service-user',
      sessionTitle: 'Diagnosis and after',
      amount: 62.5,
      status: 'pending',
    });
    await pay(facilitator, {
      userId: carer.id,
      activity: '=HYPERLINK("http://evil.example","Claim")',
      date: '2026-06-10',
      hours: 3,
      amount: 14.2,
      currency: 'GBP',
      kind: 'expenses',
      note: '@SUM(A1:A9) bus fares, Leeds–Wakefield',
    }).expect(201);
    await api(t.app)
      .patch(`${path}/${first.body.id}`)
      .set(bearer(coordinator))
      .send({ status: 'paid' })
      .expect(200)
      .expect((res) => expect(res.body.status).toBe('paid'));

    // Newest first, a page at a time.
    const page = await api(t.app).get(`${path}?limit=1`).set(bearer(coordinator)).expect(200);
    expect(page.body.map((p: { activity: string }) => p.activity)).toEqual([
      '=HYPERLINK("http://evil.example","Claim")',
    ]);
    const rest = await api(t.app)
      .get(`${path}?limit=1&cursor=${page.headers['x-next-cursor']}`)
      .set(bearer(coordinator))
      .expect(200);
    expect(rest.body.map((p: { id: string }) => p.id)).toEqual([first.body.id]);

    const csv = await api(t.app).get(`${path}.csv`).set(bearer(coordinator)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'date,person,email,participation_type,session_or_activity,kind,hours,amount,currency,status,note,payment_id',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `2026-06-09,Test service-user,${serviceUser.email},service_user,Diagnosis and after,payment,2.5,62.50,GBP,paid,,${first.body.id}`,
    );
    // A cell that a spreadsheet would run as a formula starts with a quote.
    expect(lines[2]).toContain(
      `,carer,"'=HYPERLINK(""http://evil.example"",""Claim"")",expenses,3,14.20,GBP,pending,"'@SUM(A1:A9) bus fares, Leeds–Wakefield",`,
    );
    const june10 = await api(t.app).get(`${path}.csv?from=2026-06-10`).set(bearer(coordinator)).expect(200);
    expect(june10.text.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('refuses payments that do not fit with a 400 naming the field; only the managers see or record them', async () => {
    const path = `/api/programs/${programId}/coproduction-payments`;
    const valid = {
      userId: carer.id,
      activity: 'Panel',
      date: '2026-06-10',
      hours: 1,
      amount: 20,
      currency: 'GBP',
      kind: 'payment',
    };
    const refused = async (change: object, field: string) => {
      const res = await api(t.app)
        .post(path)
        .set(bearer(coordinator))
        .send({ ...valid, ...change })
        .expect(400);
      expect(res.body.message).toContain(field);
    };
    await refused({ amount: 10.005 }, 'amount');
    await refused({ amount: -1 }, 'amount');
    await refused({ currency: 'pounds' }, 'currency');
    await refused({ date: '2026-02-30' }, 'date');
    await refused({ kind: 'gift' }, 'kind');
    await refused({ userId: outsider.id }, 'userId');
    await refused({ activity: undefined }, 'activity');
    const other = (await t.app.get(ProgramsService).create({ name: 'Another programme' })).id;
    const elsewhere = (
      await t.app
        .get(SessionsService)
        .create(other, { title: 'Elsewhere', startsAt: '2026-06-09T12:30:00+01:00', durationMinutes: 60 }, null)
    ).id;
    await refused({ sessionId: elsewhere }, 'sessionId');
    await api(t.app).get(`${path}.csv?from=2026-06-30&to=2026-06-01`).set(bearer(coordinator)).expect(400);
    await api(t.app).patch(`${path}/${june9}`).set(bearer(coordinator)).send({ status: 'paid' }).expect(404);
    for (const who of [nurse, expert, serviceUser, outsider]) {
      await api(t.app).get(path).set(bearer(who)).expect(403);
      await api(t.app).get(`${path}.csv`).set(bearer(who)).expect(403);
      await api(t.app).post(path).set(bearer(who)).send(valid).expect(403);
    }
  });
});
