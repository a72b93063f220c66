import { type ChatMessage, ChatLimits, LiveErrorCode, ReactionLimits } from '@echo-hub/protocol';
import { scan } from '@echo-hub/deid';
import { Injectable } from '@nestjs/common';
import { refuseUnconfirmed } from '../deid';
import { RateLimitService } from '../common/rate-limit.service';
import { nowIso } from '../database/columns';
import { RealtimeService } from '../realtime/realtime.service';
import type { ChatDto } from './dto/live.dto';
import { sessionRoom } from './live-room';
import { LiveError, withinLimit } from './live.errors';
import { LiveRecords } from './live.records';
import type { LiveClient } from './live.types';
import { RoomRegistry } from './room-registry';

/** The session's chat (stored, through the de-identification gate, rate limited) and reactions (not stored). */
@Injectable()
export class LiveChat {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly records: LiveRecords,
    private readonly realtime: RealtimeService,
    private readonly limits: RateLimitService,
  ) {}

  async send(client: LiveClient, dto: ChatDto): Promise<ChatMessage> {
    const room = await this.rooms.joined(client);
    await withinLimit(this.limits, client, room.sessionId, 'messages', ChatLimits.perMinute);
    const text = dto.text.trim();
    if (!text) throw new LiveError(LiveErrorCode.Invalid, 'text must not be empty');
    // The chat is stored: it passes the de-identification gate like case text. Names of the people
    // taking part are not patients' names.
    const knownPeople = [client.user.displayName, ...(await room.state()).participants.map((p) => p.displayName)];
    // Nor are the programme's own sites and their localities ("Hello from Ards") patients' addresses.
    const knownPlaces = await this.records.sitePlaces(room.programId);
    // Offsets are into the text as typed; the client trims too, so they match.
    const findings = refuseUnconfirmed(
      scan(text, { knownPeople, knownPlaces }).map((f) => ({ ...f, field: 'chat' as const })),
      (dto.confirmedSpans ?? []).map((span) => ({ ...span, field: 'chat' as const })),
    );
    const message = await this.records.saveChat({
      sessionId: room.sessionId,
      userId: client.user.id,
      displayName: client.user.displayName,
      text,
      confirmedFindings: findings,
    });
    await room.change({ chat: message });
    return message;
  }

  async react(client: LiveClient, emoji: string): Promise<void> {
    const room = await this.rooms.joined(client);
    await withinLimit(this.limits, client, room.sessionId, 'reactions', ReactionLimits.perMinute);
    this.realtime.to(sessionRoom(room.sessionId), 'reaction', {
      userId: client.user.id,
      displayName: client.user.displayName,
      emoji,
      at: nowIso(),
    });
  }
}
