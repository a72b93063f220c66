import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * The shared Redis of several instances (REDIS_URL), through one client library (ioredis) for
 * socket.io's adapter, the rate limits and the scheduled jobs. Without REDIS_URL `client` is
 * undefined and each of them keeps to the process.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  /** For commands; undefined on one process. */
  readonly client?: Redis;
  private readonly connections: Redis[] = [];
  private down = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Requests wait for a command a few seconds at most when Redis is down (then fail with a clear 503).
    if (config.redis) this.client = this.connect({ maxRetriesPerRequest: 1, commandTimeout: 3000 });
  }

  /** Another connection, for what holds one to itself (a subscriber, a blocking job worker). */
  connect(options: RedisOptions = {}): Redis {
    if (!this.config.redis) throw new Error('REDIS_URL is not set');
    const redis = new Redis(this.config.redis.url, { ...options, connectionName: 'echo-hub' });
    // ioredis reconnects by itself: say so once per outage (for all connections), never throw from 'error'.
    redis.on('error', (e: Error) => {
      if (!this.down) this.logger.error(`Redis: ${e.message} (reconnecting)`);
      this.down = true;
    });
    redis.on('ready', () => {
      if (this.down) this.logger.log('Redis: connected again');
      this.down = false;
    });
    this.connections.push(redis);
    return redis;
  }

  /** For /api/health and /api/ready: undefined without Redis, else whether it answers within a second. */
  async check(): Promise<'ok' | 'error' | undefined> {
    if (!this.client) return undefined;
    if (this.client.status !== 'ready') return 'error';
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref());
    return Promise.race([this.client.ping(), timeout]).then(
      () => 'ok' as const,
      () => 'error' as const,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
