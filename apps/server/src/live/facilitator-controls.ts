import { Injectable } from '@nestjs/common';
import { RealtimeService } from '../realtime/realtime.service';
import { LiveMedia } from './live-media';
import { notFound } from './live.errors';
import { HOST_ROLES, type LiveClient } from './live.types';
import { RoomRegistry } from './room-registry';
import { participantOf, updateParticipant } from './room-state';

/** What a host does to others in the room: spotlight and presenter, mute, roll call (recording: RoomRecording). */
@Injectable()
export class FacilitatorControls {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly media: LiveMedia,
    private readonly realtime: RealtimeService,
  ) {}

  async spotlight(client: LiveClient, userId: string | null, field: 'spotlightId' | 'presenterId'): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    if (userId && !participantOf(await room.state(), userId)) throw notFound('userId is not in this session');
    await room.change({ set: { [field]: userId } });
    await room.updateVideoForwarding();
  }

  /** Mutes one person, or everyone but the hosts: their microphone producer is paused on the server. */
  async mute(client: LiveClient, userId?: string): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    const { participants } = await room.state();
    if (userId && !participants.some((p) => p.userId === userId)) throw notFound('userId is not in this session');
    const targets = userId ? [userId] : participants.filter((p) => !HOST_ROLES.includes(p.role)).map((p) => p.userId);
    const media = await room.ensureMedia();
    for (const target of targets) {
      if (await media.pauseSource(target, 'mic')) {
        await this.media.syncProducers(room, target);
        this.realtime.to(`user:${target}`, 'host:muted', { by: client.user.displayName });
      }
    }
  }

  async rollCall(client: LiveClient, userId: string, present: boolean): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    if (!participantOf(await room.state(), userId)) throw notFound('userId is not in this session');
    await room.change(({ state }) => updateParticipant(state, userId, { present }));
  }
}
