import { api } from './fixtures';
import { type Fixture, ROUTES, type Setup, setupFixture } from './routes';
import { startTestApp, type TestApp } from './test-app';

/**
 * Bad input on every route with a JSON body: malformed JSON, unknown fields, wrong types,
 * missing fields and oversize strings all get 400 naming the field — never a 500.
 */
describe('bad input on every route', () => {
  let t: TestApp;
  let f: Fixture;
  let callers: Setup['callers'];
  beforeAll(async () => {
    t = await startTestApp();
    ({ f, callers } = await setupFixture(t));
  });
  afterAll(() => t.close());

  const withBody = ROUTES.filter((r) => r.method !== 'get' && r.method !== 'delete' && !r.noBody);

  const send = async (route: (typeof ROUTES)[number], body: string | object) => {
    const c = await route.call(f, t, callers.get('admin') ?? null);
    const admin = callers.get('admin');
    const req = api(t.app)[route.method](c.path).set('Authorization', `Bearer ${admin?.token}`);
    return typeof body === 'string' ? req.set('Content-Type', 'application/json').send(body) : req.send(body);
  };

  for (const route of withBody.filter((r) => !r.path.endsWith('/slides'))) {
    describe(`${route.method.toUpperCase()} ${route.path}`, () => {
      it('malformed JSON → 400 saying so', async () => {
        const res = await send(route, '{"title": "unterminated');
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/JSON/);
      });

      it('JSON nested deeper than 32 levels (120 KB of brackets) → 400 saying so, before it is parsed', async () => {
        const res = await send(route, '['.repeat(60_000) + ']'.repeat(60_000));
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/nests deeper than 32 levels/);
      });

      it('a string with an unpaired UTF-16 surrogate → 400 naming its field', async () => {
        const { body } = await route.call(f, t, callers.get('admin') ?? null);
        const field = Object.entries(body ?? {}).find(([, v]) => typeof v === 'string')?.[0];
        if (!field) return; // no string field to corrupt on this route
        const json = JSON.stringify({ ...body, [field]: 'x' }).replace(`"${field}":"x"`, `"${field}":"a\\ud800b"`);
        const res = await send(route, json);
        expect(res.status).toBe(400);
        expect(res.body.message).toContain(`${field} contains an unpaired UTF-16 surrogate`);
      });

      it('an unknown field → 400 naming it', async () => {
        const { body } = await route.call(f, t, callers.get('admin') ?? null);
        const res = await send(route, { ...body, surpriseField: 1 });
        expect(res.status).toBe(400);
        expect(res.body.message).toContain('surpriseField');
      });

      it('each field with a wrong type, missing, or oversize → 400 naming it, or accepted, never 500', async () => {
        const { body } = await route.call(f, t, callers.get('admin') ?? null);
        for (const [field, value] of Object.entries(body ?? {})) {
          const wrongType = await send(route, {
            ...body,
            [field]: typeof value === 'number' ? 'many' : { nested: true },
          });
          expect([field, wrongType.status]).toEqual([field, 400]);
          expect(wrongType.body.message).toContain(field);

          const rest: Record<string, unknown> = { ...body };
          delete rest[field];
          const missing = await send(route, rest);
          expect(missing.status).toBeLessThan(500);
          if (missing.status === 400) expect(missing.body.message).toContain(field);

          const nulled = await send(route, { ...body, [field]: null });
          expect([field, nulled.status < 500]).toEqual([field, true]);
          if (nulled.status === 400) expect(nulled.body.message).toContain(field);

          if (typeof value === 'string') {
            const huge = await send(route, { ...body, [field]: 'x'.repeat(200_000) });
            expect([field, huge.status]).toEqual([field, 400]);
            expect(huge.body.message).toContain(field);
          }
        }
      });
    });
  }

  it('malformed ids in the path → 400 naming the id, not 404 or 500', async () => {
    const admin = callers.get('admin');
    for (const path of ['/api/programs/not-a-uuid', '/api/sessions/123', `/api/programs/${f.program}/members/nope`]) {
      const res = await api(t.app).get(path).set('Authorization', `Bearer ${admin?.token}`);
      const patched = await api(t.app).patch(path).set('Authorization', `Bearer ${admin?.token}`).send({});
      for (const r of [res, patched].filter((x) => x.status !== 404 || !path.endsWith('nope'))) {
        expect([path, r.status]).toEqual([path, 400]);
        expect(r.body.message).toMatch(/id/i);
      }
    }
  });

  it('null where a value is required on update → 400 naming the field (it used to reach a NOT NULL column)', async () => {
    const admin = callers.get('admin');
    const auth = { Authorization: `Bearer ${admin?.token}` };
    const program = await api(t.app).patch(`/api/programs/${f.program}`).set(auth).send({ name: null });
    expect(program.status).toBe(400);
    expect(program.body.message).toMatch(/name/);
    const cleared = await api(t.app).patch(`/api/programs/${f.program}`).set(auth).send({ learningTargetDate: null });
    expect(cleared.status).toBe(200); // the one field of this body that null clears
    expect(cleared.body.learningTargetDate).toBeNull();
    const session = await api(t.app).patch(`/api/sessions/${f.session}`).set(auth).send({ title: null });
    expect(session.status).toBe(400);
    expect(session.body.message).toMatch(/title/);
  });

  it('an impossible date → 400 naming the field, not "invalid time value"', async () => {
    const admin = callers.get('admin');
    const res = await api(t.app)
      .patch(`/api/sessions/${f.session}`)
      .set('Authorization', `Bearer ${admin?.token}`)
      .send({ startsAt: '2026-02-30T12:00:00+00:00' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/startsAt/);
  });

  it('a body over 1 MB → 413, not 500', async () => {
    const admin = callers.get('admin');
    const res = await api(t.app)
      .post(`/api/programs/${f.program}/sites`)
      .set('Authorization', `Bearer ${admin?.token}`)
      .send({ organisation: 'x'.repeat(2_000_000) });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('PAYLOAD_TOO_LARGE');
  });
});
