import type { ConsumerOptions, MediaKind, MediaSource, TransportOptions } from '@echo-hub/protocol';
import { LiveErrorCode } from '@echo-hub/protocol';
import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { AUDIO_KBPS, chooseLayers, DOWNLINK_HEADROOM, SCREEN_KBPS, spatialLayerFor } from './layers';
import { invalidMedia, MediaError, mediaNotFound } from './media.errors';
import type { ms } from './mediasoup';
import { RouterSpread } from './router-spread';
import type { WorkerPool } from './worker-pool';

interface PeerMedia {
  transports: Map<string, ms.WebRtcTransport>;
  producers: Map<string, ms.Producer>;
  consumers: Map<string, ms.Consumer>;
  /** The hub's estimate of the bandwidth towards this peer (its receive transport), kbit/s; null: none yet. */
  downlinkKbps: number | null;
}

interface ConsumerView {
  ownerId: string;
  source: MediaSource;
  /** The client has attached the track (resumeConsumer). */
  ready: boolean;
  visible: boolean;
  height: number;
}

const view = (c: ms.Consumer) => c.appData as unknown as ConsumerView;

/** Audio is forwarded from the loudest this many (AudioLevelObserver), the dominant speaker and the just unmuted. */
export const AUDIO_LOUDEST = 3;
/** How long someone stays forwarded after they were last among the loudest (or unmuted): words are not cut. */
export const AUDIO_HOLD_MS = 2000;
/** Below this level (dBov) a microphone counts as silent. */
const AUDIO_THRESHOLD_DBOV = -60;

/**
 * One live session's media: a Router on the least-loaded worker, the peers' transports,
 * producers and consumers, and an active-speaker observer. Holds no room state: it reports
 * `speaker`, `producerclosed` and `workerclosed`, and applies the forwarding policy it is given.
 */
export class MediaRoom extends EventEmitter<{
  speaker: [userId: string];
  workerclosed: [];
  consumerclosed: [userId: string, consumerId: string];
  consumerpaused: [userId: string, consumerId: string, paused: boolean];
}> {
  private readonly logger = new Logger(MediaRoom.name);
  private readonly peers = new Map<string, PeerMedia>();
  private forwardVideoOf: (receiverId: string) => ReadonlySet<string> = () => new Set();
  /** When each person was last heard (among the loudest, or unmuted); whose audio is forwarded now. */
  private readonly lastHeard = new Map<string, number>();
  private audible = new Set<string>();
  private dominantId: string | null = null;
  private audibleTimer?: NodeJS.Timeout;
  /** Receiving transports of a large session on every worker (see router-spread.ts). */
  readonly spread: RouterSpread;

  private constructor(
    private readonly pool: WorkerPool,
    readonly router: ms.Router,
    private readonly speakers: ms.ActiveSpeakerObserver,
    private readonly levels: ms.AudioLevelObserver,
    spreadFrom?: number,
  ) {
    super();
    this.spread = new RouterSpread(pool, router, () => this.emit('workerclosed'), spreadFrom);
    router.once('workerclose', () => this.emit('workerclosed'));
    router.observer.once('close', () => clearTimeout(this.audibleTimer));
    speakers.on('dominantspeaker', ({ producer }) => {
      const userId = producer.appData.userId as string;
      this.dominantId = userId;
      this.emit('speaker', userId);
      void this.updateAudible();
    });
    levels.on('volumes', (volumes) => this.heard(volumes.map((v) => v.producer.appData.userId as string)));
  }

  /** `spreadFrom`: from how many peers on receiving transports spread over the workers (default SPREAD_FROM_PEERS). */
  static async create(pool: WorkerPool, sessionId: string, spreadFrom?: number): Promise<MediaRoom> {
    const router = await pool.createRouter({ sessionId });
    const speakers = await router.createActiveSpeakerObserver({ interval: 300 });
    const levels = await router.createAudioLevelObserver({
      maxEntries: AUDIO_LOUDEST,
      threshold: AUDIO_THRESHOLD_DBOV,
      interval: 200,
    });
    return new MediaRoom(pool, router, speakers, levels, spreadFrom);
  }

  get rtpCapabilities(): ms.RtpCapabilities {
    return this.router.rtpCapabilities;
  }

  get closed(): boolean {
    return this.router.closed;
  }

  async createTransport(userId: string, direction: 'send' | 'recv'): Promise<TransportOptions> {
    const router = direction === 'recv' ? await this.spread.routerFor(this.peers.size) : this.router;
    const transport = await router.createWebRtcTransport({
      ...this.pool.webRtcTransportOptions(router),
      appData: { userId, direction },
    });
    this.spread.track(router, transport);
    this.peer(userId).transports.set(transport.id, transport);
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  async connectTransport(userId: string, transportId: string, dtlsParameters: ms.DtlsParameters): Promise<void> {
    await this.transport(userId, transportId).connect({ dtlsParameters });
  }

  async restartIce(userId: string, transportId: string): Promise<ms.IceParameters> {
    return this.transport(userId, transportId).restartIce();
  }

  async produce(
    userId: string,
    transportId: string,
    kind: MediaKind,
    rtpParameters: ms.RtpParameters,
    source: MediaSource,
  ): Promise<ms.Producer> {
    const transport = this.transport(userId, transportId);
    if (transport.appData.direction !== 'send') throw invalidMedia('transportId is not a sending transport');
    if ((source === 'mic') !== (kind === 'audio')) throw invalidMedia(`source ${source} does not carry ${kind}`);
    const peer = this.peer(userId);
    for (const existing of peer.producers.values()) {
      if (existing.appData.source === source) this.closeProducer(userId, existing.id);
    }
    const producer = await transport
      .produce({ kind, rtpParameters, appData: { userId, source } })
      .catch((e: Error) => Promise.reject(new MediaError(LiveErrorCode.Media, e.message)));
    peer.producers.set(producer.id, producer);
    producer.observer.once('close', () => peer.producers.delete(producer.id));
    await this.listenTo(producer);
    return producer;
  }

  closeProducer(userId: string, producerId: string): void {
    const producer = this.peer(userId).producers.get(producerId);
    if (!producer) throw mediaNotFound('producerId is not one of yours');
    producer.close();
  }

  async setProducerPaused(userId: string, producerId: string, paused: boolean): Promise<void> {
    const producer = this.peer(userId).producers.get(producerId);
    if (!producer) throw mediaNotFound('producerId is not one of yours');
    await (paused ? producer.pause() : producer.resume());
  }

  /** Pauses someone's producer of a source (the host's mute). Returns whether one was open. */
  async pauseSource(userId: string, source: MediaSource): Promise<boolean> {
    const producer = this.producersOf(userId).find((p) => p.appData.source === source);
    if (!producer) return false;
    await producer.pause();
    return true;
  }

  /**
   * Takes in a producer made outside a browser (a PlainTransport fed by an RTP source, e.g. a
   * media gateway, a benchmark or a test): it is forwarded and recorded like anyone's.
   */
  async adopt(userId: string, producer: ms.Producer): Promise<void> {
    producer.appData.userId = userId;
    const peer = this.peer(userId);
    peer.producers.set(producer.id, producer);
    producer.observer.once('close', () => peer.producers.delete(producer.id));
    await this.listenTo(producer);
  }

  /**
   * Takes in a consumer made outside a browser (on a PlainTransport, as `adopt` takes producers): it is ready, and
   * the forwarding policy (audio from the audible, video from the last-N) applies to it as to anyone's.
   */
  async adoptConsumer(userId: string, consumer: ms.Consumer): Promise<void> {
    const producer = this.producer(consumer.producerId);
    if (!producer) throw mediaNotFound('producerId is not in this session');
    const appData: ConsumerView = {
      ownerId: producer.appData.userId as string,
      source: producer.appData.source as MediaSource,
      ready: true,
      visible: true,
      height: 0,
    };
    Object.assign(consumer.appData, appData);
    const peer = this.peer(userId);
    peer.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => peer.consumers.delete(consumer.id));
    await this.applyTo(userId, consumer);
  }

  allProducers(): ms.Producer[] {
    return [...this.peers.values()].flatMap((p) => [...p.producers.values()]);
  }

  producersOf(userId: string): ms.Producer[] {
    return [...(this.peers.get(userId)?.producers.values() ?? [])];
  }

  producer(producerId: string): ms.Producer | undefined {
    for (const peer of this.peers.values()) {
      const p = peer.producers.get(producerId);
      if (p) return p;
    }
    return undefined;
  }

  async consume(
    userId: string,
    transportId: string,
    producerId: string,
    rtpCapabilities: ms.RtpCapabilities,
  ): Promise<ConsumerOptions> {
    const transport = this.transport(userId, transportId);
    if (transport.appData.direction !== 'recv') throw invalidMedia('transportId is not a receiving transport');
    const producer = this.producer(producerId);
    if (!producer) throw mediaNotFound('producerId is not in this session');
    const ownerId = producer.appData.userId as string;
    if (ownerId === userId) throw invalidMedia('you cannot consume your own producer');
    if (!this.router.canConsume({ producerId, rtpCapabilities })) {
      throw new MediaError(LiveErrorCode.Media, 'your browser cannot receive this media');
    }
    const source = producer.appData.source as MediaSource;
    const appData: ConsumerView = { ownerId, source, ready: false, visible: true, height: 0 };
    await this.spread.reach(producer, this.spread.routerOf(transportId));
    const consumer = await transport.consume({
      producerId,
      rtpCapabilities,
      paused: true,
      appData: { ...appData },
    });
    const peer = this.peer(userId);
    peer.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => peer.consumers.delete(consumer.id));
    consumer.on('producerclose', () => this.emit('consumerclosed', userId, consumer.id));
    consumer.on('transportclose', () => peer.consumers.delete(consumer.id));
    return {
      id: consumer.id,
      producerId,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
      userId: ownerId,
      source,
      paused: true,
    };
  }

  /** The client attached the track: start forwarding, if the policy allows. */
  async resumeConsumer(userId: string, consumerId: string): Promise<void> {
    const consumer = this.consumer(userId, consumerId);
    view(consumer).ready = true;
    await this.applyTo(userId, consumer);
  }

  /** What the client shows of a consumer: off screen → paused; the tile height picks the layer. */
  async viewConsumer(userId: string, consumerId: string, visible: boolean, height: number): Promise<void> {
    const consumer = this.consumer(userId, consumerId);
    Object.assign(view(consumer), { visible, height });
    await this.applyTo(userId, consumer);
  }

  /**
   * Reads the estimate of the bandwidth towards a peer (the congestion control of its receive transport) and
   * fits the layers of the camera videos it receives into it. Returns the estimate in kbit/s (null: none yet).
   */
  async measureDownlink(userId: string): Promise<number | null> {
    const peer = this.peers.get(userId);
    const recv = [...(peer?.transports.values() ?? [])].find((t) => t.appData.direction === 'recv' && !t.closed);
    if (!peer || !recv) return null;
    const [stats] = await recv.getStats().catch(() => []);
    const bitrate = stats?.availableOutgoingBitrate;
    peer.downlinkKbps = typeof bitrate === 'number' && bitrate > 0 ? Math.round(bitrate / 1000) : null;
    for (const consumer of peer.consumers.values()) await this.applyTo(userId, consumer);
    return peer.downlinkKbps;
  }

  /** Sets whose camera video is forwarded to whom (last-N) and re-applies it to every consumer. */
  async forwardVideo(to: (receiverId: string) => ReadonlySet<string>): Promise<void> {
    this.forwardVideoOf = to;
    for (const [userId, peer] of this.peers) {
      for (const consumer of peer.consumers.values()) await this.applyTo(userId, consumer);
    }
  }

  /** Closes every consumer `keep` refuses (a breakout room changed): its receiver is told (`consumerclosed`). */
  closeConsumers(keep: (receiverId: string, ownerId: string) => boolean): void {
    for (const [userId, peer] of this.peers) {
      for (const consumer of peer.consumers.values()) {
        if (keep(userId, view(consumer).ownerId)) continue;
        consumer.close();
        this.emit('consumerclosed', userId, consumer.id);
      }
    }
  }

  /** Closes someone's sending transports, and so their producers (a webinar viewer sent back from the stage). */
  closeSending(userId: string): void {
    for (const t of this.peers.get(userId)?.transports.values() ?? []) {
      if (t.appData.direction === 'send') t.close();
    }
  }

  closePeer(userId: string): void {
    const peer = this.peers.get(userId);
    if (!peer) return;
    this.peers.delete(userId);
    for (const t of peer.transports.values()) t.close();
  }

  close(): void {
    this.router.close();
  }

  /** Counts for health and benchmarks (`audioForwarded`: audio consumers not paused). */
  stats(): { peers: number; producers: number; consumers: number; audioConsumers: number; audioForwarded: number } {
    const all = [...this.peers.values()];
    const audio = all.flatMap((p) => [...p.consumers.values()]).filter((c) => c.kind === 'audio' && !c.closed);
    return {
      peers: all.length,
      producers: all.reduce((n, p) => n + p.producers.size, 0),
      consumers: all.reduce((n, p) => n + p.consumers.size, 0),
      audioConsumers: audio.length,
      audioForwarded: audio.filter((c) => !c.paused).length,
    };
  }

  /**
   * Whose audio is forwarded now: the loudest few, the dominant speaker and whoever unmuted within AUDIO_HOLD_MS
   * (every open microphone while there are no more than AUDIO_LOUDEST).
   */
  audibleUserIds(): ReadonlySet<string> {
    return this.audible;
  }

  /**
   * A microphone goes into both observers; unmuting (or opening it) counts as being heard, so the first words
   * are forwarded at once, before the level observer has had a say; muting stops forwarding it.
   */
  private async listenTo(producer: ms.Producer): Promise<void> {
    if (producer.kind !== 'audio') return;
    const userId = producer.appData.userId as string;
    producer.observer.on('resume', () => this.heard([userId]));
    producer.observer.on('pause', () => {
      this.lastHeard.delete(userId);
      if (this.dominantId === userId) this.dominantId = null;
      void this.updateAudible();
    });
    producer.observer.once('close', () => {
      this.lastHeard.delete(userId);
      void this.updateAudible();
    });
    await this.speakers.addProducer({ producerId: producer.id });
    await this.levels.addProducer({ producerId: producer.id });
    if (!producer.paused) this.heard([userId]);
  }

  private heard(userIds: string[]): void {
    const now = Date.now();
    for (const id of userIds) this.lastHeard.set(id, now);
    void this.updateAudible();
  }

  /** Recomputes who is audible, re-applies the policy to the audio consumers of whoever changed, and schedules the next expiry. */
  private async updateAudible(): Promise<void> {
    if (this.router.closed) return;
    const now = Date.now();
    const next = new Set([...this.lastHeard].filter(([, at]) => now - at < AUDIO_HOLD_MS).map(([id]) => id));
    // No more open microphones than the loudest few: each is forwarded (nothing to save, no pausing to and fro).
    const open = this.allProducers().filter((p) => p.kind === 'audio' && !p.paused && !p.closed);
    if (open.length <= AUDIO_LOUDEST) for (const p of open) next.add(p.appData.userId as string);
    if (this.dominantId && this.producersOf(this.dominantId).some((p) => p.kind === 'audio' && !p.paused)) {
      next.add(this.dominantId);
    }
    const changed = new Set([...next, ...this.audible].filter((id) => next.has(id) !== this.audible.has(id)));
    this.audible = next;
    clearTimeout(this.audibleTimer);
    const expiries = [...this.lastHeard.values()].map((at) => at + AUDIO_HOLD_MS - now).filter((ms) => ms > 0);
    if (expiries.length) this.audibleTimer = setTimeout(() => void this.updateAudible(), Math.min(...expiries) + 10);
    if (changed.size === 0) return;
    for (const [userId, peer] of this.peers) {
      for (const consumer of peer.consumers.values()) {
        if (consumer.kind === 'audio' && changed.has(view(consumer).ownerId)) await this.applyTo(userId, consumer);
      }
    }
  }

  /**
   * Never throws: a consumer whose transport is closing while this runs (its peer left, or
   * the producer's did) may refuse pause/resume; it is going away, so that is not an error.
   */
  private async applyTo(userId: string, consumer: ms.Consumer): Promise<void> {
    try {
      await this.applyPolicy(userId, consumer);
    } catch (e) {
      this.logger.debug(`consumer ${consumer.id} of ${userId} not updated: ${(e as Error).message}`);
    }
  }

  private async applyPolicy(userId: string, consumer: ms.Consumer): Promise<void> {
    if (consumer.closed) return;
    const forward = this.forwards(userId, consumer);
    const spatialLayer = forward && consumer.type === 'simulcast' ? this.layerOf(userId, consumer) : null;
    if (spatialLayer !== null && consumer.preferredLayers?.spatialLayer !== spatialLayer) {
      await consumer.setPreferredLayers({ spatialLayer, temporalLayer: 2 });
    }
    if (forward && consumer.paused) {
      await consumer.resume();
      this.emit('consumerpaused', userId, consumer.id, false);
    } else if (!forward && !consumer.paused) {
      await consumer.pause();
      this.emit('consumerpaused', userId, consumer.id, true);
    }
  }

  /**
   * Audio only from the audible (see updateAudible: the silent and the muted cost no forwarding); a screen share
   * always; camera video only for the last-N and when on screen.
   */
  private forwards(receiverId: string, consumer: ms.Consumer): boolean {
    const v = view(consumer);
    if (!v.ready) return false;
    if (consumer.kind === 'audio') return this.audible.has(v.ownerId);
    return v.visible && (v.source === 'screen' || this.forwardVideoOf(receiverId).has(v.ownerId));
  }

  /** A camera video's layer: from its tile's height, and with the others a peer receives within its downlink. */
  private layerOf(userId: string, consumer: ms.Consumer): number {
    const peer = this.peers.get(userId);
    const forwarded = [...(peer?.consumers.values() ?? [])].filter((c) => !c.closed && this.forwards(userId, c));
    const videos = forwarded.filter((c) => c.type === 'simulcast');
    const others = forwarded.filter((c) => c.type !== 'simulcast');
    const reserved = others.reduce((sum, c) => sum + (c.kind === 'audio' ? AUDIO_KBPS : SCREEN_KBPS), 0);
    const budget = peer?.downlinkKbps == null ? null : peer.downlinkKbps * DOWNLINK_HEADROOM - reserved;
    const layers = chooseLayers(
      videos.map((c) => spatialLayerFor(view(c).height || 360)),
      budget,
    );
    return layers[videos.indexOf(consumer)] ?? spatialLayerFor(view(consumer).height || 360);
  }

  private peer(userId: string): PeerMedia {
    let peer = this.peers.get(userId);
    if (!peer) {
      peer = { transports: new Map(), producers: new Map(), consumers: new Map(), downlinkKbps: null };
      this.peers.set(userId, peer);
    }
    return peer;
  }

  private transport(userId: string, transportId: string): ms.WebRtcTransport {
    const t = this.peers.get(userId)?.transports.get(transportId);
    if (!t) throw mediaNotFound('transportId is not one of yours');
    return t;
  }

  private consumer(userId: string, consumerId: string): ms.Consumer {
    const c = this.peers.get(userId)?.consumers.get(consumerId);
    if (!c) throw mediaNotFound('consumerId is not one of yours');
    return c;
  }
}
