import { HandLimits } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { RateLimitService } from '../common/rate-limit.service';
import { nowIso } from '../database/columns';
import { forbidden, withinLimit } from './live.errors';
import type { LiveClient } from './live.types';
import { RoomRegistry } from './room-registry';

/** The raised-hand queue, in the order hands went up; the facilitator works through it. */
@Injectable()
export class LiveHands {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly limits: RateLimitService,
  ) {}

  async raise(client: LiveClient): Promise<void> {
    const room = await this.rooms.joined(client);
    await withinLimit(this.limits, client, room.sessionId, 'hand changes', HandLimits.perMinute);
    const hand = { userId: client.user.id, displayName: client.user.displayName, at: nowIso() };
    await room.change(({ state: { hands } }) =>
      hands.some((h) => h.userId === hand.userId) ? {} : { set: { hands: [...hands, hand] } },
    );
  }

  /** Lowers your own hand, or (hosts) anyone's. */
  async lower(client: LiveClient, userId = client.user.id): Promise<void> {
    const room = await this.rooms.joined(client);
    if (userId !== client.user.id && !client.host) throw forbidden('Only a host may lower another hand');
    // A host working through the queue is not limited; lowering your own hand counts like raising it.
    if (userId === client.user.id)
      await withinLimit(this.limits, client, room.sessionId, 'hand changes', HandLimits.perMinute);
    await room.change(({ state: { hands } }) => ({ set: { hands: hands.filter((h) => h.userId !== userId) } }));
  }
}
