import { type AgendaItemDto, type ChatMessage, LiveErrorCode } from '@echo-hub/protocol';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { WorkerPool } from '../media';
import { RealtimeService } from '../realtime/realtime.service';
import { LiveRoom } from './live-room';
import { forbidden, LiveError } from './live.errors';
import type { LiveClient } from './live.types';
import { OwnerLeases } from './owner-lease';
import { participantOf, updateEveryParticipant } from './room-state';
import { ROOM_STORE, type RoomStore } from './room-store';

/** What opening a room needs from the session (read by the room lifecycle). */
export interface RoomSeed {
  sessionId: string;
  programId: string;
  agenda: AgendaItemDto[];
  chat: ChatMessage[];
}

/**
 * The live rooms this instance serves, by session id: the seam between the parts (lifecycle, participants,
 * hands, chat, …) and where room state lives. Local objects (media, sockets) are kept here; the shared state
 * goes to the RoomStore (in memory today; a store shared by instances plugs in behind the same interface).
 */
@Injectable()
export class RoomRegistry {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly opening = new Map<string, Promise<LiveRoom>>();

  constructor(
    @Inject(ROOM_STORE) private readonly store: RoomStore,
    private readonly pool: WorkerPool,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leases: OwnerLeases,
  ) {
    // Another instance took the session over (this one was cut off for a lease's lifetime): its media goes, and
    // the sockets here reconnect, to rejoin through the new owner.
    leases.on('lost', (sessionId: string) => {
      this.release(sessionId);
      this.realtime.disconnectLocal(`session:${sessionId}`);
    });
  }

  get(sessionId: string): LiveRoom | undefined {
    return this.rooms.get(sessionId);
  }

  /** The session's room: this instance's, or a new one on the shared state (created unless it exists). */
  async create(sessionId: string, seed: () => Promise<RoomSeed>): Promise<LiveRoom> {
    const existing = this.rooms.get(sessionId);
    if (existing) return existing;
    // Joins arriving together open the room once.
    let opening = this.opening.get(sessionId);
    if (!opening) {
      opening = this.open(seed).finally(() => this.opening.delete(sessionId));
      this.opening.set(sessionId, opening);
    }
    return opening;
  }

  /** Ends the room: closes its media here and deletes its shared state. */
  async delete(sessionId: string): Promise<void> {
    this.release(sessionId);
    await this.store.delete(sessionId);
  }

  /** Lets go of the room on this instance only (its media and owner lease), leaving its shared state. */
  release(sessionId: string): void {
    this.rooms.get(sessionId)?.close();
    this.rooms.delete(sessionId);
    void this.leases.release(sessionId);
  }

  list(): LiveRoom[] {
    return [...this.rooms.values()];
  }

  /**
   * The caller's room, checking they joined it, are a host (for host commands) and are past the lobby (for
   * media): each handler states what it needs.
   */
  async joined(client: LiveClient, need: { media?: boolean; host?: boolean } = {}): Promise<LiveRoom> {
    const room = client.sessionId ? this.rooms.get(client.sessionId) : undefined;
    if (!room || !room.sockets.has(client.socketId)) {
      throw new LiveError(LiveErrorCode.NotJoined, 'Join a session first (session:join)');
    }
    if (need.host && !client.host) throw forbidden('Only the facilitator or coordinator may do this');
    if (need.media) {
      if (!participantOf(await room.state(), client.user.id)?.admitted) {
        throw new LiveError(LiveErrorCode.Lobby, 'Waiting for the facilitator to let you in');
      }
    }
    return room;
  }

  private async open(seed: () => Promise<RoomSeed>): Promise<LiveRoom> {
    const { sessionId, programId, agenda, chat } = await seed();
    const shared = await this.store.open(sessionId, chat);
    const room = new LiveRoom(
      sessionId,
      programId,
      agenda,
      this.store,
      this.pool,
      this.realtime,
      this.config.mediasoup.lastN,
    );
    this.rooms.set(sessionId, room);
    // Taken over from an instance that died (or restarted on a shared store): nobody is connected here yet and
    // its media is gone. Everyone shows offline until their client rejoins; chat, hands and phase stay.
    if (shared.state.participants.some((p) => p.online)) {
      await room.change(({ state }) =>
        updateEveryParticipant(
          state,
          { online: false, producers: [] },
          { videoUserIds: [], videoSpareId: null, activeSpeakerId: null },
        ),
      );
    }
    return room;
  }
}
