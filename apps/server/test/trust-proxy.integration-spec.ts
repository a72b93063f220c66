import { api } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Behind Caddy every request comes from the proxy's address: the per-address sign-in limit must count the
 * client named in X-Forwarded-For (from a trusted proxy only), or one busy hour locks everyone out.
 */
describe('client address behind a proxy (TRUST_PROXY)', () => {
  const spray = (t: TestApp, from: string, n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        api(t.app)
          .post('/api/auth/login')
          .set('X-Forwarded-For', from)
          .send({ email: `nobody-${from}-${i}@example.org`, password: 'wrong password here' }),
      ),
    ).then((answers) => answers.map((r) => r.status));

  describe('trusting the local proxy (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ LOGIN_ADDRESS_RATE_LIMIT: '3' });
    });
    afterAll(() => t?.close());

    it('counts each client address on its own', async () => {
      expect(await spray(t, '203.0.113.7', 4)).toContain(429);
      // Another clinic behind the same proxy is not locked out by the first one.
      expect(await spray(t, '203.0.113.8', 2)).toEqual([401, 401]);
    });
  });

  describe('trusting no proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ LOGIN_ADDRESS_RATE_LIMIT: '3', TRUST_PROXY: 'false' });
    });
    afterAll(() => t?.close());

    it('ignores X-Forwarded-For (a client could name any address)', async () => {
      expect(await spray(t, '203.0.113.7', 3)).toEqual([401, 401, 401]);
      expect(await spray(t, '203.0.113.8', 1)).toEqual([429]);
    });
  });
});
