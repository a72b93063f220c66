import type {
  AttendanceCorrectionDto,
  AttendanceRecord,
  AuditEntryDto,
  CertificatePeriodDto,
  ImpactReport,
} from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { Certificate } from '../src/impact/entities/certificate.entity';
import { Attendance } from '../src/live/entities/attendance.entity';
import { Membership } from '../src/programs/entities/membership.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { EchoSession } from '../src/sessions/entities/echo-session.entity';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember, api, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Issue #20: a coordinator corrects a person's attendance with a reason; the connection rows stay, the change is
 * in the audit log, and the minutes, the learning experience and the certificate (under the program's rule) follow.
 */
describe('attendance corrections and the certificate rule', () => {
  let t: TestApp;
  let programId: string;
  let sessionId: string;
  let coordinator: Account;
  let facilitator: Account;
  let expert: Account;
  let spoke: Account;
  let colleague: Account;
  let outsider: Account;

  const attendance = async (): Promise<AttendanceRecord[]> =>
    (await api(t.app).get(`/api/sessions/${sessionId}/attendance`).set(bearer(coordinator)).expect(200)).body;
  const periods = async (who: Account): Promise<CertificatePeriodDto[]> =>
    (await api(t.app).get(`/api/programs/${programId}/certificates`).set(bearer(who)).expect(200)).body;
  const pdf = (who: Account) =>
    api(t.app).get(`/api/programs/${programId}/certificate.pdf?period=2026-06`).set(bearer(who));
  const correct = (who: Account, body: object) =>
    api(t.app).post(`/api/sessions/${sessionId}/attendance/corrections`).set(bearer(who)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    await account(t.app, 'admin');
    coordinator = await account(t.app, 'coordinator');
    facilitator = await account(t.app, 'facilitator');
    expert = await account(t.app, 'expert');
    spoke = await account(t.app, 'spoke');
    colleague = await account(t.app, 'colleague');
    outsider = await account(t.app, 'outsider');
    programId = (await t.app.get(ProgramsService).create({ name: 'West Yorkshire Frailty ECHO' })).id;
    await addMember(t.app, programId, coordinator.id, 'coordinator');
    await addMember(t.app, programId, facilitator.id, 'facilitator');
    await addMember(t.app, programId, expert.id, 'expert');
    await addMember(t.app, programId, spoke.id, 'participant');
    await addMember(t.app, programId, colleague.id, 'participant');
    const session = await t.app
      .get(SessionsService)
      .create(
        programId,
        { title: 'Falls and frailty', startsAt: '2026-06-09T12:30:00+01:00', durationMinutes: 60 },
        null,
      );
    sessionId = session.id;
    const db = t.app.get(DataSource);
    // Members since before the session (so an absent one is listed as absent).
    await db.getRepository(Membership).update({ programId }, { createdAt: '2026-01-05T09:00:00.000Z' });
    await db.getRepository(EchoSession).update({ id: sessionId }, { status: 'ended' });
    // The spoke dropped out for 25 minutes: 35 of 60 minutes recorded, under the 80% certificate rule.
    const rows = db.getRepository(Attendance);
    await rows.save([
      rows.create({
        sessionId,
        userId: spoke.id,
        role: 'participant',
        siteId: null,
        joinedAt: '2026-06-09T11:30:00.000Z',
        leftAt: '2026-06-09T11:50:00.000Z',
      }),
      rows.create({
        sessionId,
        userId: spoke.id,
        role: 'participant',
        siteId: null,
        joinedAt: '2026-06-09T12:15:00.000Z',
        leftAt: '2026-06-09T12:30:00.000Z',
      }),
    ]);
  });

  afterAll(() => t.close());

  it('a program certifies by its rule: 80% of a session by default, so 35 of 60 minutes is not enough', async () => {
    const { program } = (await api(t.app).get(`/api/programs/${programId}`).set(bearer(coordinator)).expect(200)).body;
    expect(program).toMatchObject({ certificateShare: 0.8, certificateMinSessions: 1, minAttendanceShare: 0.5 });
    const before = (await attendance()).find((r) => r.userId === spoke.id);
    // Half the session counts as a learning experience in the report, but not on a certificate.
    expect(before).toMatchObject({ minutes: 35, recordedMinutes: 35, corrected: false, learningExperience: true });
    expect(await periods(spoke)).toEqual([]);
    const none = await pdf(spoke);
    expect([none.status, none.body.error]).toEqual([422, 'NO_ATTENDANCE_IN_PERIOD']);
  });

  it('only a hub manager corrects, with a reason, for a member or attendee; bad input names the field', async () => {
    const body = { userId: spoke.id, minutes: 55, reason: 'Dropped out for 25 minutes; listened by phone' };
    expect((await correct(expert, body)).status).toBe(403);
    expect((await correct(spoke, body)).status).toBe(403);
    const noReason = await correct(coordinator, { ...body, reason: '   ' });
    expect([noReason.status, noReason.body.message]).toEqual([400, expect.stringContaining('reason')]);
    const tooLong = await correct(coordinator, { ...body, minutes: 1441 });
    expect([tooLong.status, tooLong.body.message]).toEqual([400, expect.stringContaining('minutes')]);
    const stranger = await correct(coordinator, { ...body, userId: outsider.id });
    expect([stranger.status, stranger.body.message]).toEqual([400, expect.stringContaining('userId')]);
    const nowhere = await api(t.app)
      .post(`/api/sessions/00000000-0000-4000-8000-000000000000/attendance/corrections`)
      .set(bearer(coordinator))
      .send(body);
    expect(nowhere.status).toBe(404);
    expect(await t.app.get(DataSource).getRepository(Attendance).countBy({ sessionId })).toBe(2);
  });

  it('a correction changes the minutes and the certificate, keeps the rows and is audited', async () => {
    const res = await correct(coordinator, {
      userId: spoke.id,
      minutes: 55,
      reason: 'Dropped out for 25 minutes; listened by phone',
    });
    expect(res.status).toBe(201);
    const made: AttendanceCorrectionDto = res.body;
    expect(made).toMatchObject({
      userId: spoke.id,
      displayName: 'Test spoke',
      minutesBefore: 35,
      minutesAfter: 55,
      correctedBy: { id: coordinator.id, displayName: 'Test coordinator' },
    });

    // The rows the connections wrote are as they were.
    const rows = await t.app.get(DataSource).getRepository(Attendance).findBy({ sessionId, userId: spoke.id });
    expect(rows.map((r) => [r.joinedAt, r.leftAt]).sort()).toEqual([
      ['2026-06-09T11:30:00.000Z', '2026-06-09T11:50:00.000Z'],
      ['2026-06-09T12:15:00.000Z', '2026-06-09T12:30:00.000Z'],
    ]);
    expect((await attendance()).find((r) => r.userId === spoke.id)).toMatchObject({
      minutes: 55,
      recordedMinutes: 35,
      corrected: true,
    });
    const report: ImpactReport = (
      await api(t.app).get(`/api/programs/${programId}/impact`).set(bearer(coordinator)).expect(200)
    ).body;
    expect(report.hours).toBe(0.92);

    // The audit log: who, before, after, why.
    const list: AttendanceCorrectionDto[] = (
      await api(t.app).get(`/api/sessions/${sessionId}/attendance/corrections`).set(bearer(facilitator)).expect(200)
    ).body;
    expect(list.map((c) => c.id)).toEqual([made.id]);
    const audit: AuditEntryDto[] = (
      await api(t.app).get(`/api/programs/${programId}/community/audit`).set(bearer(coordinator)).expect(200)
    ).body;
    const entry = audit.find((a) => a.targetId === made.id);
    expect(entry).toMatchObject({
      action: 'attendance.correct',
      targetType: 'attendance',
      actor: { id: coordinator.id, displayName: 'Test coordinator' },
    });
    expect(entry?.detail).toContain('35 → 55 minutes');
    expect(entry?.detail).toContain('listened by phone');

    // 55 of 60 minutes: the session now counts on the certificate, with the corrected minutes.
    const [month] = (await periods(spoke)).filter((p) => p.period === '2026-06');
    expect(month).toMatchObject({ sessions: 1, minutes: 55, sessionsNeeded: 1 });
    const ok = await pdf(spoke);
    expect(ok.status).toBe(200);
    const issued = await t.app
      .get(DataSource)
      .getRepository(Certificate)
      .findOneByOrFail({ code: ok.headers['x-certificate-code'] });
    expect([issued.sessions, issued.minutes]).toEqual([1, 55]);
  });

  it('a member with no connection of their own is made present by a correction (a colleague’s device)', async () => {
    expect((await attendance()).find((r) => r.userId === colleague.id)).toMatchObject({ present: false, minutes: 0 });
    await correct(coordinator, {
      userId: colleague.id,
      minutes: 60,
      reason: 'Joined on a colleague’s device',
    }).expect(201);
    expect((await attendance()).find((r) => r.userId === colleague.id)).toMatchObject({
      present: true,
      minutes: 60,
      recordedMinutes: 0,
      corrected: true,
      learningExperience: true,
    });
    expect((await periods(colleague)).find((p) => p.period === '2026-06')).toMatchObject({ sessions: 1 });
  });

  it('the program sets sessions needed per period: one session is then too few for a certificate', async () => {
    const bad = await api(t.app)
      .patch(`/api/programs/${programId}`)
      .set(bearer(coordinator))
      .send({ certificateShare: 1.5 });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('certificateShare')]);
    await api(t.app)
      .patch(`/api/programs/${programId}`)
      .set(bearer(coordinator))
      .send({ certificateMinSessions: 2, certificateShare: 0.9 })
      .expect(200);
    expect((await periods(spoke)).find((p) => p.period === '2026-06')).toMatchObject({
      sessions: 1,
      sessionsNeeded: 2,
    });
    const few = await pdf(spoke);
    expect([few.status, few.body.error]).toEqual([422, 'TOO_FEW_SESSIONS']);
    // One session again, but at 95% of it (57 minutes): the corrected 55 minutes no longer count.
    await api(t.app)
      .patch(`/api/programs/${programId}`)
      .set(bearer(coordinator))
      .send({ certificateMinSessions: 1, certificateShare: 0.95 })
      .expect(200);
    expect(await periods(spoke)).toEqual([]);
  });

  it('the attendance list comes in pages by name, while someone joins between pages; bad paging is a 400', async () => {
    const path = `/api/sessions/${sessionId}/attendance`;
    const whole = await attendance();
    const names = whole.map((r) => r.displayName);
    expect(names).toEqual([...names].sort());
    const ids: string[] = [];
    let next: string | undefined = `${path}?limit=2`;
    while (next) {
      const res: { body: AttendanceRecord[]; headers: { link?: string } } = await api(t.app)
        .get(next)
        .set(bearer(coordinator))
        .expect(200);
      ids.push(...res.body.map((r) => r.userId));
      expect(res.body.length).toBeLessThanOrEqual(2);
      next = /^<([^>]+)>; rel="next"$/.exec(res.headers.link ?? '')?.[1];
      if (ids.length === 2) {
        // Someone outside the program connects: an attendee named to sort after the first page.
        const rows = t.app.get(DataSource).getRepository(Attendance);
        await rows.save(
          rows.create({
            sessionId,
            userId: outsider.id,
            role: 'participant',
            siteId: null,
            joinedAt: '2026-06-09T11:40:00.000Z',
            leftAt: '2026-06-09T11:45:00.000Z',
          }),
        );
      }
    }
    const after = await attendance();
    expect(after.map((r) => r.userId)).toContain(outsider.id);
    expect(ids).toEqual(after.map((r) => r.userId));
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['cursor=nope', 'cursor'],
    ]) {
      const bad = await api(t.app).get(`${path}?${query}`).set(bearer(coordinator));
      expect([bad.status, bad.body.fields?.map((f: { field: string }) => f.field)]).toEqual([400, [field]]);
    }
  });
});
