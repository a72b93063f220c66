import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { Response } from 'supertest';
import { AuthService } from '../src/auth/auth.service';
import { User } from '../src/auth/entities/user.entity';
import { MailService } from '../src/mail/mail.service';
import { account, api, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/** What a caller can see of an answer: its status, body and type. */
const answer = (res: Response) => ({
  status: res.status,
  body: res.body as unknown,
  type: res.headers['content-type'],
});

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '5', LOGIN_ADDRESS_RATE_LIMIT: '40' });
  });
  afterAll(() => t.close());

  it('registers: the first account on an empty database is instance admin, the next is not', async () => {
    const first = await api(t.app)
      .post('/api/auth/register')
      .send({ email: ' Niamh.Kelly@Example.org ', password: 'a long passphrase', displayName: 'Niamh Kelly' })
      .expect(202);
    expect(first.body).toEqual({ next: 'sign-in' }); // no SMTP here: created at once
    await api(t.app)
      .post('/api/auth/register')
      .send({ email: 'ciaran@example.org', password: 'another passphrase', displayName: 'Ciarán Walsh' })
      .expect(202);
    const users = t.app.get(DataSource).getRepository(User);
    expect(await users.findOneByOrFail({ email: 'niamh.kelly@example.org' })).toMatchObject({ isAdmin: true });
    const stored = await users.findOneByOrFail({ email: 'ciaran@example.org' });
    expect(stored).toMatchObject({ isAdmin: false, displayName: 'Ciarán Walsh' });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('answers a sign-up with a taken e-mail exactly as one with a new e-mail, and changes nothing', async () => {
    const send = (email: string) =>
      api(t.app).post('/api/auth/register').send({ email, password: 'another passphrase', displayName: 'Someone' });
    const [taken, fresh] = [await send('CIARAN@example.org'), await send('fresh-no-mail@example.org')];
    expect(answer(taken)).toEqual(answer(fresh));
    expect(answer(taken)).toEqual({ status: 202, body: { next: 'sign-in' }, type: expect.stringMatching(/json/) });
    const owner = await t.app.get(DataSource).getRepository(User).findOneByOrFail({ email: 'ciaran@example.org' });
    expect(owner.displayName).toBe('Ciarán Walsh');
  });

  describe('with SMTP', () => {
    const sent: { to: string; subject: string; text: string }[] = [];
    beforeAll(() => {
      const mail = t.app.get(MailService);
      jest.spyOn(mail, 'enabled', 'get').mockReturnValue(true);
      jest.spyOn(mail, 'send').mockImplementation(async (to, subject, text) => {
        sent.push({ to, subject, text });
        return true;
      });
    });
    afterAll(() => jest.restoreAllMocks());

    it('answers a taken and a new e-mail alike; the new one is created only from the mailed link', async () => {
      const send = (email: string) =>
        api(t.app).post('/api/auth/register').send({ email, password: 'my own passphrase', displayName: 'Róisín' });
      const [taken, fresh] = [await send('ciaran@example.org'), await send('roisin@example.org')];
      expect(answer(taken)).toEqual(answer(fresh));
      expect(answer(fresh)).toEqual({
        status: 202,
        body: { next: 'check-email' },
        type: expect.stringMatching(/json/),
      });
      // Signing in cannot tell them apart either: neither has this password yet.
      const login = (email: string) =>
        api(t.app).post('/api/auth/login').send({ email, password: 'my own passphrase' });
      expect([(await login('ciaran@example.org')).status, (await login('roisin@example.org')).status]).toEqual([
        401, 401,
      ]);

      const [note, activation] = [
        sent.find((m) => m.to === 'ciaran@example.org'),
        sent.find((m) => m.to === 'roisin@example.org'),
      ];
      expect(note?.text).toMatch(/already has one\. Nothing was changed/);
      expect(note?.text).toContain('/forgot-password');
      const link = /(http\S+\/activate\?token=\S+)/.exec(activation?.text ?? '')?.[1];
      const token = new URL(link ?? 'http://x/').searchParams.get('token');
      expect(token).toBeTruthy();
      const done = await api(t.app).post('/api/auth/activate').send({ token }).expect(201);
      expect(done.body.user).toMatchObject({ email: 'roisin@example.org', displayName: 'Róisín', isAdmin: false });
      expect(done.body.user.passwordHash).toBeUndefined();
      await login('roisin@example.org').expect(200);
      const again = await api(t.app).post('/api/auth/activate').send({ token }).expect(409);
      expect(again.body.error).toBe('EMAIL_TAKEN');
    });

    it('refuses a damaged or forged activation token (401), and a missing one names the field (400)', async () => {
      const token = t.app
        .get(AuthService)
        .activationToken({ email: 'x@example.org', displayName: 'X', passwordHash: 'h' });
      const damaged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      for (const bad of [damaged, 'not-a-token', token.slice(0, 20)]) {
        const res = await api(t.app).post('/api/auth/activate').send({ token: bad }).expect(401);
        expect(res.body.error).toBe('ACTIVATION_INVALID');
      }
      const missing = await api(t.app).post('/api/auth/activate').send({}).expect(400);
      expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['token']);
    });
  });

  it('logs in, answers /api/me, and logout ends that token only', async () => {
    const login = () =>
      api(t.app).post('/api/auth/login').send({ email: 'ciaran@example.org', password: 'another passphrase' });
    const a = (await login().expect(200)).body.accessToken as string;
    const b = (await login().expect(200)).body.accessToken as string;
    const me = await api(t.app).get('/api/me').set('Authorization', `Bearer ${a}`).expect(200);
    expect(me.body).toMatchObject({ user: { email: 'ciaran@example.org' }, memberships: [] });
    await api(t.app).post('/api/auth/logout').set('Authorization', `Bearer ${a}`).expect(204);
    await api(t.app).get('/api/me').set('Authorization', `Bearer ${a}`).expect(401);
    await api(t.app).get('/api/me').set('Authorization', `Bearer ${b}`).expect(200);
  });

  it('answers a wrong password and an unknown account alike (401)', async () => {
    const wrong = await api(t.app)
      .post('/api/auth/login')
      .send({ email: 'ciaran@example.org', password: 'nope nope nope' });
    const unknown = await api(t.app)
      .post('/api/auth/login')
      .send({ email: 'nobody@example.org', password: 'nope nope nope' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rate-limits sign-in attempts per address and account (429), other accounts unaffected', async () => {
    const attempt = (email: string) => api(t.app).post('/api/auth/login').send({ email, password: 'wrong password!' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt('limited@example.org')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await attempt('limited@example.org');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ error: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) });
    expect((await attempt('other@example.org')).status).toBe(401);
  });

  it('changes the password: the old one stops working and other sign-ins end', async () => {
    const u = await account(t.app, 'changer');
    const other = (await api(t.app).post('/api/auth/login').send({ email: u.email, password: 'correct horse battery' }))
      .body.accessToken as string;
    await api(t.app)
      .post('/api/auth/password')
      .set(bearer(u))
      .send({ currentPassword: 'wrong', newPassword: 'a brand new passphrase' })
      .expect(401);
    await api(t.app)
      .post('/api/auth/password')
      .set(bearer(u))
      .send({ currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' })
      .expect(204);
    await api(t.app).get('/api/me').set(bearer(u)).expect(200);
    await api(t.app).get('/api/me').set('Authorization', `Bearer ${other}`).expect(401);
    await api(t.app).post('/api/auth/login').send({ email: u.email, password: 'correct horse battery' }).expect(401);
    await api(t.app).post('/api/auth/login').send({ email: u.email, password: 'a brand new passphrase' }).expect(200);
  });

  it('resets a password with an admin-issued link, once', async () => {
    const admin = (
      await api(t.app).post('/api/auth/login').send({ email: 'niamh.kelly@example.org', password: 'a long passphrase' })
    ).body.accessToken as string;
    const u = await account(t.app, 'forgetful');
    const link = await api(t.app)
      .post(`/api/admin/users/${u.id}/reset-link`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(201);
    const token = new URL(link.body.resetUrl).searchParams.get('token');
    await api(t.app).post('/api/auth/reset').send({ token, newPassword: 'remembered at last' }).expect(204);
    await api(t.app).get('/api/me').set(bearer(u)).expect(401); // every sign-in ended
    await api(t.app).post('/api/auth/reset').send({ token, newPassword: 'second use fails' }).expect(401);
    await api(t.app).post('/api/auth/login').send({ email: u.email, password: 'remembered at last' }).expect(200);
  });

  it('asks for a reset without revealing whether the account exists (202 either way)', async () => {
    await api(t.app).post('/api/auth/reset-request').send({ email: 'ciaran@example.org' }).expect(202);
    await api(t.app).post('/api/auth/reset-request').send({ email: 'nobody@example.org' }).expect(202);
  });

  it('refuses common, breached and easily guessed passwords in register, reset and change, naming the field', async () => {
    const u = await account(t.app, 'policy');
    const token = new URL((await t.app.get(AuthService).issueReset(u.id)).resetUrl).searchParams.get('token');
    const tries = {
      password: (pw: string) =>
        api(t.app)
          .post('/api/auth/register')
          .send({ email: 'sam.okafor@example.org', password: pw, displayName: 'Sam Okafor' }),
      newPassword: (pw: string) => api(t.app).post('/api/auth/reset').send({ token, newPassword: pw }),
      'newPassword (change)': (pw: string) =>
        api(t.app)
          .post('/api/auth/password')
          .set(bearer(u))
          .send({ currentPassword: 'correct horse battery', newPassword: pw }),
    };
    for (const [label, send] of Object.entries(tries)) {
      const field = label.split(' ')[0];
      // The account's own e-mail is among the first guesses.
      const own = field === 'password' ? 'sam.okafor2026' : `${u.email.split('@')[0]}!`;
      for (const weak of ['aaaaaaaaaa', '1234567890', 'password12', 'qwertyuiop1', own, 'short']) {
        const res = await send(weak);
        expect([label, weak, res.status]).toEqual([label, weak, 400]);
        expect(res.body.fields).toEqual([{ field, messages: [expect.stringMatching(new RegExp(`^${field} `))] }]);
      }
      const repeated = await send('aaaaaaaaaa');
      expect(repeated.body.message).toMatch(/is too easy to guess \(Repeated characters/);
      expect((await send('password12')).body.message).toMatch(/commonly used password/);
      expect((await send('short')).body.message).toBe(`${field} must be at least 10 characters`);
    }
    // A passphrase of plain words is welcome, in each of the three.
    await tries.password('kettle orbit lantern').expect(202);
    await tries['newPassword (change)']('lantern kettle orbit').expect(204);
    await tries.newPassword('orbit lantern kettle').expect(204);
  });

  it('refuses missing, malformed and forged tokens with 401', async () => {
    await api(t.app).get('/api/me').expect(401);
    await api(t.app).get('/api/me').set('Authorization', 'Bearer not-a-token').expect(401);
    const forged = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url') + '.e30.';
    const res = await api(t.app).get('/api/me').set('Authorization', `Bearer ${forged}`).expect(401);
    expect(res.body.error).toBe('TOKEN_INVALID');
  });

  it('refuses a validly signed token that pairs one person with another person’s sign-in', async () => {
    const [alice, bob] = [await account(t.app, 'alice'), await account(t.app, 'bob')];
    const jwt = t.app.get(JwtService);
    const { sid } = jwt.decode<{ sid: string }>(alice.token);
    await api(t.app).get('/api/me').set(bearer(alice)).expect(200);
    const mixed = await jwt.signAsync({ sub: bob.id, sid });
    await api(t.app).get('/api/me').set('Authorization', `Bearer ${mixed}`).expect(401);
  });

  // Last: it leaves this address blocked for the other sign-ins of the file.
  it('limits password spraying per address: 20 accounts × 5 passwords from one address end in 429', async () => {
    const statuses: number[] = [];
    for (let p = 0; p < 5; p++) {
      for (let i = 0; i < 20; i++) {
        const res = await api(t.app)
          .post('/api/auth/login')
          .send({ email: `sprayed-${i}@example.org`, password: `common password ${p}` });
        statuses.push(res.status);
      }
    }
    const first = statuses.indexOf(429);
    // LOGIN_ADDRESS_RATE_LIMIT is 40, less what the tests above tried from this address; 5 per account is not over 5.
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(40);
    expect(statuses.slice(0, first).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
  });
});
