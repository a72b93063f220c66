import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows `limit` hits per window per key, then refuses until the window ends', () => {
    const sut = new RateLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => sut.hit('a', t0).allowed)).toEqual([true, true, true]);
    expect(sut.hit('a', t0 + 10)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(sut.hit('b', t0 + 10).allowed).toBe(true);
    expect(sut.hit('a', t0 + 60_000).allowed).toBe(true);
  });
});
