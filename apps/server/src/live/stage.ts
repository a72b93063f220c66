import { onStage, PERMISSIONS } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from './live.errors';
import type { LiveClient } from './live.types';
import type { LiveRoom } from './live-room';
import { RoomRegistry } from './room-registry';
import { participantOf } from './room-state';

/** Who may switch the webinar layout and bring people on stage (`live.stage`). */
const STAGE_MANAGERS: readonly string[] = ['admin', ...PERMISSIONS['live.stage']];

/**
 * The webinar layout of a large session: a stage of presenters (the hub team and whoever a host brings on) whose
 * media everyone receives, and viewers who only receive (LiveMedia refuses them a send transport), raise a hand
 * and chat. Bringing someone on stage lowers their hand; sending them back closes what they were sending.
 */
@Injectable()
export class LiveStage {
  constructor(private readonly rooms: RoomRegistry) {}

  async setWebinar(client: LiveClient, on: boolean): Promise<void> {
    const room = await this.manager(client);
    await room.change(({ state }) => ({ set: { webinar: on, stageUserIds: on ? (state.stageUserIds ?? []) : [] } }));
    if (on) await this.closeViewersMedia(room);
  }

  async setStage(client: LiveClient, userId: string, on: boolean): Promise<void> {
    const room = await this.manager(client);
    const state = await room.state();
    if (!participantOf(state, userId)) throw notFound('userId is not in this session');
    if (!state.webinar) throw forbidden('The stage is part of the webinar layout: turn it on first');
    await room.change(({ state: s }) => {
      const stage = (s.stageUserIds ?? []).filter((id) => id !== userId);
      return {
        set: { stageUserIds: on ? [...stage, userId] : stage, hands: s.hands.filter((h) => h.userId !== userId) },
      };
    });
    if (!on) await this.closeViewersMedia(room);
  }

  /** Closes the sending transports (and so the producers) of everyone not on stage. */
  private async closeViewersMedia(room: LiveRoom): Promise<void> {
    const state = await room.state();
    for (const p of state.participants) {
      if (!onStage(state, p.userId)) room.media?.closeSending(p.userId);
    }
  }

  private async manager(client: LiveClient): Promise<LiveRoom> {
    const room = await this.rooms.joined(client);
    const role = participantOf(await room.state(), client.user.id)?.role;
    if (!role || !STAGE_MANAGERS.includes(role)) throw forbidden('Only a host may run the stage');
    return room;
  }
}
