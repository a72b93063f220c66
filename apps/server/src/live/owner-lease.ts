import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { RedisService } from '../redis/redis.service';

/** A lease lives this long without its owner renewing it: how long a dead owner's sessions wait for another. */
export const LEASE_MS = 10_000;
/** The owner renews its leases this often (three tries before one expires). */
export const RENEW_MS = 3_000;

/** Renews (or releases, with ARGV[2] = 0) a lease only if this instance still holds it. */
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '0' then return redis.call('DEL', KEYS[1]) end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])`;

/**
 * Which instance owns each live session's media (its mediasoup router): a lease in Redis, `live:{id}:owner` =
 * the owner's instance id, taken with SET NX PX and renewed by the owner every RENEW_MS. When the owner dies its
 * leases expire after LEASE_MS and the next instance that needs the session takes it. Without Redis this
 * instance owns every session. Emits 'lost' (sessionId) when a renewal finds the lease gone or taken.
 */
@Injectable()
export class OwnerLeases extends EventEmitter implements OnApplicationShutdown {
  private readonly logger = new Logger(OwnerLeases.name);
  /** This process, as named in the leases and on the bridge. */
  readonly instanceId = randomUUID();
  private readonly owned = new Set<string>();
  private readonly releasing = new Set<Promise<unknown>>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly redis: RedisService) {
    super();
  }

  /** Whether several instances may share sessions (REDIS_URL is set). */
  get shared(): boolean {
    return this.redis.client !== undefined;
  }

  /** The session's owner: this instance (which takes the lease when nobody holds it) or another one's id. */
  async claim(sessionId: string): Promise<string> {
    const redis = this.redis.client;
    if (!redis) return this.instanceId;
    for (;;) {
      if ((await redis.set(leaseKey(sessionId), this.instanceId, 'PX', LEASE_MS, 'NX')) === 'OK') {
        this.owned.add(sessionId);
        this.timer ??= setInterval(() => void this.renew(), RENEW_MS).unref();
        return this.instanceId;
      }
      const owner = await redis.get(leaseKey(sessionId));
      if (owner === this.instanceId) this.owned.add(sessionId);
      if (owner !== null) return owner; // else it expired between the two commands: try again
    }
  }

  /** The session's owner now, without claiming it (null: nobody holds the lease). */
  async owner(sessionId: string): Promise<string | null> {
    return this.redis.client ? this.redis.client.get(leaseKey(sessionId)) : this.instanceId;
  }

  /** Lets go of a session this instance owns (it ended, or this instance stops): another may take it at once. */
  async release(sessionId: string): Promise<void> {
    if (!this.owned.delete(sessionId) || !this.redis.client) return;
    const released = this.redis.client.eval(RENEW, 1, leaseKey(sessionId), this.instanceId, '0').catch(() => 0);
    this.releasing.add(released);
    await released.finally(() => this.releasing.delete(released));
  }

  /** Stopping: every lease is released (also those the registry began releasing) before Redis closes. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...[...this.owned].map((id) => this.release(id)), ...this.releasing]);
  }

  private async renew(): Promise<void> {
    const redis = this.redis.client!;
    for (const sessionId of this.owned) {
      try {
        const kept = await redis.eval(RENEW, 1, leaseKey(sessionId), this.instanceId, String(LEASE_MS));
        if (kept === 1) continue;
        this.owned.delete(sessionId);
        this.logger.warn(`session ${sessionId}: lost its owner lease (another instance took it over)`);
        this.emit('lost', sessionId);
      } catch (e) {
        // Redis is down: the lease may expire meanwhile, and the next renewal says so.
        this.logger.error(`session ${sessionId}: could not renew its owner lease: ${(e as Error).message}`);
      }
    }
  }
}

const leaseKey = (sessionId: string) => `live:{${sessionId}}:owner`;
