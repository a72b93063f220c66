import type { AgendaItemDto, LiveParticipant, RoomPatch } from '@echo-hub/protocol';
import { Logger } from '@nestjs/common';
import { MediaRoom, type WorkerPool } from '../media';
import type { RealtimeService } from '../realtime/realtime.service';
import { RoomStateStore } from './room-state';

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * A live session: its state store, its media, and who is connected. Room state survives
 * the media: when the worker hosting the router dies, the router is rebuilt on another
 * worker (`mediaEpoch` + 1) and clients re-create their transports; chat and hands stay.
 */
export class LiveRoom {
  private readonly logger = new Logger(LiveRoom.name);
  media: MediaRoom | null = null;
  mediaEpoch = 0;
  /** socket id → user id of every connected socket. */
  readonly sockets = new Map<string, string>();
  /** Removed by a host: may not come back into this live session. */
  readonly removed = new Set<string>();
  /** Called when the active speaker changes (the recorder asks for a keyframe). */
  onSpeakerChange?: () => void;
  /** When each person last had the floor, for ordering videos (last-N). */
  private readonly lastSpoke = new Map<string, number>();
  private rebuilding?: Promise<MediaRoom>;
  /** Consent to record the next case: who agreed, recorded by which host, when. */
  consent: { userIds: string[]; recordedBy: string; at: string } | null = null;

  constructor(
    readonly sessionId: string,
    readonly programId: string,
    readonly agenda: AgendaItemDto[],
    readonly store: RoomStateStore,
    private readonly pool: WorkerPool,
    private readonly realtime: RealtimeService,
    private readonly lastN: number,
  ) {}

  /** The media room, created on first use and rebuilt after its worker died. */
  async ensureMedia(): Promise<MediaRoom> {
    if (this.media && !this.media.closed) return this.media;
    this.rebuilding ??= this.buildMedia().finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  /** Records a change and sends it to everyone in the session. */
  publish(patch: RoomPatch | null): void {
    if (patch) this.realtime.to(sessionRoom(this.sessionId), 'room:patch', patch);
  }

  onlineUserIds(): Set<string> {
    return new Set(this.sockets.values());
  }

  /** Recomputes whose video is forwarded: spotlight, presenter, active speaker, then recent speakers (last-N). */
  async updateVideoForwarding(): Promise<void> {
    const s = this.store.current;
    const withCamera = s.participants.filter(
      (p) => p.online && p.producers.some((x) => x.source === 'camera' && !x.paused),
    );
    const rank = (p: LiveParticipant) =>
      p.userId === s.spotlightId ? 3 : p.userId === s.presenterId ? 2 : p.userId === s.activeSpeakerId ? 1 : 0;
    const ordered = [...withCamera].sort(
      (a, b) => rank(b) - rank(a) || (this.lastSpoke.get(b.userId) ?? 0) - (this.lastSpoke.get(a.userId) ?? 0),
    );
    const videoUserIds = ordered.slice(0, this.lastN).map((p) => p.userId);
    this.publish(this.store.change({ videoUserIds }));
    await this.media?.forwardVideo(new Set(videoUserIds));
  }

  close(): void {
    this.media?.removeAllListeners();
    this.media?.close();
    this.media = null;
  }

  private async buildMedia(): Promise<MediaRoom> {
    let media: MediaRoom;
    try {
      media = await MediaRoom.create(this.pool, this.sessionId);
    } catch {
      // Every worker is down: wait for the pool to replace one.
      await new Promise((resolve) => this.pool.events.once('replaced', resolve));
      media = await MediaRoom.create(this.pool, this.sessionId);
    }
    const rebuilt = this.media !== null;
    this.media = media;
    this.mediaEpoch++;
    media.on('speaker', (userId) => {
      this.lastSpoke.set(userId, Date.now());
      this.onSpeakerChange?.();
      this.publish(this.store.change({ activeSpeakerId: userId }));
      void this.updateVideoForwarding();
    });
    media.on('consumerclosed', (userId, consumerId) =>
      this.realtime.to(`user:${userId}`, 'media:consumerClosed', { consumerId }),
    );
    media.on('consumerpaused', (userId, consumerId, paused) =>
      this.realtime.to(`user:${userId}`, 'media:consumerPaused', { consumerId, paused }),
    );
    media.once('workerclosed', () => void this.onWorkerClosed());
    if (rebuilt) {
      this.logger.warn(`session ${this.sessionId}: media rebuilt on worker ${this.pool.workerOf(media.router)?.pid}`);
      this.realtime.to(sessionRoom(this.sessionId), 'media:reset', {
        mediaEpoch: this.mediaEpoch,
        routerRtpCapabilities: media.rtpCapabilities,
      });
    }
    return media;
  }

  private async onWorkerClosed(): Promise<void> {
    this.logger.error(`session ${this.sessionId}: the worker hosting its media died; rebuilding`);
    this.publish(this.store.updateEveryParticipant({ producers: [] }, { videoUserIds: [], activeSpeakerId: null }));
    await this.ensureMedia();
  }
}
