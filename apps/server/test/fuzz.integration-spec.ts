import type { Test } from 'supertest';
import { type Account, api } from './fixtures';
import { SessionsService } from '../src/sessions/sessions.service';
import {
  type Call,
  type Caller,
  type Fixture,
  type Route,
  ROUTES,
  type Setup,
  setupFixture,
  slidesFile,
} from './routes';
import { startTestApp, type TestApp } from './test-app';
import { tinyPdf } from './upload-fixtures';

/**
 * Fuzz suite: every operation of the app's own OpenAPI document (GET /api/docs-json), called with malformed
 * path ids, queries and bodies — deep nesting, wrong types, null in each field, huge strings, lone
 * surrogates, impossible dates, unknown fields — as anonymous and as a signed-in member who may use the
 * route (a facilitator; the instance admin on admin routes). Any answer of 5xx fails; the count is printed.
 */

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header' }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  type?: string;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** A request to send: its method, path with query, and body (JSON value, raw text, or a multipart form). */
interface Probe {
  what: string;
  path: string;
  json?: unknown;
  raw?: { type: string; text: string };
  form?: { fileField?: string; file?: Buffer; fileName?: string; fields?: Record<string, string> };
}

/** Anonymous, and the one who passes the route's rule: a facilitator holds every program permission. */
const callersOf = (route: Route): Caller[] => ['anonymous', route.rule === 'admin' ? 'admin' : 'facilitator'];
const HUGE = 'x'.repeat(100_000);
const LONE_SURROGATE = 'a\ud800b';

/** Values wrong for almost any field: each replaces one field of a valid body in turn. */
const BAD_VALUES: Array<[string, unknown]> = [
  ['null', null],
  ['true', true],
  ['zero', 0],
  ['negative', -1],
  ['huge number', 1e308],
  ['fraction', 0.5],
  ['empty string', ''],
  ['huge string', HUGE],
  ['lone surrogate', LONE_SURROGATE],
  ['impossible date', '2026-02-30T25:61:00Z'],
  ['not a uuid', 'not-a-uuid'],
  ['empty array', []],
  ['array of null', [null]],
  ['array of huge strings', [HUGE.slice(0, 10_000), HUGE.slice(0, 10_000)]],
  ['object', { nested: { deeper: { deepest: {} } } }],
];

/** Malformed values for one path segment. */
const BAD_IDS: Array<[string, string]> = [
  ['not a uuid', 'not-a-uuid'],
  ['unknown uuid', '00000000-0000-4000-8000-000000000000'],
  ['negative', '-1'],
  ['huge number', '1e309'],
  ['long', 'x'.repeat(3000)],
  ['invalid UTF-8', '%ED%A0%80'],
  ['bare percent', '%'],
  ['NUL', '%00'],
  ['dot dot', '..%2F..%2Fetc'],
];

/** Malformed values for one query parameter (already URL-encoded). */
const BAD_QUERY: Array<[string, string]> = [
  ['empty', ''],
  ['word', 'abc'],
  ['negative', '-1'],
  ['huge number', '1e309'],
  ['impossible date', '2026-02-30T12:00:00Z'],
  ['long', 'x'.repeat(3000)],
  ['invalid UTF-8', '%ED%A0%80'],
  ['lone surrogate escaped', '%5Cud800'],
];

function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  return doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
}

/** Each field a body may have: those of the valid body and those the document declares. */
function fieldsOf(doc: OpenApiDocument, op: OpenApiOperation, valid: object | undefined): string[] {
  const schema = resolve(doc, op.requestBody?.content['application/json']?.schema);
  return [...new Set([...Object.keys(valid ?? {}), ...Object.keys(schema?.properties ?? {})])];
}

/** The concrete path with the segment at the template's `{param}` replaced. */
function withSegment(template: string, concrete: string, param: string, value: string): string {
  const t = template.split('/');
  const c = concrete.split('?')[0].split('/');
  return c.map((seg, i) => (t[i] === `{${param}}` ? value : seg)).join('/');
}

function bodyProbes(doc: OpenApiDocument, op: OpenApiOperation, c: Call): Probe[] {
  const valid = (c.body ?? {}) as Record<string, unknown>;
  const probes: Probe[] = [
    { what: 'body: malformed JSON', path: c.path, raw: { type: 'application/json', text: '{"a": [1, ' } },
    { what: 'body: 40 levels deep', path: c.path, raw: { type: 'application/json', text: nested(40) } },
    { what: 'body: 60,000 brackets', path: c.path, raw: { type: 'application/json', text: '['.repeat(60_000) } },
    { what: 'body: JSON null', path: c.path, raw: { type: 'application/json', text: 'null' } },
    { what: 'body: array', path: c.path, json: [valid] },
    { what: 'body: string', path: c.path, raw: { type: 'application/json', text: '"text"' } },
    { what: 'body: number', path: c.path, raw: { type: 'application/json', text: '42' } },
    { what: 'body: empty object', path: c.path, json: {} },
    { what: 'body: unknown field', path: c.path, json: { ...valid, surpriseField: 1 } },
    {
      what: 'body: __proto__',
      path: c.path,
      raw: { type: 'application/json', text: JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"isAdmin":true},') },
    },
    { what: 'body: text/plain', path: c.path, raw: { type: 'text/plain', text: 'hello' } },
    { what: 'body: form-encoded', path: c.path, raw: { type: 'application/x-www-form-urlencoded', text: 'a[b][c]=1' } },
  ];
  for (const field of fieldsOf(doc, op, c.body)) {
    for (const [name, value] of BAD_VALUES) {
      probes.push({ what: `body.${field}: ${name}`, path: c.path, json: { ...valid, [field]: value } });
    }
    const rest = { ...valid };
    delete rest[field];
    probes.push({ what: `body.${field}: missing`, path: c.path, json: rest });
    // One level down: each field of the first element of an array of objects (e.g. agenda items), or of an object.
    const inner = Array.isArray(valid[field]) ? (valid[field] as unknown[])[0] : valid[field];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      for (const sub of Object.keys(inner)) {
        for (const [name, value] of BAD_VALUES.filter(([n]) => n !== 'huge string')) {
          const changed = { ...inner, [sub]: value };
          const wrapped = Array.isArray(valid[field]) ? [changed, ...(valid[field] as unknown[]).slice(1)] : changed;
          probes.push({ what: `body.${field}.${sub}: ${name}`, path: c.path, json: { ...valid, [field]: wrapped } });
        }
      }
    }
  }
  return probes;
}

function uploadProbes(c: Call): Probe[] {
  const fields = Object.fromEntries(Object.entries(c.body ?? {}).map(([k, v]) => [k, String(v)]));
  const pdf = tinyPdf('fuzz');
  const probes: Probe[] = [
    { what: 'upload: no file', path: c.path, form: { fields } },
    { what: 'upload: file under another name', path: c.path, form: { fileField: 'other', file: pdf, fields } },
    { what: 'upload: empty file', path: c.path, form: { fileField: 'file', file: Buffer.alloc(0), fields } },
    { what: 'upload: HTML as .pdf', path: c.path, form: { fileField: 'file', file: Buffer.from('<html>'), fields } },
    {
      what: 'upload: long name with controls',
      path: c.path,
      form: { fileField: 'file', file: pdf, fileName: `\u202e${'n'.repeat(1000)}\u0000.pdf`, fields },
    },
    { what: 'upload: JSON instead of a form', path: c.path, json: c.body ?? {} },
    {
      what: 'upload: unknown form field',
      path: c.path,
      form: { fileField: 'file', file: pdf, fields: { ...fields, x: '1' } },
    },
  ];
  for (const field of Object.keys(fields)) {
    for (const value of ['', HUGE, LONE_SURROGATE, '[]', 'null', '{"a":1}']) {
      const what = `upload field ${field}: ${value.length > 20 ? 'huge' : JSON.stringify(value)}`;
      probes.push({
        what,
        path: c.path,
        form: { fileField: 'file', file: pdf, fields: { ...fields, [field]: value } },
      });
    }
  }
  return probes;
}

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

function probesFor(doc: OpenApiDocument, route: Route, op: OpenApiOperation, c: Call): Probe[] {
  const probes: Probe[] = [{ what: 'valid call', path: c.path, json: c.body }];
  for (const p of op.parameters ?? []) {
    if (p.in === 'path') {
      for (const [name, value] of BAD_IDS) {
        probes.push({ what: `path {${p.name}}: ${name}`, path: withSegment(route.path, c.path, p.name, value) });
      }
    }
    if (p.in === 'query') {
      const [base, query = ''] = c.path.split('?');
      const others = query
        .split('&')
        .filter((kv) => kv && !kv.startsWith(`${p.name}=`))
        .join('&');
      const join = (kv: string) => `${base}?${[others, kv].filter(Boolean).join('&')}`;
      for (const [name, value] of BAD_QUERY) {
        probes.push({ what: `query ${p.name}: ${name}`, path: join(`${p.name}=${value}`) });
      }
      probes.push({ what: `query ${p.name}: repeated`, path: join(`${p.name}=a&${p.name}=b`) });
      probes.push({ what: `query ${p.name}: bracketed`, path: join(`${p.name}[a][b]=1`) });
    }
  }
  probes.push({ what: 'query: unknown parameter', path: `${c.path}${c.path.includes('?') ? '&' : '?'}surprise=1` });
  if (c.attach) probes.push(...uploadProbes(c));
  else if (route.method !== 'get' && route.method !== 'delete' && !route.noBody) probes.push(...bodyProbes(doc, op, c));
  return probes;
}

function send(t: TestApp, method: Route['method'], who: Account | null, probe: Probe): Test {
  let req = api(t.app)[method](probe.path);
  if (who) req = req.set('Authorization', `Bearer ${who.token}`);
  if (probe.raw) return req.set('Content-Type', probe.raw.type).send(probe.raw.text);
  if (probe.form) {
    if (probe.form.fileField && probe.form.file) {
      req = req.attach(probe.form.fileField, probe.form.file, probe.form.fileName ?? 'talk.pdf');
    }
    for (const [k, v] of Object.entries(probe.form.fields ?? {})) req = req.field(k, v);
    if (!probe.form.file) req = req.type('form');
    return req;
  }
  return probe.json === undefined ? req : req.send(probe.json as object);
}

describe('fuzz: every OpenAPI operation with malformed input never answers 5xx', () => {
  let t: TestApp;
  let f: Fixture;
  let callers: Setup['callers'];
  let doc: OpenApiDocument;
  let sent = 0;
  let failed = 0;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000', LOGIN_ADDRESS_RATE_LIMIT: '10000' });
    ({ f, callers } = await setupFixture(t));
    doc = (await api(t.app).get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(async () => {
    process.stdout.write(`fuzz: ${sent} requests over ${ROUTES.length} operations, ${failed} answered 5xx\n`);
    await t.close();
  });

  it('knows a valid call for every operation of the document', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort());
  });

  /** Replacing the agenda gives its items new ids: the slides routes need the current one, with slides. */
  async function keepSlidesItem() {
    const session = await t.app.get(SessionsService).get(f.session, 'facilitator');
    const item = session.agenda.find((i) => i.kind === 'didactic');
    if (item && item.id !== f.item) {
      f.item = item.id;
      await t.app.get(SessionsService).uploadSlides(f.session, f.item, slidesFile());
    }
  }

  for (const route of ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const op = doc.paths[route.path]?.[route.method];
      expect(op).toBeDefined();
      const failures: string[] = [];
      for (const caller of callersOf(route)) {
        const who = callers.get(caller) ?? null;
        const c = await route.call(f, t, who);
        const probes = probesFor(doc, route, op, c);
        // A few at a time: quicker, and closer to how a real client fleet arrives.
        for (let i = 0; i < probes.length; i += 8) {
          const batch = probes.slice(i, i + 8);
          const answers = await Promise.all(batch.map((p) => send(t, route.method, who, p)));
          sent += batch.length;
          answers.forEach((res, j) => {
            if (res.status >= 500) failures.push(`${caller} ${batch[j].what} → ${res.status} ${res.body?.message}`);
          });
        }
      }
      failed += failures.length;
      expect(failures).toEqual([]);
      if (route.path.endsWith('/agenda')) await keepSlidesItem();
    });
  }
});
