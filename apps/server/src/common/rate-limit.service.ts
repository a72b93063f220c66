import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';

export interface RateLimit {
  key: string;
  limit: number;
  ttlMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window of `key` ends (for Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Fixed-window limits by key (an account, a client address…) in @nestjs/throttler's storage: in
 * Redis when REDIS_URL is set, so every instance counts against the same window; in memory otherwise.
 */
@Injectable()
export class RateLimitService {
  private readonly logger = new Logger(RateLimitService.name);

  constructor(@InjectThrottlerStorage() private readonly storage: ThrottlerStorage) {}

  /**
   * Counts one attempt under `key`: up to `limit` of them within `ttlMs` are allowed; the next one
   * blocks the key for `ttlMs` (the storages' block; its remaining time is the Retry-After).
   */
  async consume(key: string, limit: number, ttlMs: number): Promise<RateLimitResult> {
    const r = await this.storage.increment(`rate:${key}`, ttlMs, limit, ttlMs, 'default').catch((e: Error) => {
      // Redis down: refuse (503) rather than let attempts through uncounted or hang the request.
      this.logger.error(`rate limit storage: ${e.message}`);
      throw new ServiceUnavailableException(
        'Rate limits cannot be checked right now (Redis is not answering): try again shortly',
      );
    });
    return { allowed: !r.isBlocked, retryAfterSeconds: r.isBlocked ? Math.max(1, r.timeToBlockExpire) : 0 };
  }

  /** One attempt counted under every limit (e.g. per address and account, and per address): allowed if all allow. */
  async consumeAll(limits: RateLimit[]): Promise<RateLimitResult> {
    const results = await Promise.all(limits.map((l) => this.consume(l.key, l.limit, l.ttlMs)));
    const over = results.filter((r) => !r.allowed);
    if (!over.length) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(...over.map((r) => r.retryAfterSeconds)) };
  }
}
