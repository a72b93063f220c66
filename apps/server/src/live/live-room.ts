import {
  type AgendaItemDto,
  breakoutOf,
  LiveErrorCode,
  type LiveParticipant,
  type RoomPatch,
  type RoomState,
  videoForwardedTo,
} from '@echo-hub/protocol';
import { Logger } from '@nestjs/common';
import { MediaRoom, type WorkerPool } from '../media';
import type { RealtimeService } from '../realtime/realtime.service';
import { LiveError } from './live.errors';
import { type ChangeOf, coalescePatches, type RoomChange, type SharedRoom, updateEveryParticipant } from './room-state';
import type { AppliedBatch, RoomStore } from './room-store';

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

interface PendingChange {
  change: ChangeOf;
  resolve: (patch: RoomPatch | null) => void;
  reject: (error: unknown) => void;
}

/**
 * A live session as this instance serves it: its media and who is connected here. The room's shared state
 * (phase, hands, chat, …) is not kept here but in the RoomStore, read and changed through `shared()` and
 * `change()`. Room state survives the media: when the worker hosting the router dies, the router is rebuilt on
 * another worker (`mediaEpoch` + 1) and clients re-create their transports; chat and hands stay.
 */
export class LiveRoom {
  private readonly logger = new Logger(LiveRoom.name);
  media: MediaRoom | null = null;
  mediaEpoch = 0;
  /** socket id → user id of every socket connected to this room on this instance. */
  readonly sockets = new Map<string, string>();
  /**
   * Told of each new active speaker, by who listens ('recording' asks for a keyframe, 'captions' follow the
   * speaker's microphone). Kept here rather than on the media room so it outlives a media rebuilt after its
   * worker died.
   */
  readonly speakerListeners = new Map<string, (userId: string) => void>();
  /** Called when someone starts sending media (a recording interrupted by a crash goes on then). */
  onProducer?: () => void;
  /**
   * Set when this instance opened the room on state kept from before (a restart after a crash, or a takeover
   * from an instance that died); RoomLifecycle picks up from there once.
   */
  restored?: SharedRoom;
  /** When each person last had the floor, for ordering videos (last-N). */
  private readonly lastSpoke = new Map<string, number>();
  private rebuilding?: Promise<MediaRoom>;
  /** Changes waiting for the next batch, and the batches' loop while it runs. */
  private readonly pending: PendingChange[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    readonly sessionId: string,
    readonly programId: string,
    readonly agenda: AgendaItemDto[],
    private readonly store: RoomStore,
    private readonly pool: WorkerPool,
    private readonly realtime: RealtimeService,
    private readonly lastN: number,
  ) {}

  /** The room's shared state and rules; once the session has ended (the room is deleted) a handler gets SESSION_ENDED. */
  async shared(): Promise<SharedRoom> {
    const room = await this.store.load(this.sessionId);
    if (!room) throw new LiveError(LiveErrorCode.Ended, 'This live session is not open any more');
    return room;
  }

  async state(): Promise<RoomState> {
    return (await this.shared()).state;
  }

  /**
   * Applies a change (or one computed from the current room) and sends its patch to everyone in the session;
   * resolves once it is sent, with its patch. Changes are applied in batches, one batch at a time: those made in
   * the same turn of the event loop, or while the previous batch was being stored, go together, and everyone gets
   * one patch for all of them (coalescePatches), not one per change: 200 people joining at once make a few
   * fan-outs, not 200 (each to everyone already there). Each change still has a version of its own.
   */
  change(change: RoomChange | ChangeOf): Promise<RoomPatch | null> {
    return new Promise((resolve, reject) => {
      this.pending.push({ change: typeof change === 'function' ? change : () => change, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing || this.pending.length === 0) return;
    // Changes made after the loop's last look (by those it just resolved) start the next one.
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      this.schedule();
    });
  }

  private async flush(): Promise<void> {
    await new Promise((next) => setImmediate(next)); // the rest of this turn's changes join the batch
    while (this.pending.length) {
      const batch = this.pending.splice(0);
      let applied: AppliedBatch;
      try {
        applied = await this.store.applyBatch(
          this.sessionId,
          batch.map((b) => b.change),
        );
      } catch (e) {
        for (const b of batch) b.reject(e);
        continue;
      }
      for (const patch of coalescePatches(applied.patches)) {
        this.realtime.to(sessionRoom(this.sessionId), 'room:patch', patch);
      }
      applied.outcomes.forEach((outcome, i) =>
        'error' in outcome ? batch[i]!.reject(outcome.error) : batch[i]!.resolve(outcome.patch),
      );
    }
  }

  /** What a client at `version` missed: the patches, or null when it must take a full snapshot. */
  since(version: number): Promise<RoomPatch[] | null> {
    return this.store.since(this.sessionId, version);
  }

  /** The media room, created on first use and rebuilt after its worker died. */
  async ensureMedia(): Promise<MediaRoom> {
    if (this.media && !this.media.closed) return this.media;
    this.rebuilding ??= this.buildMedia().finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  onlineUserIds(): Set<string> {
    return new Set(this.sockets.values());
  }

  /** Recomputes whose video is forwarded: spotlight, presenter, active speaker, then recent speakers (last-N). */
  async updateVideoForwarding(): Promise<void> {
    let forwarded: Pick<RoomState, 'videoUserIds' | 'videoSpareId'> = { videoUserIds: [], videoSpareId: null };
    let breakouts: RoomState['breakouts'] = null;
    await this.change(({ state: s }) => {
      breakouts = s.breakouts ?? null;
      const withCamera = s.participants.filter(
        (p) => p.online && p.producers.some((x) => x.source === 'camera' && !x.paused) && !breakoutOf(s, p.userId),
      );
      const rank = (p: LiveParticipant) =>
        p.userId === s.spotlightId ? 3 : p.userId === s.presenterId ? 2 : p.userId === s.activeSpeakerId ? 1 : 0;
      const ordered = [...withCamera].sort(
        (a, b) => rank(b) - rank(a) || (this.lastSpoke.get(b.userId) ?? 0) - (this.lastSpoke.get(a.userId) ?? 0),
      );
      forwarded = {
        videoUserIds: ordered.slice(0, this.lastN).map((p) => p.userId),
        videoSpareId: ordered[this.lastN]?.userId ?? null,
      };
      return { set: forwarded };
    });
    await this.media?.forwardVideo((userId) => new Set(videoForwardedTo({ ...forwarded, breakouts }, userId)));
  }

  /** Closes this instance's media; the shared state is the registry's to delete. */
  close(): void {
    this.media?.removeAllListeners();
    this.media?.close();
    this.media = null;
  }

  /**
   * A router for the room. A worker that died under the call (the pool still has another): the next try
   * picks a live one at once. Every worker down: wait, bounded, for the pool to replace one. Anything else
   * fails the call (the join is refused with it), rather than leaving it waiting for a replacement.
   */
  private async createMedia(): Promise<MediaRoom> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await MediaRoom.create(this.pool, this.sessionId);
      } catch (e) {
        if (attempt >= MEDIA_ATTEMPTS) throw e;
        if (this.pool.size === 0 && !(await replacement(this.pool, MEDIA_WAIT_MS))) throw e;
      }
    }
  }

  private async buildMedia(): Promise<MediaRoom> {
    const media = await this.createMedia();
    // The epoch is shared: a router rebuilt on another instance (a takeover) has the next one too. It is set
    // before the media is handed out, so nobody reads the new media with the old epoch.
    let epoch = this.mediaEpoch + 1;
    try {
      await this.change(({ mediaEpoch }) => {
        epoch = (mediaEpoch ?? 0) + 1;
        return { mediaEpoch: epoch };
      });
    } catch (e) {
      media.close();
      throw e;
    }
    const rebuilt = this.media !== null;
    this.media = media;
    this.mediaEpoch = epoch;
    media.on('speaker', (userId) => {
      this.lastSpoke.set(userId, Date.now());
      for (const listener of this.speakerListeners.values()) listener(userId);
      void this.change({ set: { activeSpeakerId: userId } }).then(() => this.updateVideoForwarding());
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
    await this.change(({ state }) =>
      updateEveryParticipant(state, { producers: [] }, { videoUserIds: [], videoSpareId: null, activeSpeakerId: null }),
    );
    await this.ensureMedia();
  }
}

/** How often a room tries for a router, and how long it waits for a dead worker's replacement. */
export const MEDIA_ATTEMPTS = 3;
export const MEDIA_WAIT_MS = 15_000;

/** Whether the pool replaced a worker within `ms`. */
function replacement(pool: WorkerPool, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (replaced: boolean) => {
      clearTimeout(timer);
      pool.events.off('replaced', onReplaced);
      resolve(replaced);
    };
    const onReplaced = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    pool.events.once('replaced', onReplaced);
  });
}
