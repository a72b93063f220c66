import type {
  AttendanceRecord,
  CertificateVerification,
  ImpactGroup,
  ImpactReport,
  JoinResponse,
  ParticipationType,
  PendingSurveyDto,
  ProgramRole,
  SurveyAnswer,
  SurveyDto,
} from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { Clock } from '../src/impact/clock';
import { Attendance } from '../src/live/entities/attendance.entity';
import { Membership } from '../src/programs/entities/membership.entity';
import { Program } from '../src/programs/entities/program.entity';
import { ProgramsService } from '../src/programs/programs.service';
import { EchoSession } from '../src/sessions/entities/echo-session.entity';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, api, bearer } from './fixtures';
import { TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';

/**
 * The impact figures against an independent recount from the raw join/leave rows. The service
 * sorts and merges intervals; this test counts covered seconds one by one. Both must agree.
 */

/** A small deterministic generator, so a failure can be replayed. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOW = Date.parse('2026-05-20T12:00:00.000Z');
const S = 1000;
const MIN = 60 * S;
const iso = (ms: number) => new Date(ms).toISOString();

interface Person {
  key: string;
  account: Account;
  role: ProgramRole | 'admin';
  site: 'ards' | 'bradford' | null;
  profession: string | null;
  participationType: ParticipationType | null;
  /** Membership created at (null: not a member). */
  memberSince: string | null;
}

interface SessionSpec {
  key: string;
  startsAt: string;
  durationMinutes: number;
  status: 'ended' | 'live' | 'cancelled' | 'scheduled';
  id?: string;
}

interface Row {
  sessionKey: string;
  personKey: string;
  role: ProgramRole | 'admin';
  site: 'ards' | 'bradford' | null;
  joinedAt: number;
  leftAt: number | null;
}

const SESSIONS: SessionSpec[] = [
  { key: 'march', startsAt: '2026-03-03T12:30:00.000Z', durationMinutes: 60, status: 'ended' },
  { key: 'april', startsAt: '2026-04-07T11:30:00.000Z', durationMinutes: 90, status: 'ended' },
  // Never ended by its host: still "live", long past its scheduled end.
  { key: 'may', startsAt: '2026-05-05T11:30:00.000Z', durationMinutes: 60, status: 'live' },
  { key: 'cancelled', startsAt: '2026-04-21T11:30:00.000Z', durationMinutes: 60, status: 'cancelled' },
  // Running now: open rows count until NOW, not until its end.
  { key: 'now', startsAt: '2026-05-20T11:40:00.000Z', durationMinutes: 60, status: 'live' },
  { key: 'future', startsAt: '2026-07-07T11:30:00.000Z', durationMinutes: 60, status: 'scheduled' },
];

/** Seconds covered by at least one row, counted one second at a time. */
function coveredMs(rows: Row[], session: SessionSpec): number {
  const end = Date.parse(session.startsAt) + session.durationMinutes * MIN;
  const spans = rows.map((r) => [r.joinedAt, r.leftAt ?? Math.min(end, NOW)] as const);
  const from = Math.min(...spans.map(([a]) => a));
  const to = Math.max(...spans.map(([, b]) => b));
  let seconds = 0;
  for (let t = from; t < to; t += S) if (spans.some(([a, b]) => a <= t && t + S <= b)) seconds++;
  return seconds * S;
}

describe('impact figures recomputed from the raw join/leave rows', () => {
  let t: TestApp;
  let programId: string;
  const siteIds: Record<'ards' | 'bradford', string> = { ards: '', bradford: '' };
  const people: Person[] = [];
  const rows: Row[] = [];
  let coordinator: Account;

  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(NOW);
    const db = t.app.get(DataSource);
    const admin = await account(t.app, 'admin'); // first account: instance admin
    const programs = t.app.get(ProgramsService);
    programId = (
      await programs.create({ name: 'Social Prescribing ECHO', learningTarget: 120, timeZone: 'Europe/London' })
    ).id;
    siteIds.ards = (await programs.addSite(programId, { organisation: 'Ards Community Health Centre' })).id;
    siteIds.bradford = (await programs.addSite(programId, { organisation: 'Bradford Social Prescribing Hub' })).id;

    const specs: Omit<Person, 'account'>[] = [
      {
        key: 'facilitator',
        role: 'facilitator',
        site: null,
        profession: 'Programme lead',
        participationType: 'staff',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      {
        key: 'coordinator',
        role: 'coordinator',
        site: null,
        profession: 'Network coordinator',
        participationType: 'staff',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      {
        key: 'expert',
        role: 'expert',
        site: null,
        profession: 'GP',
        participationType: 'staff',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      {
        key: 'linkworker',
        role: 'participant',
        site: 'ards',
        profession: 'Link worker',
        participationType: 'staff',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      {
        key: 'nurse',
        role: 'participant',
        site: 'ards',
        profession: 'Practice nurse',
        participationType: 'staff',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      {
        key: 'volunteer',
        role: 'participant',
        site: 'ards',
        profession: 'Volunteer',
        participationType: 'volunteer',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      {
        key: 'coach',
        role: 'participant',
        site: 'bradford',
        profession: 'Health coach',
        participationType: 'staff',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      {
        key: 'expertByExperience',
        role: 'participant',
        site: 'bradford',
        profession: null,
        participationType: 'service_user',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      {
        key: 'carer',
        role: 'participant',
        site: 'bradford',
        profession: 'Family carer',
        participationType: 'carer',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      // Joined the program after April's session: not absent from March's or April's.
      {
        key: 'newcomer',
        role: 'participant',
        site: 'ards',
        profession: 'Link worker',
        participationType: 'staff',
        memberSince: '2026-04-20T09:00:00.000Z',
      },
      // Registered, never came.
      {
        key: 'absentee',
        role: 'participant',
        site: 'bradford',
        profession: 'Pharmacist',
        participationType: 'staff',
        memberSince: '2026-01-05T09:00:00.000Z',
      },
      // An instance admin who is not a member looks in once.
      { key: 'admin', role: 'admin', site: null, profession: null, participationType: null, memberSince: null },
    ];
    for (const spec of specs) {
      const a = spec.key === 'admin' ? admin : await account(t.app, spec.key);
      people.push({ ...spec, account: a });
      if (spec.memberSince === null || spec.role === 'admin') continue;
      const repo = db.getRepository(Membership);
      await repo.save(
        repo.create({
          programId,
          userId: a.id,
          role: spec.role,
          siteId: spec.site ? siteIds[spec.site] : null,
          profession: spec.profession,
          participationType: spec.participationType ?? 'staff',
          createdAt: spec.memberSince,
        }),
      );
    }
    coordinator = people.find((p) => p.key === 'coordinator')?.account as Account;

    const sessions = t.app.get(SessionsService);
    for (const s of SESSIONS) {
      s.id = (
        await sessions.create(
          programId,
          { title: `ECHO ${s.key}`, startsAt: s.startsAt, durationMinutes: s.durationMinutes },
          null,
        )
      ).id;
      await db.getRepository(EchoSession).update({ id: s.id }, { status: s.status });
    }

    // Generated attendance: each person comes to each session with some probability, in 1–3
    // connections that may overlap (a reconnect while the old socket lingers), touch, or leave gaps.
    const random = mulberry32(20260520);
    const attending = people.filter((p) => !['absentee', 'admin'].includes(p.key));
    for (const s of SESSIONS.filter((x) => ['march', 'april', 'may', 'cancelled', 'now'].includes(x.key))) {
      const start = Date.parse(s.startsAt);
      for (const p of attending) {
        if (p.key === 'newcomer' && s.key !== 'may') continue;
        if (random() < 0.2) continue;
        let joined = start + Math.round((random() * 40 - 10) * 60) * S;
        const connections = 1 + Math.floor(random() * 3);
        for (let c = 0; c < connections; c++) {
          const length = Math.round((5 + random() * 55) * 60) * S;
          // Still connected: on purpose (a crash left it open), or because the session is running now.
          const open = random() < 0.12 || joined + length > NOW;
          if (joined < NOW) {
            rows.push({
              sessionKey: s.key,
              personKey: p.key,
              role: p.role,
              site: p.site,
              joinedAt: joined,
              leftAt: open ? null : joined + length,
            });
          }
          joined = joined + length + Math.round((random() * 12 - 6) * 60) * S;
        }
      }
    }
    // Hand-made cases on top: an exact reconnect (touching rows), a row inside another, exactly half
    // of the session, the admin, and someone whose role changed between connections.
    const march = Date.parse('2026-03-03T12:30:00.000Z');
    rows.push({
      sessionKey: 'march',
      personKey: 'admin',
      role: 'admin',
      site: null,
      joinedAt: march + 5 * MIN,
      leftAt: march + 20 * MIN,
    });
    const april = Date.parse('2026-04-07T11:30:00.000Z');
    for (const key of ['linkworker', 'carer']) {
      for (let i = rows.length - 1; i >= 0; i--)
        if (rows[i].sessionKey === 'april' && rows[i].personKey === key) rows.splice(i, 1);
    }
    rows.push(
      // 0–30 and 30–45 touch: 45 minutes of 90 = exactly half, a learning experience.
      {
        sessionKey: 'april',
        personKey: 'linkworker',
        role: 'participant',
        site: 'ards',
        joinedAt: april,
        leftAt: april + 30 * MIN,
      },
      {
        sessionKey: 'april',
        personKey: 'linkworker',
        role: 'participant',
        site: 'ards',
        joinedAt: april + 30 * MIN,
        leftAt: april + 45 * MIN,
      },
      // 10–40 with 15–20 inside it and 39–44 overlapping: 34 minutes, not half.
      {
        sessionKey: 'april',
        personKey: 'carer',
        role: 'participant',
        site: 'bradford',
        joinedAt: april + 10 * MIN,
        leftAt: april + 40 * MIN,
      },
      {
        sessionKey: 'april',
        personKey: 'carer',
        role: 'participant',
        site: 'bradford',
        joinedAt: april + 15 * MIN,
        leftAt: april + 20 * MIN,
      },
      {
        sessionKey: 'april',
        personKey: 'carer',
        role: 'expert',
        site: 'bradford',
        joinedAt: april + 39 * MIN,
        leftAt: april + 44 * MIN,
      },
    );
    const repo = db.getRepository(Attendance);
    const byKey = new Map(people.map((p) => [p.key, p]));
    const sessionByKey = new Map(SESSIONS.map((s) => [s.key, s]));
    await repo.save(
      rows.map((r) =>
        repo.create({
          sessionId: sessionByKey.get(r.sessionKey)?.id,
          userId: byKey.get(r.personKey)?.account.id,
          role: r.role,
          siteId: r.site ? siteIds[r.site] : null,
          joinedAt: iso(r.joinedAt),
          leftAt: r.leftAt === null ? null : iso(r.leftAt),
        }),
      ),
    );
  });

  afterAll(() => t.close());

  /** The expected person-sessions, built from the rows and the memberships only. */
  function expected(filter: { site?: 'ards' | 'bradford'; role?: string; sessions?: string[] } = {}) {
    const delivered = SESSIONS.filter((s) => s.status === 'ended' || s.status === 'live').filter(
      (s) => !filter.sessions || filter.sessions.includes(s.key),
    );
    const out: {
      session: SessionSpec;
      person: Person;
      ms: number;
      present: boolean;
      le: boolean;
      role: string;
      site: string | null;
      registered: boolean;
    }[] = [];
    for (const s of delivered) {
      const end = iso(Date.parse(s.startsAt) + s.durationMinutes * MIN);
      for (const p of people) {
        const own = rows.filter((r) => r.sessionKey === s.key && r.personKey === p.key);
        const member = p.memberSince !== null && p.memberSince <= end;
        if (!own.length && !member) continue;
        const last = [...own].sort((a, b) => b.joinedAt - a.joinedAt)[0];
        const ms = own.length ? coveredMs(own, s) : 0;
        out.push({
          session: s,
          person: p,
          ms,
          present: own.length > 0,
          le: ms > 0 && ms * 2 >= s.durationMinutes * MIN, // half, in whole numbers
          role: last?.role ?? p.role,
          site: last ? last.site : p.site,
          registered: member,
        });
      }
    }
    return out.filter((x) => (!filter.site || x.site === filter.site) && (!filter.role || x.role === filter.role));
  }

  const hours = (ms: number) => Math.round(ms / 36_000) / 100;

  function groups(list: ReturnType<typeof expected>, keyOf: (x: ReturnType<typeof expected>[number]) => string | null) {
    const present = list.filter((x) => x.present);
    const keys = [...new Set(present.map(keyOf))];
    return Object.fromEntries(
      keys.map((k) => {
        const inGroup = present.filter((x) => keyOf(x) === k);
        return [
          String(k),
          {
            attendances: inGroup.length,
            learningExperiences: inGroup.filter((x) => x.le).length,
            uniqueParticipants: new Set(inGroup.map((x) => x.person.key)).size,
            hours: hours(inGroup.reduce((n, x) => n + x.ms, 0)),
          },
        ];
      }),
    );
  }

  const asMap = (list: ImpactGroup[]) =>
    Object.fromEntries(
      list.map((g) => [
        String(g.key),
        {
          attendances: g.attendances,
          learningExperiences: g.learningExperiences,
          uniqueParticipants: g.uniqueParticipants,
          hours: g.hours,
        },
      ]),
    );

  function checkReport(report: ImpactReport, list: ReturnType<typeof expected>, sessionCount: number) {
    const present = list.filter((x) => x.present);
    expect(report.sessions).toBe(sessionCount);
    expect(report.attendances).toBe(present.length);
    expect(report.learningExperiences).toBe(present.filter((x) => x.le).length);
    expect(report.uniqueParticipants).toBe(new Set(present.map((x) => x.person.key)).size);
    expect(report.uniqueLearners).toBe(new Set(present.filter((x) => x.le).map((x) => x.person.key)).size);
    expect(report.hours).toBe(hours(present.reduce((n, x) => n + x.ms, 0)));
    const siteKey = (x: (typeof list)[number]) => (x.site ? siteIds[x.site as 'ards' | 'bradford'] : null);
    expect(asMap(report.bySite)).toEqual(groups(list, siteKey));
    expect(asMap(report.byRole)).toEqual(groups(list, (x) => x.role));
    expect(asMap(report.byParticipationType)).toEqual(groups(list, (x) => x.person.participationType));
    const lived = present.filter(
      (x) => x.person.participationType === 'service_user' || x.person.participationType === 'carer',
    );
    expect(report.representation).toEqual({
      serviceUsersAndCarers: lived.length,
      attendances: present.length,
      share: present.length ? Math.round((lived.length / present.length) * 1000) / 1000 : null,
    });
    for (const s of report.perSession) {
      const own = list.filter((x) => x.session.id === s.sessionId);
      expect([s.title, s.present, s.absent, s.registered, s.learningExperiences, s.hours]).toEqual([
        s.title,
        own.filter((x) => x.present).length,
        own.filter((x) => !x.present).length,
        own.filter((x) => x.registered).length,
        own.filter((x) => x.le).length,
        hours(own.filter((x) => x.present).reduce((n, x) => n + x.ms, 0)),
      ]);
    }
  }

  it('has generated data worth testing: reconnects that overlap, open rows, a live session', () => {
    const pairs = new Map<string, Row[]>();
    for (const r of rows)
      pairs.set(`${r.sessionKey}|${r.personKey}`, [...(pairs.get(`${r.sessionKey}|${r.personKey}`) ?? []), r]);
    const overlapping = [...pairs.values()].filter((rs) =>
      rs.some((a) => rs.some((b) => a !== b && a.joinedAt < b.joinedAt && (a.leftAt ?? Infinity) > b.joinedAt)),
    );
    expect(overlapping.length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.leftAt === null).length).toBeGreaterThan(3);
    // Someone connected now, alone (no later row of theirs hides where the open row stops).
    const nowOpen = rows.filter((r) => r.sessionKey === 'now' && r.leftAt === null);
    expect(
      nowOpen.some((r) => rows.filter((x) => x.sessionKey === 'now' && x.personKey === r.personKey).length === 1),
    ).toBe(true);
  });

  it('GET /api/programs/:id/impact equals the independent recount, unfiltered', async () => {
    const res = await api(t.app).get(`/api/programs/${programId}/impact`).set(bearer(coordinator));
    expect(res.status).toBe(200);
    checkReport(res.body, expected(), 4);
    // Cancelled and scheduled sessions never count, whatever their rows say.
    const ids = res.body.perSession.map((s: { sessionId: string }) => s.sessionId);
    expect(ids).not.toContain(SESSIONS.find((s) => s.key === 'cancelled')?.id);
  });

  it('equals the recount with a site, a role and a period filter', async () => {
    const bySite = await api(t.app)
      .get(`/api/programs/${programId}/impact?siteId=${siteIds.ards}`)
      .set(bearer(coordinator));
    checkReport(bySite.body, expected({ site: 'ards' }), 4);
    const byRole = await api(t.app).get(`/api/programs/${programId}/impact?role=participant`).set(bearer(coordinator));
    checkReport(byRole.body, expected({ role: 'participant' }), 4);
    // April in London time (the April session starts 12:30 BST = 11:30Z).
    const april = await api(t.app)
      .get(`/api/programs/${programId}/impact?from=2026-04-01&to=2026-04-30`)
      .set(bearer(coordinator));
    checkReport(april.body, expected({ sessions: ['april'] }), 1);
  });

  it('counts progress against the target program-wide, with the linear forecast it explains', async () => {
    const res = await api(t.app).get(`/api/programs/${programId}/impact?role=expert`).set(bearer(coordinator));
    const target = res.body.target;
    const all = expected().filter((x) => x.le).length;
    expect(target.achieved).toBe(all); // the role filter does not shrink the target figures
    const weeks = (NOW - Date.parse('2026-03-03T12:30:00.000Z')) / (7 * 86_400_000);
    const weeksLeft = (Date.parse('2026-07-07T12:30:00.000Z') - NOW) / (7 * 86_400_000);
    expect(target.forecast).toBe(all + Math.floor((all / weeks) * weeksLeft));
    expect(target.horizon).toEqual({ date: '2026-07-07', source: 'series-end' });
    expect(target.onTrack).toBe(target.forecast >= 120);
    expect(target.method).toContain(`${all} learning experiences`);
    expect(target.cumulative.at(-1).total).toBe(all);
  });

  it('attendance.csv has one row per person per session with the recounted minutes', async () => {
    const res = await api(t.app).get(`/api/programs/${programId}/attendance.csv`).set(bearer(coordinator));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map(parseCsvLine);
    expect(header).toEqual([
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
    ]);
    const want = expected();
    expect(lines).toHaveLength(want.length);
    for (const x of want) {
      const line = lines.find((l) => l[1] === `ECHO ${x.session.key}` && l[3] === x.person.account.email);
      expect([x.session.key, x.person.key, line?.slice(8)]).toEqual([
        x.session.key,
        x.person.key,
        [String(Math.round(x.ms / MIN)), x.present ? 'yes' : 'no', x.le ? 'yes' : 'no'],
      ]);
    }
  });

  it('counts a reconnect once, with the minutes of the union (exactly half: a learning experience)', async () => {
    const april = SESSIONS.find((s) => s.key === 'april')?.id;
    const res = await api(t.app).get(`/api/sessions/${april}/attendance`).set(bearer(coordinator));
    const mine = (key: string) =>
      (res.body as AttendanceRecord[]).filter((r) => r.email === people.find((p) => p.key === key)?.account.email);
    expect(mine('linkworker')).toHaveLength(1);
    expect(mine('linkworker')[0]).toMatchObject({
      minutes: 45,
      present: true,
      learningExperience: true,
      role: 'participant',
    });
    // Three rows, one inside another, one overlapping; the last connection's role is the one shown.
    expect(mine('carer')).toHaveLength(1);
    expect(mine('carer')[0]).toMatchObject({ minutes: 34, present: true, learningExperience: false, role: 'expert' });
    expect(mine('absentee')[0]).toMatchObject({ minutes: 0, present: false, learningExperience: false });
    expect(mine('newcomer')).toHaveLength(0);
  });

  it('sends the post-session survey of a session its host never ended, once over, to its participants only', async () => {
    const may = SESSIONS.find((x) => x.key === 'may') as SessionSpec;
    const res = await api(t.app).post(`/api/sessions/${may.id}/survey`).set(bearer(coordinator));
    expect(res.status).toBe(200);
    const participants = expected({ sessions: ['may'] }).filter((x) => x.present && x.role === 'participant');
    expect(res.body).toMatchObject({ sent: participants.length, responded: 0 });
    const again = await api(t.app).post(`/api/sessions/${may.id}/survey`).set(bearer(coordinator));
    expect([again.body.id, again.body.sent]).toEqual([res.body.id, participants.length]);
    const running = await api(t.app)
      .post(`/api/sessions/${SESSIONS.find((x) => x.key === 'now')?.id}/survey`)
      .set(bearer(coordinator));
    expect([running.status, running.body.error]).toEqual([409, 'SESSION_NOT_ENDED']);
  });

  it('takes the program setting for the share of a session that counts', async () => {
    await t.app.get(DataSource).getRepository(Program).update({ id: programId }, { minAttendanceShare: 0.25 });
    const res = await api(t.app).get(`/api/programs/${programId}/impact`).set(bearer(coordinator));
    const want = expected().filter((x) => x.present && x.ms * 4 >= x.session.durationMinutes * MIN).length;
    expect(res.body.learningExperiences).toBe(want);
    await t.app.get(DataSource).getRepository(Program).update({ id: programId }, { minAttendanceShare: 0.5 });
  });
});

describe('a live session end to survey and certificate, over socket.io', () => {
  let t: TestApp;
  let url: string;
  let programId: string;
  let sessionId: string;
  let host: Account;
  let spoke: Account;
  let other: Account;
  const clients: TestLiveClient[] = [];

  const connect = async (who: Account) => {
    const c = new TestLiveClient(url, who.token);
    clients.push(c);
    await c.connected();
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    await account(t.app, 'admin');
    host = await account(t.app, 'host');
    spoke = await account(t.app, 'spoke');
    other = await account(t.app, 'other');
    const programs = t.app.get(ProgramsService);
    programId = (await programs.create({ name: 'Dementia Care ECHO', minAttendanceShare: 0, certificateShare: 0 })).id;
    const repo = t.app.get(DataSource).getRepository(Membership);
    for (const [a, role, pt] of [
      [host, 'facilitator', 'staff'],
      [spoke, 'participant', 'carer'],
      [other, 'participant', 'staff'],
    ] as const) {
      await repo.save(
        repo.create({ programId, userId: a.id, role, siteId: null, profession: null, participationType: pt }),
      );
    }
    sessionId = (
      await t.app
        .get(SessionsService)
        .create(
          programId,
          { title: 'Living well with dementia', startsAt: new Date().toISOString(), durationMinutes: 60 },
          null,
        )
    ).id;
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t.close();
  });

  it('a spoke who reconnects is one attendance; ending the session sends them the survey', async () => {
    const h = await connect(host);
    h.state = (await h.ok<JoinResponse>('session:join', { sessionId })).state;
    await h.ok('host:open');
    const spokeOnline = (online: boolean) =>
      h.stateWhere((s) => s.participants.some((p) => p.userId === spoke.id && p.online === online));
    const first = await connect(spoke);
    await first.ok('session:join', { sessionId });
    await spokeOnline(true);
    first.close(); // the connection drops…
    await spokeOnline(false); // (the host sees it)
    const second = await connect(spoke);
    await second.ok('session:join', { sessionId }); // …and comes back
    await spokeOnline(true);
    await h.ok('host:end');

    const db = t.app.get(DataSource);
    const raw = await db.getRepository(Attendance).find({ where: { sessionId, userId: spoke.id } });
    expect(raw).toHaveLength(2);
    expect(raw.every((r) => r.leftAt !== null)).toBe(true);
    const union = unionByEdges(raw.map((r) => [Date.parse(r.joinedAt), Date.parse(r.leftAt as string)]));

    const report: ImpactReport = (await api(t.app).get(`/api/programs/${programId}/impact`).set(bearer(host))).body;
    expect(report.attendances).toBe(2); // the host and the spoke, once each
    expect(report.byParticipationType.find((g) => g.key === 'carer')).toMatchObject({
      attendances: 1,
      uniqueParticipants: 1,
    });
    const list: AttendanceRecord[] = (await api(t.app).get(`/api/sessions/${sessionId}/attendance`).set(bearer(host)))
      .body;
    expect(list.find((r) => r.userId === spoke.id)).toMatchObject({ present: true, minutes: Math.round(union / MIN) });
    expect(list.find((r) => r.userId === other.id)).toMatchObject({ present: false });

    // The survey went to the participant who attended, not to the host nor to the absent participant.
    const pending = async (a: Account): Promise<PendingSurveyDto[]> =>
      (await api(t.app).get('/api/me/surveys').set(bearer(a))).body;
    const [survey] = await pending(spoke);
    expect(survey).toMatchObject({ programId, sessionId, programName: 'Dementia Care ECHO' });
    expect(await pending(host)).toEqual([]);
    expect(await pending(other)).toEqual([]);
  });

  it('the spoke answers the survey once; the impact report shows the ratings and confidence shift', async () => {
    const [pending] = (await api(t.app).get('/api/me/surveys').set(bearer(spoke))).body as PendingSurveyDto[];
    const survey: SurveyDto = (await api(t.app).get(`/api/me/surveys/${pending.id}`).set(bearer(spoke))).body;
    expect(survey.questions.map((q) => q.text)).toEqual(
      expect.arrayContaining(['Helping patients to identify and set goals', 'What will you do differently?']),
    );
    const answers = survey.questions.flatMap((q): SurveyAnswer[] => {
      if (q.kind === 'rating') return [{ questionId: q.id, value: 5 }];
      if (q.kind === 'confidence') return [{ questionId: q.id, before: 2, value: 4 }];
      if (q.text === 'What will you do differently?')
        return [{ questionId: q.id, text: 'Ask "what matters to you?" first' }];
      return [];
    });

    const missing = await api(t.app)
      .post(`/api/me/surveys/${survey.id}/answers`)
      .set(bearer(spoke))
      .send({ answers: answers.slice(1) });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/answers.*q1/);
    const unknown = await api(t.app)
      .post(`/api/me/surveys/${survey.id}/answers`)
      .set(bearer(spoke))
      .send({ answers: [...answers, { questionId: 'q99', value: 3 }] });
    expect([unknown.status, unknown.body.fields?.[0]?.field]).toEqual([400, `answers.${answers.length}.questionId`]);
    const notMine = await api(t.app).post(`/api/me/surveys/${survey.id}/answers`).set(bearer(other)).send({ answers });
    expect(notMine.status).toBe(404);

    const ok = await api(t.app).post(`/api/me/surveys/${survey.id}/answers`).set(bearer(spoke)).send({ answers });
    expect(ok.status).toBe(201);
    const again = await api(t.app).post(`/api/me/surveys/${survey.id}/answers`).set(bearer(spoke)).send({ answers });
    expect([again.status, again.body.error]).toEqual([409, 'SURVEY_ALREADY_ANSWERED']);
    expect((await api(t.app).get('/api/me/surveys').set(bearer(spoke))).body).toEqual([]);

    const report: ImpactReport = (await api(t.app).get(`/api/programs/${programId}/impact`).set(bearer(host))).body;
    expect(report.surveys).toEqual({ sent: 1, responded: 1, responseRate: 1 });
    expect(report.ratings[0]).toMatchObject({ question: 'Overall, how would you rate this session?', n: 1, mean: 5 });
    expect(report.confidence.find((c) => c.item === 'Structuring conversations to enable behaviour change')).toEqual({
      item: 'Structuring conversations to enable behaviour change',
      n: 1,
      meanBefore: 2,
      meanAfter: 4,
      shift: 2,
      improved: 1,
    });
    const results = (await api(t.app).get(`/api/programs/${programId}/surveys/${survey.id}`).set(bearer(host))).body;
    const free = results.questions.find((q: { text: string }) => q.text === 'What will you do differently?');
    expect(free.answers).toEqual(['Ask "what matters to you?" first']);
    expect(JSON.stringify(results)).not.toContain(spoke.id);
  });

  it('the spoke downloads a certificate whose code the public verify route answers, with nothing more', async () => {
    const periods = (await api(t.app).get(`/api/programs/${programId}/certificates`).set(bearer(spoke))).body;
    const month = periods.find((p: { period: string }) => p.period.length === 7);
    expect(month).toMatchObject({ sessions: 1, code: null });
    const res = await api(t.app)
      .get(`/api/programs/${programId}/certificate.pdf?period=${month.period}`)
      .set(bearer(spoke))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const pdf = res.body as Buffer;
    const code = res.headers['x-certificate-code'];
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(pdf.includes(Buffer.from(code))).toBe(true);

    const verify = await api(t.app).get(`/api/certificates/verify/${code.toLowerCase()}`);
    expect(verify.status).toBe(200);
    const body: CertificateVerification = verify.body;
    expect(Object.keys(body).sort()).toEqual(
      ['code', 'holder', 'hours', 'issuedAt', 'period', 'periodLabel', 'program', 'sessions', 'valid'].sort(),
    );
    expect(body).toMatchObject({ valid: true, code, holder: 'Test spoke', program: 'Dementia Care ECHO', sessions: 1 });
    // Typed the way people type it: lower case, no dashes, spaces between the groups.
    for (const typed of [code.replace(/-/g, ''), code.toLowerCase().replace(/-/g, ' ')]) {
      const again = await api(t.app).get(`/api/certificates/verify/${encodeURIComponent(typed)}`);
      expect({ typed, status: again.status, code: again.body.code }).toEqual({ typed, status: 200, code });
    }
    expect((await api(t.app).get('/api/certificates/verify/AAAA-BBBB-CCCC')).status).toBe(404);
    expect((await api(t.app).get('/api/certificates/verify/nonsense')).status).toBe(404);

    // The same figures again: the same certificate. Someone else's: only for the hub managers.
    const periodsAfter = (await api(t.app).get(`/api/programs/${programId}/certificates`).set(bearer(spoke))).body;
    expect(periodsAfter.find((p: { period: string }) => p.period === month.period).code).toBe(code);
    const theirs = `/api/programs/${programId}/certificate.pdf?period=${month.period}&userId=${spoke.id}`;
    expect((await api(t.app).get(theirs).set(bearer(other))).status).toBe(403);
    expect((await api(t.app).get(theirs).set(bearer(host))).headers['x-certificate-code']).toBe(code);
    const none = await api(t.app).get(`/api/programs/${programId}/certificate.pdf?period=2020-01`).set(bearer(spoke));
    expect([none.status, none.body.error]).toEqual([422, 'NO_ATTENDANCE_IN_PERIOD']);
    const bad = await api(t.app).get(`/api/programs/${programId}/certificate.pdf?period=2026-13`).set(bearer(spoke));
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('period')]);
  });

  it('a practice session counts nowhere and sends no survey, until a host says it was not practice', async () => {
    const figures = async () => {
      const report: ImpactReport = (await api(t.app).get(`/api/programs/${programId}/impact`).set(bearer(host))).body;
      return { attendances: report.attendances, sessions: report.sessions };
    };
    const surveysOf = async (a: Account): Promise<PendingSurveyDto[]> =>
      (await api(t.app).get('/api/me/surveys').set(bearer(a))).body;
    const before = await figures();
    const surveysBefore = (await surveysOf(spoke)).length;

    const created = await api(t.app)
      .post(`/api/programs/${programId}/sessions`)
      .set(bearer(host))
      .send({ title: 'Dry run', startsAt: new Date().toISOString(), durationMinutes: 30, practice: true });
    expect([created.status, created.body.practice]).toEqual([201, true]);
    const practiceId: string = created.body.id;
    const h = await connect(host);
    await h.ok('session:join', { sessionId: practiceId });
    await h.ok('host:open');
    const s = await connect(spoke);
    await s.ok('session:join', { sessionId: practiceId });
    await h.ok('host:end');

    // Attendance rows are kept (the session happened), but nothing counts and no survey went out.
    const rows = await t.app.get(DataSource).getRepository(Attendance).findBy({ sessionId: practiceId });
    expect(rows.map((r) => r.userId).sort()).toEqual([host.id, spoke.id].sort());
    expect(await figures()).toEqual(before);
    expect(await surveysOf(spoke)).toHaveLength(surveysBefore);
    const survey = await api(t.app).post(`/api/sessions/${practiceId}/survey`).set(bearer(host));
    expect([survey.status, survey.body.error]).toEqual([409, 'PRACTICE_SESSION']);

    // Marked as a real session afterwards: it counts like any other.
    const patched = await api(t.app).patch(`/api/sessions/${practiceId}`).set(bearer(host)).send({ practice: false });
    expect([patched.status, patched.body.practice]).toEqual([200, false]);
    expect(await figures()).toEqual({ attendances: before.attendances + 2, sessions: before.sessions + 1 });
    const refused = await api(t.app).patch(`/api/sessions/${practiceId}`).set(bearer(host)).send({ practice: 'yes' });
    expect([refused.status, refused.body.message]).toEqual([400, expect.stringContaining('practice')]);
  });
});

/** Union length for real (millisecond) times: every stretch between two sorted edges that some span covers. */
function unionByEdges(spans: [number, number][]): number {
  const edges = [...new Set(spans.flat())].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    if (spans.some(([a, b]) => a <= edges[i] && edges[i + 1] <= b)) total += edges[i + 1] - edges[i];
  }
  return total;
}

/** A CSV line as cells (quoted cells may hold commas and doubled quotes). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  return [...cells, cell];
}
