import { Logger } from '@nestjs/common';
import type { RedisService } from '../redis/redis.service';
import { JobsService } from './jobs.service';

/** Without REDIS_URL: timers in the process (the BullMQ side is in test/scale-out.integration-spec.ts). */
describe('JobsService on one process', () => {
  const noRedis = { client: undefined } as RedisService;
  let sut: JobsService;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    sut = new JobsService(noRedis);
  });
  afterEach(async () => {
    await sut.onModuleDestroy();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('runs each job every period once the app has started, and no more once it stops', async () => {
    const runs: string[] = [];
    sut.every('digests', 1000, async () => runs.push('digests'));
    sut.every('cleanup', 3000, async () => runs.push('cleanup'));
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toEqual([]); // not started yet
    await sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3000);
    expect(runs.filter((r) => r === 'digests')).toHaveLength(3);
    expect(runs.filter((r) => r === 'cleanup')).toHaveLength(1);
    await sut.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(4);
  });

  it('logs a failed run and runs the job again next period', async () => {
    let calls = 0;
    sut.every('flaky', 1000, async () => {
      calls++;
      throw new Error('database unavailable');
    });
    await sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2000);
    expect(calls).toBe(2);
    expect(Logger.prototype.error).toHaveBeenCalledWith('job flaky failed: database unavailable');
  });

  it('refuses one name scheduled twice', () => {
    sut.every('digests', 1000, async () => undefined);
    expect(() => sut.every('digests', 1000, async () => undefined)).toThrow(/scheduled twice/);
  });
});
