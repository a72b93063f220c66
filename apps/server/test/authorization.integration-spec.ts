import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { SwaggerModule } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS } from '@echo-hub/protocol';
import { SignedIn } from '../src/auth/access.decorators';
import { AccessGuard } from '../src/auth/access.guard';
import { AuthService } from '../src/auth/auth.service';
import { ProgramMemberships } from '../src/auth/program-memberships';
import { ProgramScopes } from '../src/auth/program-scope';
import { SessionsService } from '../src/sessions/sessions.service';
import { account, api } from './fixtures';
import { type Caller, CALLERS, type Fixture, ROUTES, type Rule, type Setup, setupFixture, slidesFile } from './routes';
import { startTestApp, type TestApp } from './test-app';
import { tinyPdf } from './upload-fixtures';

function allowed(rule: Rule, caller: Caller): boolean {
  if (rule === 'public') return true;
  if (caller === 'anonymous') return false;
  if (caller === 'admin' || rule === 'signedIn') return true;
  if (rule === 'admin' || caller === 'stranger') return false;
  return (PERMISSIONS[rule] as readonly string[]).includes(caller);
}

function expectedStatus(rule: Rule, caller: Caller): 'ok' | 401 | 403 {
  if (allowed(rule, caller)) return 'ok';
  return caller === 'anonymous' ? 401 : 403;
}

describe('authorization matrix: every route × every caller', () => {
  let t: TestApp;
  let f: Fixture;
  let callers: Setup['callers'];

  beforeAll(async () => {
    t = await startTestApp();
    ({ f, callers } = await setupFixture(t));
  });
  afterAll(() => t.close());

  it('lists every route of the API (checked against the OpenAPI document)', () => {
    const doc = SwaggerModule.createDocument(t.app, { openapi: '3.0.0', info: { title: 'x', version: '1' } });
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort()).toEqual(documented.sort());
  });

  it('README.md states the same rule for every route', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const rows = readme
      .split('\n')
      .filter((l) => l.startsWith('|'))
      .map((l) => l.split('|').map((c) => c.trim()));
    const table = new Map(rows.map((cells) => [cells[1], cells[2]]));
    for (const r of ROUTES) {
      expect([r.path, table.get(`\`${r.method.toUpperCase()} ${r.path.replace(/^\/api/, '')}\``)]).toEqual([
        r.path,
        r.rule,
      ]);
    }
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      expect(table.get(permission)).toBe(roles.join(', '));
    }
  });

  for (const route of ROUTES) {
    for (const caller of CALLERS) {
      const expected = expectedStatus(route.rule, caller);
      it(`${route.method.toUpperCase()} ${route.path} as ${caller} → ${expected === 'ok' ? 'allowed' : expected}`, async () => {
        const c = await route.call(f, t, callers.get(caller) ?? null);
        let req = api(t.app)[route.method](c.path);
        const who = callers.get(caller);
        if (who) req = req.set('Authorization', `Bearer ${who.token}`);
        if (c.attach) {
          req = req.attach('file', tinyPdf('slides'), 'talk.pdf');
          for (const [field, value] of Object.entries(c.body ?? {})) req = req.field(field, String(value));
        } else if (c.body) req = req.send(c.body);
        const res = await req;
        if (expected === 'ok') {
          // Allowed: never refused by the guard. The one 401 allowed through is a wrong current password.
          const wrongPassword = res.status === 401 && res.body.error === 'INVALID_CREDENTIALS';
          if (!wrongPassword) expect(res.status).toBeLessThan(300);
        } else {
          expect(res.status).toBe(expected);
        }
        if (route.path.endsWith('/agenda') && res.status === 200) f.item = res.body.agenda[0].id;
        if (route.path.endsWith('/agenda') && res.status === 200) {
          await t.app.get(SessionsService).uploadSlides(f.session, f.item, slidesFile());
        }
      });
    }
  }

  it('refuses a route with no access rule by default (the guard denies, not allows)', async () => {
    // Every real route has a rule (the matrix above); this handler has none, and goes through the app's guard.
    class Probe {
      noRule() {}
      @SignedIn() signedIn() {}
    }
    const guard = new AccessGuard(
      t.app.get(Reflector),
      t.app.get(AuthService),
      t.app.get(ProgramScopes),
      t.app.get(ProgramMemberships),
    );
    const request = { headers: { authorization: `Bearer ${(await account(t.app)).token}` }, params: {} };
    const call = (handler: () => void) => guard.canActivate(new ExecutionContextHost([request, {}], Probe, handler));
    await expect(call(Probe.prototype.signedIn)).resolves.toBe(true);
    await expect(call(Probe.prototype.noRule)).rejects.toMatchObject({ kind: 'forbidden', code: 'NO_ACCESS_RULE' });
  });
});
