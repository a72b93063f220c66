import { ProgramsService } from '../src/programs/programs.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { type Account, account, addMember, api, bearer, waitUntil } from './fixtures';
import { TestLiveClient } from './live-client';
import { startTestApp, type TestApp } from './test-app';

describe('admin area: accounts and the audit log', () => {
  let t: TestApp;
  let admin: Account;
  let url: string;
  const signIn = (a: Account) =>
    api(t.app).post('/api/auth/login').send({ email: a.email, password: 'correct horse battery' });

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    admin = await account(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('lists accounts with a search on name or e-mail, any case, with their programs', async () => {
    const aoife = await account(t.app, 'Aoife_Byrne');
    await account(t.app, 'someone');
    const program = await t.app.get(ProgramsService).create({ name: 'Pain ECHO' });
    await addMember(t.app, program.id, aoife.id, 'expert');
    const found = await api(t.app).get('/api/admin/users?q=AOIFE_b').set(bearer(admin)).expect(200);
    expect(found.body).toEqual([
      expect.objectContaining({
        id: aoife.id,
        email: aoife.email,
        disabledAt: null,
        lastSignInAt: expect.any(String),
        memberships: [{ programId: program.id, programName: 'Pain ECHO', role: 'expert' }],
      }),
    ]);
    // `_` and `%` are literal characters in a search, not wildcards.
    expect((await api(t.app).get('/api/admin/users?q=%25').set(bearer(admin)).expect(200)).body).toEqual([]);
    const all = await api(t.app).get('/api/admin/users?limit=2').set(bearer(admin)).expect(200);
    expect(all.body).toHaveLength(2);
    const bad = await api(t.app).get('/api/admin/users?limit=lots').set(bearer(admin)).expect(400);
    expect(bad.body.message).toContain('limit');
  });

  it('disables an account: its tokens, sign-in and open socket end; enabling lets it sign in again', async () => {
    const spoke = await account(t.app, 'spoke');
    const program = await t.app.get(ProgramsService).create({ name: 'Social Prescribing ECHO' });
    await addMember(t.app, program.id, spoke.id, 'participant');
    const session = await t.app
      .get(SessionsService)
      .create(program.id, { title: 'Weekly', startsAt: new Date().toISOString(), durationMinutes: 60 }, null);
    const client = new TestLiveClient(url, spoke.token);
    await client.connected();
    await client.ok('session:join', { sessionId: session.id });
    let disconnected = false;
    client.socket.on('disconnect', () => (disconnected = true));

    const res = await api(t.app).post(`/api/admin/users/${spoke.id}/disable`).set(bearer(admin)).expect(200);
    expect(res.body.disabledAt).toEqual(expect.any(String));
    await waitUntil(() => disconnected);
    client.close();

    // Its sign-ins ended, and it cannot sign in again.
    await api(t.app).get('/api/me').set(bearer(spoke)).expect(401);
    expect((await signIn(spoke).expect(401)).body.error).toBe('ACCOUNT_DISABLED');
    const again = new TestLiveClient(url, spoke.token);
    await expect(again.connected()).rejects.toThrow(/UNAUTHORIZED/);
    again.close();

    await api(t.app).post(`/api/admin/users/${spoke.id}/enable`).set(bearer(admin)).expect(200);
    await signIn(spoke).expect(200);
  });

  it('refuses to disable or demote the calling admin (409) and answers 404 for an unknown account', async () => {
    const self = await api(t.app).post(`/api/admin/users/${admin.id}/disable`).set(bearer(admin)).expect(409);
    expect(self.body.error).toBe('NOT_YOURSELF');
    await api(t.app).put(`/api/admin/users/${admin.id}/admin`).set(bearer(admin)).send({ isAdmin: false }).expect(409);
    await api(t.app)
      .post('/api/admin/users/7d0e1f7c-5a3f-4c1e-9b7a-2f0a6e3b9c11/disable')
      .set(bearer(admin))
      .expect(404);
  });

  it('grants and revokes the admin role', async () => {
    const coordinator = await account(t.app, 'coordinator');
    await api(t.app).get('/api/admin/users').set(bearer(coordinator)).expect(403);
    const bad = await api(t.app)
      .put(`/api/admin/users/${coordinator.id}/admin`)
      .set(bearer(admin))
      .send({ isAdmin: 'yes' })
      .expect(400);
    expect(bad.body.message).toContain('isAdmin');
    await api(t.app)
      .put(`/api/admin/users/${coordinator.id}/admin`)
      .set(bearer(admin))
      .send({ isAdmin: true })
      .expect(200);
    await api(t.app).get('/api/admin/users').set(bearer(coordinator)).expect(200);
    await api(t.app)
      .put(`/api/admin/users/${coordinator.id}/admin`)
      .set(bearer(admin))
      .send({ isAdmin: false })
      .expect(200);
    await api(t.app).get('/api/admin/users').set(bearer(coordinator)).expect(403);
  });

  it('keeps every admin action in the audit log, newest first, without e-mail addresses', async () => {
    const person = await account(t.app, 'audited');
    await api(t.app).post(`/api/admin/users/${person.id}/reset-link`).set(bearer(admin)).expect(201);
    await api(t.app).post(`/api/admin/users/${person.id}/disable`).set(bearer(admin)).expect(200);
    const log = await api(t.app).get('/api/admin/audit?limit=2').set(bearer(admin)).expect(200);
    expect(log.body).toEqual([
      expect.objectContaining({
        action: 'user.disable',
        actor: { id: admin.id, displayName: 'Test admin' },
        target: { id: person.id, displayName: 'Test audited' },
      }),
      expect.objectContaining({ action: 'user.reset_link', target: expect.objectContaining({ id: person.id }) }),
    ]);
    expect(JSON.stringify(log.body)).not.toContain(person.email);
    await api(t.app).get('/api/admin/audit').set(bearer(person)).expect(401);
  });
});
