import { QualityLimits, type QualitySample } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { RateLimitService } from '../common/rate-limit.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { QualityReportDto } from './dto/live.dto';
import type { LiveRoom } from './live-room';
import { withinLimit } from './live.errors';
import { HOST_ROLES, type LiveClient } from './live.types';
import { RoomRegistry } from './room-registry';

/**
 * Each participant's connection quality, as their client measures it (round trip, loss, bitrates) plus the hub's
 * estimate of the link towards them. Kept with the room on this instance only (never stored, gone with the room)
 * and sent to the room's hosts alone, so a facilitator can tell a spoke "your connection is poor" with evidence.
 * A report also fits the layers of the videos the reporter receives to that estimate (MediaRoom.measureDownlink).
 */
@Injectable()
export class LiveQuality {
  private readonly samples = new WeakMap<LiveRoom, Map<string, QualitySample>>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly realtime: RealtimeService,
    private readonly limits: RateLimitService,
  ) {}

  async report(client: LiveClient, dto: QualityReportDto): Promise<void> {
    const room = await this.rooms.joined(client, { media: true });
    await withinLimit(this.limits, client, room.sessionId, 'quality reports', QualityLimits.perMinute);
    const downlinkKbps = (await room.media?.measureDownlink(client.user.id)) ?? null;
    const { level, roundTripMs, lossPercent, sendKbps, recvKbps, availableKbps, audioOnly } = dto;
    const sample: QualitySample = {
      userId: client.user.id,
      level,
      roundTripMs,
      lossPercent,
      sendKbps,
      recvKbps,
      availableKbps,
      audioOnly,
      downlinkKbps,
      at: new Date().toISOString(),
    };
    this.of(room).set(client.user.id, sample);
    const sockets = await this.hostSockets(room);
    if (sockets.length) this.realtime.to(sockets, 'quality:sample', { sessionId: room.sessionId, ...sample });
  }

  /** Hosts: the last sample of everyone online, worst first. */
  async list(client: LiveClient): Promise<QualitySample[]> {
    const room = await this.rooms.joined(client, { host: true });
    const online = room.onlineUserIds();
    return [...this.of(room).values()].filter((s) => online.has(s.userId)).sort(worstFirst);
  }

  private of(room: LiveRoom): Map<string, QualitySample> {
    let samples = this.samples.get(room);
    if (!samples) {
      samples = new Map();
      this.samples.set(room, samples);
    }
    return samples;
  }

  /** The room's sockets (here or bridged) of people who run it. */
  private async hostSockets(room: LiveRoom): Promise<string[]> {
    const { participants } = await room.state();
    const hosts = new Set(participants.filter((p) => HOST_ROLES.includes(p.role)).map((p) => p.userId));
    return [...room.sockets].filter(([, userId]) => hosts.has(userId)).map(([socketId]) => socketId);
  }
}

const RANK = { poor: 0, fair: 1, unknown: 2, good: 3 } as const;

/** Poor connections first, then fair; within a level, the most loss. */
export const worstFirst = (a: QualitySample, b: QualitySample) =>
  RANK[a.level] - RANK[b.level] || (b.lossPercent ?? 0) - (a.lossPercent ?? 0);
