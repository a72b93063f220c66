import { api } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/** The headers a browser needs from every answer: CSP, no framing, nosniff, HSTS over HTTPS, no X-Powered-By. */
describe('security headers', () => {
  let http: TestApp;
  let https: TestApp;
  beforeAll(async () => {
    http = await startTestApp();
    https = await startTestApp({ PUBLIC_URL: 'https://echo.example.org' });
  });
  afterAll(async () => {
    await http?.close();
    await https?.close();
  });

  it('API answers carry a CSP with no framing, nosniff, and no X-Powered-By', async () => {
    for (const path of ['/api/health', '/api/programs', '/api/no-such-route']) {
      const res = await api(http.app).get(path);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('HSTS only when the hub is served over HTTPS (PUBLIC_URL https://)', async () => {
    expect((await api(http.app).get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    const secure = await api(https.app).get('/api/health');
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=15552000/);
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('the API docs page keeps its inline scripts (no CSP there) but gets the other headers', async () => {
    const res = await api(http.app).get('/api/docs/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
