import type { Ack } from '@echo-hub/protocol';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../auth/auth.types';
import { ReadinessService } from '../health/readiness.service';
import { RedisService } from '../redis/redis.service';
import { OwnerLeases } from './owner-lease';

/** A socket's live event, forwarded by the instance it is connected to to the session's owner. */
export interface BridgedCall {
  socketId: string;
  user: AuthUser;
  /** The session the call is for: the owner runs it only while it still holds this session's lease. */
  sessionId: string;
  /** A live event of the socket API, or 'disconnect' when the socket went away. */
  event: string;
  body: unknown;
}

/** A reply's `ack` is null when the instance called did not run the call (it no longer owns the session). */
type Message =
  | { type: 'call'; id: string; from: string; call: BridgedCall }
  | { type: 'reply'; id: string; ack: Ack<unknown> | null };

/** How long listen() waits between tries to subscribe while Redis refuses. */
export const SUBSCRIBE_RETRY_MS = 1_000;

/** How long a forwarded call waits for the owner's answer before the owner is taken for dead. */
export const BRIDGE_TIMEOUT_MS = 3_000;

/**
 * The signalling bridge between instances (LiveKit's way): a request/reply over Redis pub/sub, one channel per
 * instance (`live:bridge:<instance id>`). The instance a socket is connected to publishes the socket's call on
 * the owner's channel; the owner runs it as it would for its own socket and publishes the acknowledgement back
 * on the caller's channel. Emits from the owner reach the socket through socket.io's Redis adapter.
 */
@Injectable()
export class LiveBridge implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveBridge.name);
  private subscriber?: Redis;
  private stopped = false;
  private readonly waiting = new Map<string, (ack: Ack<unknown> | null) => void>();

  constructor(
    private readonly redis: RedisService,
    private readonly leases: OwnerLeases,
    readiness?: ReadinessService,
  ) {
    // Not subscribed yet (Redis refused at boot): other instances' calls to here would go unanswered.
    readiness?.require(() => (this.redis.client && !this.listening ? 'redis' : undefined));
  }

  /** Whether this instance receives bridged calls and replies (its channel is subscribed); /api/ready says so. */
  listening = false;

  /**
   * Starts answering the calls other instances forward here (nothing to do on one process). Until the channel is
   * subscribed this instance can neither answer nor hear replies: listen() keeps trying every SUBSCRIBE_RETRY_MS
   * (readiness fails meanwhile, see `listening`) and resolves once subscribed.
   */
  async listen(answer: (call: BridgedCall) => Promise<Ack<unknown> | null>): Promise<void> {
    if (!this.redis.client) return;
    const subscriber = this.redis.connect();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, raw: string) => {
      const message = parse(raw);
      if (!message) return this.logger.warn(`bridge: dropped a malformed message (${raw.slice(0, 80)})`);
      if (message.type === 'reply') return this.waiting.get(message.id)?.(message.ack);
      answer(message.call)
        .catch((e: Error) => {
          this.logger.error(`bridge: ${message.call.event} failed: ${e.message}`);
          return null;
        })
        .then((ack) => this.publish(message.from, { type: 'reply', id: message.id, ack }));
    });
    while (!this.stopped) {
      try {
        await subscriber.subscribe(channel(this.leases.instanceId));
        this.listening = true;
        return;
      } catch (e) {
        this.logger.error(`bridge: could not subscribe (retrying): ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, SUBSCRIBE_RETRY_MS).unref());
      }
    }
  }

  /**
   * Runs a call on the owner; null when it does not answer within BRIDGE_TIMEOUT_MS (it may be dead) or answers that
   * it no longer owns the session (the caller asks who does now).
   */
  call(owner: string, call: BridgedCall): Promise<Ack<unknown> | null> {
    const id = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(null), BRIDGE_TIMEOUT_MS);
      const done = (ack: Ack<unknown> | null) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(ack);
      };
      this.waiting.set(id, done);
      this.publish(owner, { type: 'call', id, from: this.leases.instanceId, call });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const done of this.waiting.values()) done(null);
  }

  private publish(instanceId: string, message: Message): void {
    this.redis.client!.publish(channel(instanceId), JSON.stringify(message)).catch((e: Error) => {
      this.logger.error(`bridge to ${instanceId}: ${e.message}`);
    });
  }
}

const channel = (instanceId: string) => `live:bridge:${instanceId}`;

/** A bridge message, or null when `raw` is not one (a stray publish on the channel must not throw). */
function parse(raw: string): Message | null {
  try {
    const m = JSON.parse(raw) as Partial<Message> | null;
    if (typeof m?.id !== 'string') return null;
    if (m.type === 'reply' && 'ack' in m) return m as Message;
    if (m.type === 'call' && typeof m.from === 'string' && typeof m.call?.event === 'string') return m as Message;
    return null;
  } catch {
    return null;
  }
}
