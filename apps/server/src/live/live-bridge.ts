import type { Ack } from '@echo-hub/protocol';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../auth/auth.types';
import { RedisService } from '../redis/redis.service';
import { OwnerLeases } from './owner-lease';

/** A socket's live event, forwarded by the instance it is connected to to the session's owner. */
export interface BridgedCall {
  socketId: string;
  user: AuthUser;
  /** A live event of the socket API, or 'disconnect' when the socket went away. */
  event: string;
  body: unknown;
}

type Message =
  { type: 'call'; id: string; from: string; call: BridgedCall } | { type: 'reply'; id: string; ack: Ack<unknown> };

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
  private readonly waiting = new Map<string, (ack: Ack<unknown> | null) => void>();

  constructor(
    private readonly redis: RedisService,
    private readonly leases: OwnerLeases,
  ) {}

  /** Starts answering the calls other instances forward here (nothing to do on one process). */
  async listen(answer: (call: BridgedCall) => Promise<Ack<unknown>>): Promise<void> {
    if (!this.redis.client) return;
    this.subscriber = this.redis.connect();
    this.subscriber.on('message', (_channel: string, raw: string) => {
      const message = JSON.parse(raw) as Message;
      if (message.type === 'reply') return this.waiting.get(message.id)?.(message.ack);
      void answer(message.call).then((ack) => this.publish(message.from, { type: 'reply', id: message.id, ack }));
    });
    await this.subscriber.subscribe(channel(this.leases.instanceId));
  }

  /** Runs a call on the owner; null when it does not answer within BRIDGE_TIMEOUT_MS (it may be dead). */
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
    for (const done of this.waiting.values()) done(null);
  }

  private publish(instanceId: string, message: Message): void {
    this.redis.client!.publish(channel(instanceId), JSON.stringify(message)).catch((e: Error) => {
      this.logger.error(`bridge to ${instanceId}: ${e.message}`);
    });
  }
}

const channel = (instanceId: string) => `live:bridge:${instanceId}`;
