import * as ical from 'node-ical';
import { account, addMember, api, bearer, type Account } from './fixtures';
import { startTestApp, type TestApp } from './test-app';
import { tinyPdf } from './upload-fixtures';

describe('programs, members, invitations and the session calendar', () => {
  let t: TestApp;
  let admin: Account;
  let facilitator: Account;
  let spoke: Account;
  let programId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await account(t.app, 'admin');
    facilitator = await account(t.app, 'facilitator');
    spoke = await account(t.app, 'spoke');
  });
  afterAll(() => t.close());

  /** Adds someone by e-mail (an invitation for that address), and they accept it: their membership. */
  async function inviteAndAccept(by: Account, body: object, invitee: Account, acceptance: object) {
    const invited = await api(t.app).post(`/api/programs/${programId}/members`).set(bearer(by)).send(body).expect(202);
    const token = invited.body.inviteUrl.split('/').pop();
    return (await api(t.app).post(`/api/invitations/${token}/accept`).set(bearer(invitee)).send(acceptance).expect(201))
      .body;
  }

  it('an admin creates a program; a facilitator adds sites and members with roles', async () => {
    const res = await api(t.app)
      .post('/api/programs')
      .set(bearer(admin))
      .send({
        name: 'Social Prescribing ECHO',
        topic: 'Social prescribing',
        learningTarget: 1020,
        timeZone: 'Europe/London',
      })
      .expect(201);
    programId = res.body.id;
    expect(res.body).toMatchObject({ name: 'Social Prescribing ECHO', learningTarget: 1020, myRole: null });

    await inviteAndAccept(admin, { email: facilitator.email, role: 'facilitator' }, facilitator, {});
    const site = await api(t.app)
      .post(`/api/programs/${programId}/sites`)
      .set(bearer(facilitator))
      .send({ organisation: 'Ards Community Health Centre', locality: 'Newtownards', country: 'Northern Ireland' })
      .expect(201);
    const member = await inviteAndAccept(
      facilitator,
      { email: spoke.email, role: 'participant', siteId: site.body.id },
      spoke,
      { profession: 'Link worker', participationType: 'staff' },
    );
    expect(member).toMatchObject({ role: 'participant', siteId: site.body.id, profession: 'Link worker' });

    const overview = await api(t.app).get(`/api/programs/${programId}`).set(bearer(spoke)).expect(200);
    expect(overview.body.program.myRole).toBe('participant');
    expect(overview.body.sites).toHaveLength(1);
    // The members are a paged list of their own, not part of the program home.
    expect(overview.body.members).toBeUndefined();
    const members = await api(t.app).get(`/api/programs/${programId}/members`).set(bearer(spoke)).expect(200);
    expect(members.body.map((m: { role: string }) => m.role).sort()).toEqual(['facilitator', 'participant']);
    const mine = await api(t.app).get('/api/programs').set(bearer(spoke)).expect(200);
    expect(mine.body.map((p: { id: string }) => p.id)).toEqual([programId]);
  });

  it('adding by e-mail reveals nothing: the same answer for an account, no account, or a member already', async () => {
    const add = (email: string) =>
      api(t.app)
        .post(`/api/programs/${programId}/members`)
        .set(bearer(facilitator))
        .send({ email, role: 'participant' });
    const stranger = await account(t.app, 'stranger');
    const answers = [await add(stranger.email), await add('nobody-here@example.org'), await add(spoke.email)];
    const shape = (res: { status: number; body: object }) => [res.status, Object.keys(res.body).sort()];
    expect(answers.map(shape)).toEqual(Array(3).fill(shape(answers[0])));
    expect(answers[0].status).toBe(202);
    // Nobody joins without accepting: the account holder is not a member yet.
    const members = await api(t.app).get(`/api/programs/${programId}/members`).set(bearer(facilitator)).expect(200);
    expect(members.body.map((m: { user: { id: string } }) => m.user.id)).not.toContain(stranger.id);
    // The invitation is for that address only.
    const token = answers[0].body.inviteUrl.split('/').pop();
    await api(t.app).post(`/api/invitations/${token}/accept`).set(bearer(spoke)).send({}).expect(400);
  });

  it("shows members' e-mails only to those who manage members (and each their own)", async () => {
    const emails = async (who: Account, path: string) => {
      const res = await api(t.app).get(path).set(bearer(who)).expect(200);
      const members: Array<{ user: { id: string; email: string | null } }> = res.body;
      return Object.fromEntries(members.map((m) => [m.user.id, m.user.email]));
    };
    for (const path of [`/api/programs/${programId}/members`]) {
      expect(await emails(spoke, path)).toEqual({ [spoke.id]: spoke.email, [facilitator.id]: null });
      expect(await emails(facilitator, path)).toEqual({ [spoke.id]: spoke.email, [facilitator.id]: facilitator.email });
      expect(await emails(admin, path)).toEqual({ [spoke.id]: spoke.email, [facilitator.id]: facilitator.email });
    }
  });

  it("lets the program's hosts show members' e-mails to everyone, and hide them again", async () => {
    const program = `/api/programs/${programId}`;
    const seenBySpoke = async () =>
      Object.fromEntries(
        (await api(t.app).get(`${program}/members`).set(bearer(spoke)).expect(200)).body.map(
          (m: { user: { id: string; email: string | null } }) => [m.user.id, m.user.email],
        ),
      );
    expect((await api(t.app).get(program).set(bearer(spoke)).expect(200)).body.program.memberEmailsVisible).toBe(false);
    await api(t.app).patch(program).set(bearer(spoke)).send({ memberEmailsVisible: true }).expect(403);
    const bad = await api(t.app)
      .patch(program)
      .set(bearer(facilitator))
      .send({ memberEmailsVisible: 'yes' })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['memberEmailsVisible']);
    const on = await api(t.app).patch(program).set(bearer(facilitator)).send({ memberEmailsVisible: true }).expect(200);
    expect(on.body.memberEmailsVisible).toBe(true);
    expect(await seenBySpoke()).toEqual({ [spoke.id]: spoke.email, [facilitator.id]: facilitator.email });
    await api(t.app).patch(program).set(bearer(facilitator)).send({ memberEmailsVisible: false }).expect(200);
    expect(await seenBySpoke()).toEqual({ [spoke.id]: spoke.email, [facilitator.id]: null });
  });

  it('invites by link: the invitee signs up, previews and accepts once, with profession and participation type', async () => {
    const inv = await api(t.app)
      .post(`/api/programs/${programId}/invitations`)
      .set(bearer(facilitator))
      .send({ role: 'participant' })
      .expect(201);
    expect(inv.body.inviteUrl).toMatch(/\/invite\/[\w-]+$/);
    const token = inv.body.inviteUrl.split('/').pop();
    const preview = await api(t.app).get(`/api/invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({ programName: 'Social Prescribing ECHO', role: 'participant' });
    const carer = await account(t.app, 'carer');
    const accepted = await api(t.app)
      .post(`/api/invitations/${token}/accept`)
      .set(bearer(carer))
      .send({ participationType: 'carer' })
      .expect(201);
    expect(accepted.body).toMatchObject({ role: 'participant', participationType: 'carer' });
    await api(t.app).post(`/api/invitations/${token}/accept`).set(bearer(spoke)).send({}).expect(404);
  });

  it('schedules a fortnightly series with an exception and an agenda; members see it, spokes cannot edit it', async () => {
    await addMember(t.app, programId, admin.id, 'expert');
    const res = await api(t.app)
      .post(`/api/programs/${programId}/sessions`)
      .set(bearer(facilitator))
      .send({
        title: 'Social Prescribing ECHO',
        startsAt: '2026-03-03T12:30:00+00:00',
        durationMinutes: 90,
        recurrence: { frequency: 'fortnightly', count: 4, exceptions: ['2026-03-17'] },
        agenda: [
          { kind: 'didactic', title: 'What matters to you? Goal setting', presenterEmail: admin.email, minutes: 20 },
          { kind: 'case', minutes: 30 },
          { kind: 'case', minutes: 30 },
        ],
      })
      .expect(201);
    expect(res.body.occurrences.map((o: { startsAt: string }) => o.startsAt)).toEqual([
      '2026-03-03T12:30:00.000Z',
      '2026-03-31T11:30:00.000Z', // 12:30 BST after the clocks change on 29 March
      '2026-04-14T11:30:00.000Z',
      '2026-04-28T11:30:00.000Z',
    ]);
    expect(res.body.agenda.map((a: { kind: string; title: string }) => [a.kind, a.title])).toEqual([
      ['didactic', 'What matters to you? Goal setting'],
      ['case', 'Case presentation 1'],
      ['case', 'Case presentation 2'],
    ]);
    expect(res.body.agenda[0].presenter.displayName).toBe('Test admin');

    const list = await api(t.app)
      .get(`/api/programs/${programId}/sessions?from=2026-01-01T00:00:00Z&to=2026-04-15T00:00:00Z`)
      .set(bearer(spoke))
      .expect(200);
    expect(list.body).toHaveLength(3);
    await api(t.app).put(`/api/sessions/${res.body.id}/agenda`).set(bearer(spoke)).send({ items: [] }).expect(403);
  });

  it('rejects a presenter who is not a member, naming the agenda slot', async () => {
    const res = await api(t.app)
      .post(`/api/programs/${programId}/sessions`)
      .set(bearer(facilitator))
      .send({
        title: 'X',
        startsAt: '2026-05-05T12:30:00+01:00',
        durationMinutes: 60,
        agenda: [{ kind: 'didactic', title: 'Talk', presenterEmail: 'stranger@example.org', minutes: 10 }],
      })
      .expect(400);
    expect(res.body.message).toContain('agenda.0.presenterEmail');
  });

  it('uploads slides to a didactic slot; members download them; slides survive an agenda edit', async () => {
    const [session] = (
      await api(t.app).get(`/api/programs/${programId}/sessions?from=2026-01-01T00:00:00Z`).set(bearer(spoke))
    ).body;
    const item = session.agenda[0];
    const up = await api(t.app)
      .post(`/api/sessions/${session.id}/agenda/${item.id}/slides`)
      .set(bearer(admin))
      .attach('file', tinyPdf('goal setting'), 'goal-setting.pdf')
      .expect(201);
    expect(up.body.slides.name).toBe('goal-setting.pdf');
    await api(t.app)
      .post(`/api/sessions/${session.id}/agenda/${item.id}/slides`)
      .set(bearer(admin))
      .attach('file', Buffer.from('MZ'), 'virus.exe')
      .expect(400);
    const edited = await api(t.app)
      .put(`/api/sessions/${session.id}/agenda`)
      .set(bearer(facilitator))
      .send({
        items: [
          { kind: 'case', minutes: 20 },
          { kind: 'didactic', title: item.title, minutes: 25 },
        ],
      })
      .expect(200);
    const moved = edited.body.agenda[1];
    expect(moved.slides.name).toBe('goal-setting.pdf');
    const file = await api(t.app).get(moved.slides.url).set(bearer(spoke)).expect(200);
    // Stored rewritten without its metadata.
    expect(file.body.toString().slice(0, 5)).toBe('%PDF-');
  });

  it('sniffs slides by content (SVG or HTML renamed .pdf refused), reads their name as UTF-8 without bidi controls', async () => {
    const [session] = (
      await api(t.app).get(`/api/programs/${programId}/sessions?from=2026-01-01T00:00:00Z`).set(bearer(spoke))
    ).body;
    const talk = session.agenda.find((i: { kind: string }) => i.kind === 'didactic');
    const url = `/api/sessions/${session.id}/agenda/${talk.id}/slides`;
    for (const fake of ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '<html><script>']) {
      const refused = await api(t.app).post(url).set(bearer(admin)).attach('file', Buffer.from(fake), 'talk.pdf');
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/^file must be a PDF, PowerPoint/);
    }
    const up = await api(t.app)
      .post(url)
      .set(bearer(admin))
      .attach('file', tinyPdf('talk'), 'Pr\u00e9sentation \u202efdp.exe.pdf')
      .expect(201);
    expect(up.body.slides.name).toBe('Pr\u00e9sentation fdp.exe.pdf');
    const file = await api(t.app).get(up.body.slides.url).set(bearer(spoke)).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('serves ICS feeds that a calendar parser reads with the right times across daylight saving', async () => {
    const links = await api(t.app).get(`/api/programs/${programId}/calendar-links`).set(bearer(spoke)).expect(200);
    const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
    for (const url of [links.body.programFeedUrl, links.body.personalFeedUrl]) {
      const res = await api(t.app)
        .get(path(url))
        .expect(200)
        .expect('Content-Type', /text\/calendar/);
      const events = Object.values(ical.sync.parseICS(res.text)).filter((e) => e.type === 'VEVENT') as ical.VEvent[];
      const london = (d: Date) =>
        d.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short' });
      expect(events.map((e) => [london(e.start), london(e.end)])).toEqual([
        ['03/03/2026, 12:30', '03/03/2026, 14:00'],
        ['31/03/2026, 12:30', '31/03/2026, 14:00'],
        ['14/04/2026, 12:30', '14/04/2026, 14:00'],
        ['28/04/2026, 12:30', '28/04/2026, 14:00'],
      ]);
      expect(events[0].summary).toBe('Social Prescribing ECHO');
    }
    await api(t.app)
      .get(path(links.body.programFeedUrl).replace(/token=.*/, 'token=wrong'))
      .expect(404);
  });

  it('a cancelled session shows as cancelled in the feed and bumps its sequence', async () => {
    const [first] = (
      await api(t.app).get(`/api/programs/${programId}/sessions?from=2026-01-01T00:00:00Z`).set(bearer(spoke))
    ).body;
    await api(t.app)
      .patch(`/api/sessions/${first.id}`)
      .set(bearer(facilitator))
      .send({ status: 'cancelled' })
      .expect(200);
    const links = await api(t.app).get(`/api/programs/${programId}/calendar-links`).set(bearer(spoke));
    const ics = (await api(t.app).get(links.body.programFeedUrl.replace(/^https?:\/\/[^/]+/, ''))).text;
    const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(first.id)) ?? '';
    expect(event).toContain('STATUS:CANCELLED');
    expect(event).toMatch(/SEQUENCE:[1-9]/);
  });
});
