import { account, api, bearer } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

describe('POST /api/deid/check', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists every identifier with its kind and offsets, and leaves clinical numbers alone', async () => {
    const u = await account(t.app, 'clinician');
    const text =
      'Mrs Aoife Brennan (NHS 943 476 5919) seen 12/03/2024; HbA1c 58 mmol/mol, metformin 500 mg since 2019.';
    const res = await api(t.app).post('/api/deid/check').set(bearer(u)).send({ text }).expect(200);
    const found = res.body.findings.map((f: { kind: string; start: number; end: number; text: string }) => {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      return [f.kind, f.text];
    });
    expect(found).toEqual(
      expect.arrayContaining([
        ['ID', '943 476 5919'],
        ['DATE', '12/03/2024'],
      ]),
    );
    expect(found.some(([kind, s]: string[]) => kind === 'NAME' && s.includes('Aoife Brennan'))).toBe(true);
    expect(found.map(([, s]: string[]) => s).join(' ')).not.toMatch(/58|500|2019/);
  });

  it('needs a signed-in caller and a text field', async () => {
    await api(t.app).post('/api/deid/check').send({ text: 'x' }).expect(401);
    const u = await account(t.app, 'clinician');
    const res = await api(t.app).post('/api/deid/check').set(bearer(u)).send({}).expect(400);
    expect(res.body.message).toContain('text');
  });
});
