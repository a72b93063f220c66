import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { generate } from '../../../scripts/openapi-responses';
import { api } from './fixtures';
import { type Caller, type Fixture, ROUTES, type Setup, setupFixture } from './routes';
import { startTestApp, type TestApp } from './test-app';
import { tinyPdf } from './upload-fixtures';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

/**
 * The OpenAPI document declares every answer, stays valid, and tells the truth: the real answers of every
 * route (one valid call each) match the schemas it declares, so a generated client gets real types.
 */
describe('OpenAPI document: every answer declared and checked against real answers', () => {
  let t: TestApp;
  let f: Fixture;
  let callers: Setup['callers'];
  let doc: Document;

  beforeAll(async () => {
    t = await startTestApp();
    ({ f, callers } = await setupFixture(t));
    doc = (await api(t.app).get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('declares the answer of every operation: a schema, or no content (204)', () => {
    const undeclared = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => {
          const [code, ok] = Object.entries(op.responses).find(([c]) => c.startsWith('2')) ?? [];
          if (code === '204') return false;
          return !Object.values(ok?.content ?? {}).some((c) => c.schema);
        })
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('has the answer schemas the controllers declare (responses.json is regenerated when they change)', () => {
    const file = join(__dirname, '../src/openapi/responses.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    // If this fails: npx tsx scripts/openapi-responses.ts, then review and commit apps/server/src/openapi/responses.json
    expect(generate()).toEqual(stored);
  });

  it('real answers of every route match their declared schema', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of ROUTES) {
      const caller: Caller = route.rule === 'public' || route.rule === 'admin' ? 'admin' : 'facilitator';
      const who = callers.get(caller) ?? null;
      const c = await route.call(f, t, who);
      let req = api(t.app)[route.method](c.path);
      if (who) req = req.set('Authorization', `Bearer ${who.token}`);
      if (c.attach) {
        req = req.attach('file', tinyPdf('slides'), 'talk.pdf');
        for (const [k, v] of Object.entries(c.body ?? {})) req = req.field(k, String(v));
      } else if (c.body) req = req.send(c.body);
      const res = await req;
      const op = doc.paths[route.path][route.method];
      if (res.status >= 300) continue; // errors share one shape (ApiErrorBody); e.g. a wrong current password
      const declared = op.responses[String(res.status)];
      if (!declared) {
        mismatches.push(`${route.method.toUpperCase()} ${route.path}: answered ${res.status}, not declared`);
        continue;
      }
      const schema = declared.content?.['application/json']?.schema;
      if (!schema || !res.type.includes('json')) continue;
      const validate = ajv.compile({ ...schema, components: doc.components });
      checked += 1;
      if (!validate(res.body)) {
        mismatches.push(`${route.method.toUpperCase()} ${route.path}: ${ajv.errorsText(validate.errors)}`);
      }
      if (route.path.endsWith('/agenda') && res.status === 200) f.item = res.body.agenda[0].id;
    }
    process.stdout.write(`openapi: ${checked} real JSON answers checked against the document\n`);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(70);
  });
});
