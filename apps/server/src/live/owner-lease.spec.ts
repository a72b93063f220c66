import { Redis } from 'ioredis';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTemporaryRedis, temporaryRedisUnavailable, type TemporaryRedis } from '../../../../scripts/redis';
import type { AppConfig } from '../config/config';
import { RedisService } from '../redis/redis.service';
import { LEASE_MS, OwnerLeases } from './owner-lease';

const noRedis = temporaryRedisUnavailable();
if (noRedis) console.log(`owner lease specs skipped: ${noRedis}`);

// Skipped only where redis-server is not installed (the reason is printed above); setup --test installs it.
(noRedis ? describe.skip : describe)('OwnerLeases on a real redis-server', () => {
  let redis: TemporaryRedis;
  let admin: Redis;
  const services: RedisService[] = [];
  const leases: OwnerLeases[] = [];

  beforeAll(async () => {
    redis = await startTemporaryRedis();
    admin = new Redis(redis.url);
  });
  afterEach(async () => {
    for (const l of leases.splice(0)) await l.onApplicationShutdown();
  });
  afterAll(async () => {
    for (const s of services) await s.onApplicationShutdown();
    await admin.quit();
    redis.stop();
  });

  const instance = () => {
    const service = new RedisService({ redis: { url: redis.url } } as AppConfig);
    services.push(service);
    const l = new OwnerLeases(service);
    leases.push(l);
    return l;
  };

  it('gives a session one owner: the first to claim it; the others are told who', async () => {
    const [a, b] = [instance(), instance()];
    const claims = await Promise.all([a.claim('s1'), b.claim('s1'), a.claim('s1'), b.claim('s1')]);
    expect(new Set(claims).size).toBe(1);
    expect([a.instanceId, b.instanceId]).toContain(claims[0]);
    expect(await b.owner('s1')).toBe(claims[0]);
    const pttl = await admin.pttl('live:{s1}:owner');
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(LEASE_MS);
  });

  it('a released lease goes to the next instance that claims it; only the owner can release it', async () => {
    const [a, b] = [instance(), instance()];
    expect(await a.claim('s2')).toBe(a.instanceId);
    await b.release('s2'); // not b's: nothing happens
    expect(await b.claim('s2')).toBe(a.instanceId);
    await a.release('s2');
    expect(await a.owner('s2')).toBeNull();
    expect(await b.claim('s2')).toBe(b.instanceId);
  });

  it('an expired lease (its owner stopped renewing) is taken by another instance; the old owner hears it lost it', async () => {
    const [a, b] = [instance(), instance()];
    expect(await a.claim('s3')).toBe(a.instanceId);
    const lost = new Promise<string>((resolve) => a.once('lost', resolve));
    // As if LEASE_MS went by without a renewal (the owner was frozen or cut off from Redis).
    await admin.pexpire('live:{s3}:owner', 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await b.claim('s3')).toBe(b.instanceId);
    expect(await lost).toBe('s3');
    expect(await a.claim('s3')).toBe(b.instanceId);
  });

  it('the owner keeps its lease by renewing it', async () => {
    const a = instance();
    await a.claim('s4');
    await admin.pexpire('live:{s4}:owner', 3_500); // shorter than a renewal would set
    await new Promise((r) => setTimeout(r, 4_000)); // one renewal (every 3 s) has run meanwhile
    expect(await a.owner('s4')).toBe(a.instanceId);
  });
});
