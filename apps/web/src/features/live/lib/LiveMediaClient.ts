import {
  CAMERA_LAYER_KBPS,
  type IceServer,
  type MediaKind,
  type MediaSource,
  QualityLimits,
  type RoomState,
  onStage,
  sameMediaScope,
  videoForwardedTo,
} from '@echo-hub/protocol';
import { Device, type types } from 'mediasoup-client';
import { AUDIO_ONLY_NOTICE, type AudioOnlyMode, AudioOnlyPolicy } from './audioOnly';
import { RELAY_NOTICE, unreachableMessage } from './connectivity';
import { deviceProblem, openUserTrack } from './devices';
import { errorCode, type LiveConnection } from './LiveConnection';
import {
  type NetworkQuality,
  QualityMeter,
  type ReceivedCounters,
  receivedCounters,
  selectedCandidateType,
  type SentCounters,
  sentCounters,
  UNKNOWN_QUALITY,
} from './stats';
import { micShown } from './micShown';

/** A remote stream this client receives. */
export interface RemoteMedia {
  consumerId: string;
  producerId: string;
  userId: string;
  source: MediaSource;
  kind: MediaKind;
  track: MediaStreamTrack;
  /** Resumed by us and not paused by the server (off screen, out of the last-N): frames arrive. */
  flowing: boolean;
}

/** idle: not started (lobby); starting: building transports; reconnecting: ICE is being restored. */
export type MediaStatus = 'idle' | 'starting' | 'ready' | 'reconnecting' | 'failed';

export interface MediaSnapshot {
  status: MediaStatus;
  micOn: boolean;
  cameraOn: boolean;
  sharing: boolean;
  cameraTrack: MediaStreamTrack | null;
  screenTrack: MediaStreamTrack | null;
  remote: RemoteMedia[];
  quality: NetworkQuality;
  /** The last thing that went wrong, for people (cleared with `dismissProblem()`). */
  problem: string | null;
  /** Said while media goes (or tries to go) through the TURN relay only. */
  notice: string | null;
  /** No video sent or received: chosen by the person, or automatic on a link too slow for video. */
  audioOnly: AudioOnlyMode;
  /** Says why video is off while audio only. */
  audioOnlyNotice: string | null;
}

/** Our end of the ICE candidate pair each transport uses (`host`, `srflx`, `relay`…; null: not connected). */
export interface MediaRoute {
  send: string | null;
  recv: string | null;
}

export interface MediaPreferences {
  micDeviceId: string | null;
  cameraDeviceId: string | null;
  micOn: boolean;
  cameraOn: boolean;
}

/** What the media client reads of the room to decide what to consume. */
export interface RoomView {
  state: RoomState | null;
  userId: string | null;
}

interface StreamInfo {
  userId: string;
  source: MediaSource;
  kind: MediaKind;
  paused: boolean;
}
/** A received stream, with its consumer (a new one after the media is rebuilt). */
export type RecvStat = StreamInfo & ReceivedCounters & { consumerId: string };
export type SendStat = StreamInfo & SentCounters;

interface ConsumerEntry {
  consumer: types.Consumer;
  userId: string;
  source: MediaSource;
  resumed: boolean;
  /** The server stopped forwarding it (media:consumerPaused). */
  serverPaused: boolean;
  view: { visible: boolean; height: number } | null;
  /** This consumer's resume and view requests, kept in order. */
  chain: Promise<void>;
}

const CAMERA_ENCODINGS: types.RtpEncodingParameters[] = CAMERA_LAYER_KBPS.map((kbps, i) => ({
  scaleResolutionDownBy: 2 ** (CAMERA_LAYER_KBPS.length - 1 - i),
  maxBitrate: kbps * 1000,
}));
const STATS_INTERVAL_MS = 3000;
const DISCONNECTED_GRACE_MS = 2000;
const ICE_RESTART_WATCHDOG_MS = 15_000;
/** A transport that has not connected this long after ICE began is retried relay-only (when the hub has TURN). */
const RELAY_FALLBACK_MS = 6000;
/** Nothing connected this long: say what to ask IT for (longer, so a slow but working network is not refused). */
const UNREACHABLE_MS = 15_000;
/** Failures worth retrying at the next sync; others (e.g. a codec the browser lacks) would only fail again. */
const TRANSIENT = new Set<string | null>(['TIMEOUT', 'NOT_JOINED', 'IN_LOBBY']);

const isSource = (v: unknown): v is MediaSource => v === 'mic' || v === 'camera' || v === 'screen';
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The loudest contributing source of an audio receiver, where stats lack audio energy (older Firefox). */
function receiverLevel(consumer: types.Consumer): number {
  const sources = consumer.rtpReceiver?.getSynchronizationSources() ?? [];
  return sources.reduce((max, s) => Math.max(max, s.audioLevel ?? 0), 0);
}

/**
 * The media side of the live room on mediasoup-client: the Device, one send and one
 * receive transport, our producers (mic, camera with simulcast, screen) and the consumers
 * of other people's producers. Rebuilds everything without a page reload when the server's
 * router was replaced (`start()` with the new epoch) or a transport cannot be restored, and
 * restarts ICE when the network drops. Local tracks survive rebuilds and are re-produced.
 */
export class LiveMediaClient {
  private device: Device | null = null;
  private sendTransport: types.Transport | null = null;
  private recvTransport: types.Transport | null = null;
  private caps: types.RtpCapabilities | null = null;
  private mediaEpoch: number | null = null;
  /** Bumped by every (re)build and by close(): async work of an older generation stops. */
  private generation = 0;
  /** Builds and changes of our own producers run one at a time. */
  private queue: Promise<void> = Promise.resolve();
  private readonly producers = new Map<MediaSource, types.Producer>();
  private readonly consumers = new Map<string, ConsumerEntry>();
  /** Producer ids consumed or being consumed. */
  private readonly consumed = new Set<string>();
  private readonly tracks = new Map<MediaSource, MediaStreamTrack>();
  private readonly iceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly restarting = new Set<string>();
  private readonly meter = new QualityMeter();
  private readonly statsTimer: ReturnType<typeof setInterval>;
  private micOn: boolean;
  private cameraOn: boolean;
  private status: MediaStatus = 'idle';
  private quality: NetworkQuality = UNKNOWN_QUALITY;
  private problem: string | null = null;
  /** Direct media did not connect: transports are built relay-only (TURN) from now on. */
  private relayOnly = false;
  private readonly connectTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The person chose audio only; `policy` decides it automatically otherwise. */
  private audioOnlyChosen = false;
  private readonly policy = new AudioOnlyPolicy();
  /** When our quality was last reported to the hub (performance.now()). */
  private reportedAt = -Infinity;
  /** Audio only as applied to our camera producer and video consumers. */
  private audioOnly = false;
  private snap: MediaSnapshot;
  private closed = false;

  constructor(
    private readonly conn: LiveConnection,
    private readonly room: () => RoomView,
    private readonly prefs: MediaPreferences,
    private readonly onChange: () => void,
  ) {
    this.micOn = prefs.micOn;
    this.cameraOn = prefs.cameraOn;
    this.snap = this.buildSnapshot();
    this.statsTimer = setInterval(() => void this.sampleQuality(), STATS_INTERVAL_MS);
    window.addEventListener('online', this.onOnline);
  }

  get snapshot(): MediaSnapshot {
    return this.snap;
  }

  /** The router epoch the transports belong to (null before the first start). */
  get epoch(): number | null {
    return this.mediaEpoch;
  }

  /** (Re)creates the device and transports for a router, re-produces our tracks and consumes what the room offers. */
  start(epoch: number, routerRtpCapabilities: unknown): Promise<void> {
    this.mediaEpoch = epoch;
    this.caps = routerRtpCapabilities as types.RtpCapabilities;
    const gen = ++this.generation;
    return this.run(() => this.build(gen));
  }

  /**
   * After the signalling connection came back: the server may have dropped our transports
   * while we were away. Keeps them if both accept an ICE restart, rebuilds otherwise.
   */
  async recover(): Promise<void> {
    const transports = [this.sendTransport, this.recvTransport];
    if (this.mediaEpoch === null) return;
    const gen = this.generation;
    try {
      for (const transport of transports) {
        if (!transport || transport.closed) throw new Error('transport closed');
        const { iceParameters } = await this.conn.request('media:restartIce', { transportId: transport.id });
        if (gen !== this.generation) return;
        await transport.restartIce({ iceParameters: iceParameters as types.IceParameters });
      }
      this.sync(true);
    } catch {
      if (gen === this.generation) this.rebuild();
    }
  }

  setMic(on: boolean): Promise<void> {
    return this.run(async () => {
      const gen = this.generation;
      const track = on ? await this.openTrack('mic') : null;
      this.micOn = on;
      const producer = this.producers.get('mic');
      if (producer && !producer.closed) {
        if (on) producer.resume();
        else producer.pause();
        this.notify();
        await this.conn.request('media:setProducerPaused', { producerId: producer.id, paused: !on });
      } else if (track && this.sendTransport) {
        await this.produce('mic', track, gen);
      }
      this.notify();
    });
  }

  setCamera(on: boolean): Promise<void> {
    return this.run(async () => {
      const gen = this.generation;
      const producer = this.producers.get('camera');
      if (!on) {
        this.cameraOn = false;
        if (producer && !producer.closed) {
          producer.pause();
          await producer.replaceTrack({ track: null });
        }
        this.stopTrack('camera');
        this.notify();
        if (producer && !producer.closed) {
          await this.conn.request('media:setProducerPaused', { producerId: producer.id, paused: true });
        }
        return;
      }
      const track = await this.openTrack('camera');
      this.cameraOn = true;
      if (gen !== this.generation) return; // the rebuild that superseded us produces it
      if (producer && !producer.closed) {
        await producer.replaceTrack({ track });
        if (!this.audioOnly) {
          producer.resume();
          await this.conn.request('media:setProducerPaused', { producerId: producer.id, paused: false });
        }
      } else if (this.sendTransport) {
        await this.produce('camera', track, gen);
      }
      this.notify();
    });
  }

  /** Asks for a screen (must run straight from a click: browsers require a user gesture) and shares it. */
  async startScreenShare(): Promise<void> {
    if (!navigator.mediaDevices?.getDisplayMedia) {
      this.report('This browser cannot share a screen. Use a recent Chrome, Edge or Firefox on a computer.');
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({
        video: { frameRate: { ideal: 10, max: 15 } },
        audio: false,
      });
    } catch (e) {
      // Cancelling the browser's picker is not an error.
      if (!(e instanceof DOMException && e.name === 'NotAllowedError')) this.report('Screen sharing did not start.');
      return;
    }
    const [track] = stream.getVideoTracks();
    if (!track) return;
    // Slides and documents: keep text sharp rather than motion smooth.
    track.contentHint = 'detail';
    this.stopTrack('screen');
    this.tracks.set('screen', track);
    track.addEventListener('ended', () => void this.stopScreenShare(track));
    this.notify();
    await this.run(async () => {
      if (this.sendTransport && this.liveTrack('screen') === track)
        await this.produce('screen', track, this.generation);
    });
  }

  /** Stops sharing (`track`: only if that share is still the current one, e.g. when the browser ended it). */
  stopScreenShare(track?: MediaStreamTrack): Promise<void> {
    return this.run(async () => {
      if (track && this.tracks.get('screen') !== track) return;
      const producer = this.producers.get('screen');
      this.producers.delete('screen');
      this.stopTrack('screen');
      this.notify();
      if (producer && !producer.closed) {
        producer.close();
        await this.conn.request('media:closeProducer', { producerId: producer.id });
      }
    });
  }

  /** A host muted us: the server already paused the producer, we follow so the UI shows muted. */
  hostMuted(): void {
    this.micOn = false;
    const producer = this.producers.get('mic');
    if (producer && !producer.closed) producer.pause();
    const track = this.tracks.get('mic');
    if (track) track.enabled = false;
    this.notify();
  }

  /** Consumes every producer the room offers (camera video only from the last-N); `prune` drops consumers of gone producers. */
  sync(prune: boolean): void {
    const { state, userId } = this.room();
    if (!state || !this.recvTransport) return;
    const offered = new Set<string>();
    const videoOf = new Set(videoForwardedTo(state, userId ?? ''));
    for (const participant of state.participants) {
      if (participant.userId === userId || !sameMediaScope(state, userId ?? '', participant.userId)) continue;
      for (const producer of participant.producers) {
        offered.add(producer.id);
        if (producer.source !== 'camera' || videoOf.has(participant.userId)) {
          void this.consume(participant.userId, producer.id, producer.source);
        }
      }
    }
    if (!prune) return;
    for (const [id, entry] of this.consumers) {
      if (!offered.has(entry.consumer.producerId)) this.dropConsumer(id);
    }
  }

  /** The server offers a producer (new, or video we may now see). */
  newProducer(userId: string, producerId: string, source: MediaSource): void {
    const { state, userId: me } = this.room();
    if (userId === me || (state && !sameMediaScope(state, me ?? '', userId))) return; // another breakout room
    void this.consume(userId, producerId, source);
  }

  consumerClosed(consumerId: string): void {
    this.dropConsumer(consumerId);
  }

  consumerPaused(consumerId: string, paused: boolean): void {
    const entry = this.consumers.get(consumerId);
    if (!entry) return;
    entry.serverPaused = paused;
    this.notify();
  }

  /**
   * What a tile shows of a consumer: a visible tile resumes it (consumers are created
   * paused) and its height picks the simulcast layer; off screen the server pauses it.
   */
  setView(consumerId: string, visible: boolean, height: number): void {
    const entry = this.consumers.get(consumerId);
    if (!entry || (entry.view?.visible === visible && entry.view.height === height)) return;
    entry.view = { visible, height };
    this.pushView(entry);
  }

  /** Audio only by the person's choice (`on`), or back to video (which also ends an automatic audio only). */
  setAudioOnly(on: boolean): void {
    this.audioOnlyChosen = on;
    this.policy.reset();
    this.applyAudioOnly();
  }

  dismissProblem(): void {
    this.problem = null;
    this.notify();
  }

  /** Builds everything again (the "Try again" after a failure), direct first. */
  retry(): void {
    this.problem = null;
    this.relayOnly = false;
    this.rebuild();
  }

  async route(): Promise<MediaRoute> {
    const type = async (t: types.Transport | null) =>
      t && !t.closed ? selectedCandidateType(await t.getStats().catch(() => null)) : null;
    return { send: await type(this.sendTransport), recv: await type(this.recvTransport) };
  }

  async recvStats(): Promise<RecvStat[]> {
    return Promise.all(
      [...this.consumers.values()].map(async (e) => ({
        consumerId: e.consumer.id,
        userId: e.userId,
        source: e.source,
        kind: e.consumer.kind,
        paused: !e.resumed || e.serverPaused,
        ...receivedCounters(await e.consumer.getStats().catch(() => null), receiverLevel(e.consumer)),
      })),
    );
  }

  async sendStats(userId: string): Promise<SendStat[]> {
    const open = [...this.producers].filter(([, p]) => !p.closed);
    return Promise.all(
      open.map(async ([source, p]) => ({
        userId,
        source,
        kind: p.kind,
        paused: p.paused,
        ...sentCounters(await p.getStats().catch(() => null)),
      })),
    );
  }

  close(): void {
    this.closed = true;
    this.generation++;
    this.teardown();
    for (const track of this.tracks.values()) track.stop();
    this.tracks.clear();
    clearInterval(this.statsTimer);
    window.removeEventListener('online', this.onOnline);
  }

  // ---- building --------------------------------------------------------------------

  private rebuild(): void {
    if (this.mediaEpoch !== null && !this.closed) void this.start(this.mediaEpoch, this.caps);
  }

  private async build(gen: number): Promise<void> {
    if (gen !== this.generation || !this.caps) return;
    this.teardown();
    this.setStatus('starting');
    try {
      const device = new Device();
      await device.load({ routerRtpCapabilities: this.caps });
      if (gen !== this.generation) return;
      this.device = device;
      this.recvTransport = await this.createTransport('recv', gen);
      // A webinar's viewers receive only (the server refuses them a sending transport).
      const { state, userId } = this.room();
      const sends = !state || !userId || onStage(state, userId);
      this.sendTransport = sends ? await this.createTransport('send', gen) : null;
      if (gen !== this.generation) return;
      if (sends) await this.publishLocal(gen);
      else this.stopLocalTracks();
      if (gen !== this.generation) return;
      this.setStatus('ready');
      this.sync(true);
    } catch (e) {
      if (gen !== this.generation) return;
      this.problem =
        e instanceof Error && e.name === 'UnsupportedError'
          ? 'This browser cannot take part in live video. Use a recent Chrome, Edge or Firefox.'
          : `Audio and video could not connect: ${message(e)}`;
      this.setStatus('failed');
    }
  }

  /** A viewer sends nothing: the camera and microphone are released (opened again on stage). */
  private stopLocalTracks(): void {
    for (const track of this.tracks.values()) track.stop();
    this.tracks.clear();
  }

  /** Closes transports (and with them producers and consumers); keeps our local tracks. */
  private teardown(): void {
    for (const timer of [...this.iceTimers.values(), ...this.connectTimers.values()]) clearTimeout(timer);
    this.iceTimers.clear();
    this.connectTimers.clear();
    this.restarting.clear();
    this.sendTransport?.close();
    this.recvTransport?.close();
    this.sendTransport = null;
    this.recvTransport = null;
    this.device = null;
    this.producers.clear();
    this.consumers.clear();
    this.consumed.clear();
  }

  private async createTransport(direction: 'send' | 'recv', gen: number): Promise<types.Transport | null> {
    const options = await this.conn.request('media:createTransport', { direction });
    const device = this.device;
    if (gen !== this.generation || !device) return null;
    const params: types.TransportOptions = {
      id: options.id,
      iceParameters: options.iceParameters as types.IceParameters,
      iceCandidates: options.iceCandidates as types.IceCandidate[],
      dtlsParameters: options.dtlsParameters as types.DtlsParameters,
      iceServers: options.iceServers,
      iceTransportPolicy: this.relayOnly ? 'relay' : 'all',
    };
    const transport = direction === 'send' ? device.createSendTransport(params) : device.createRecvTransport(params);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      // ICE starts now (first producer or consumer): it has a few seconds to connect.
      const iceServers = options.iceServers ?? [];
      const fallback = !this.relayOnly && iceServers.length > 0;
      this.connectTimers.set(
        transport.id,
        setTimeout(
          () => this.onConnectTimeout(transport, params, iceServers, gen),
          fallback ? RELAY_FALLBACK_MS : UNREACHABLE_MS,
        ),
      );
      this.conn
        .request('media:connectTransport', { transportId: transport.id, dtlsParameters })
        .then(callback, errback);
    });
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const source = appData.source;
      if (!isSource(source)) return errback(new Error('A producer needs a source'));
      this.conn
        .request('media:produce', { transportId: transport.id, kind, rtpParameters, source })
        .then(({ producerId }) => callback({ id: producerId }), errback);
    });
    transport.on('connectionstatechange', (state) => this.onConnectionState(transport, state));
    return transport;
  }

  /** Produces our tracks on a new send transport: the microphone always (paused while muted, so unmuting is instant). */
  private async publishLocal(gen: number): Promise<void> {
    const mic = await this.openTrack('mic').catch((e: unknown) => this.reportNull(message(e)));
    if (gen !== this.generation) return;
    if (mic) {
      mic.enabled = this.micOn;
      await this.produce('mic', mic, gen);
    } else {
      this.micOn = false;
    }
    if (this.cameraOn) {
      const camera = await this.openTrack('camera').catch((e: unknown) => this.reportNull(message(e)));
      if (gen !== this.generation) return;
      if (camera) await this.produce('camera', camera, gen);
      else this.cameraOn = false;
    }
    const screen = this.liveTrack('screen');
    if (screen) await this.produce('screen', screen, gen);
  }

  private async produce(source: MediaSource, track: MediaStreamTrack, gen: number): Promise<void> {
    const transport = this.sendTransport;
    if (!transport) return;
    const producer = await transport.produce({
      track,
      stopTracks: false,
      appData: { source },
      // A paused camera (audio only, camera off) sends nothing, not black frames: on a slow link the audio needs the room.
      ...(source === 'camera' ? { encodings: CAMERA_ENCODINGS, zeroRtpOnPause: true } : {}),
      // Audio first on weak networks: Opus in-band FEC recovers lost packets, DTX sends almost nothing in silence.
      codecOptions: source === 'mic' ? { opusFec: true, opusDtx: true } : { videoGoogleStartBitrate: 1000 },
    });
    if (gen !== this.generation) {
      producer.close();
      return;
    }
    this.producers.set(source, producer);
    producer.on('trackended', () => this.onTrackEnded(source));
    if (source === 'camera' && this.audioOnly) producer.pause();
    this.notify();
    // A disabled track (muted mic) makes a paused producer; the server starts it unpaused.
    if (producer.paused) await this.conn.request('media:setProducerPaused', { producerId: producer.id, paused: true });
  }

  /** Our camera or microphone track, opened once; failures come as an Error with a sentence for people. */
  private async openTrack(source: 'mic' | 'camera'): Promise<MediaStreamTrack> {
    const existing = this.liveTrack(source);
    if (existing) return existing;
    const [kind, deviceId, what] =
      source === 'mic'
        ? (['audio', this.prefs.micDeviceId, 'microphone'] as const)
        : (['video', this.prefs.cameraDeviceId, 'camera'] as const);
    const track = await openUserTrack(kind, deviceId).catch((e: unknown) => {
      throw new Error(deviceProblem(what, e));
    });
    this.tracks.set(source, track);
    return track;
  }

  private liveTrack(source: MediaSource): MediaStreamTrack | null {
    const track = this.tracks.get(source);
    return track && track.readyState === 'live' ? track : null;
  }

  private stopTrack(source: MediaSource): void {
    this.tracks.get(source)?.stop();
    this.tracks.delete(source);
  }

  private onTrackEnded(source: MediaSource): void {
    if (source === 'screen') {
      void this.stopScreenShare(this.tracks.get('screen'));
    } else if (source === 'camera') {
      this.report('Your camera stopped. Turn it on again to retry.');
      void this.setCamera(false);
    } else {
      this.report('Your microphone stopped. Unmute to retry.');
      void this.setMic(false);
    }
  }

  // ---- consuming --------------------------------------------------------------------

  private async consume(userId: string, producerId: string, source: MediaSource): Promise<void> {
    const transport = this.recvTransport;
    const device = this.device;
    if (!transport || !device || this.consumed.has(producerId)) return;
    this.consumed.add(producerId);
    const gen = this.generation;
    try {
      const options = await this.conn.request('media:consume', {
        transportId: transport.id,
        producerId,
        rtpCapabilities: device.rtpCapabilities,
      });
      if (gen !== this.generation) return;
      const consumer = await transport.consume({
        id: options.id,
        producerId,
        kind: options.kind,
        rtpParameters: options.rtpParameters as types.RtpParameters,
        appData: { userId, source },
      });
      if (gen !== this.generation) {
        consumer.close();
        return;
      }
      const entry: ConsumerEntry = {
        consumer,
        userId: options.userId,
        source: options.source,
        resumed: false,
        serverPaused: false,
        view: null,
        chain: Promise.resolve(),
      };
      this.consumers.set(consumer.id, entry);
      // Audio plays wherever it is; video waits until a tile shows it (setView).
      if (consumer.kind === 'audio') this.chain(entry, () => this.resume(entry));
      this.notify();
    } catch (e) {
      if (gen === this.generation && TRANSIENT.has(errorCode(e))) this.consumed.delete(producerId);
    }
  }

  private async resume(entry: ConsumerEntry): Promise<void> {
    await this.conn.request('media:resumeConsumer', { consumerId: entry.consumer.id });
    entry.resumed = true;
    this.notify();
  }

  /** Tells the server what a video tile shows: nothing while audio only (it stops forwarding), else the tile's view. */
  private pushView(entry: ConsumerEntry): void {
    this.chain(entry, async () => {
      const view = entry.view;
      if (!view) return;
      const visible = view.visible && !this.audioOnly;
      if (!entry.resumed && !visible) return;
      if (!entry.resumed) await this.resume(entry);
      // A later view is queued behind this one: let it speak.
      if (entry.view !== view) return;
      await this.conn.request('media:viewConsumer', { consumerId: entry.consumer.id, visible, height: view.height });
    });
  }

  /** Pauses (or resumes) our camera producer and the video we receive when audio only changes; audio keeps flowing. */
  private applyAudioOnly(): void {
    const want = this.audioOnlyChosen || this.policy.active;
    if (want === this.audioOnly && this.audioOnlyChosen === (this.snap.audioOnly === 'chosen')) return;
    this.audioOnly = want;
    for (const entry of this.consumers.values()) if (entry.consumer.kind === 'video') this.pushView(entry);
    void this.run(async () => {
      const producer = this.producers.get('camera');
      if (!producer || producer.closed || !this.cameraOn || producer.paused === this.audioOnly) return;
      if (this.audioOnly) producer.pause();
      else producer.resume();
      await this.conn.request('media:setProducerPaused', { producerId: producer.id, paused: this.audioOnly });
    });
    this.notify();
  }

  private chain(entry: ConsumerEntry, work: () => Promise<void>): void {
    entry.chain = entry.chain.then(work).catch(() => undefined);
  }

  private dropConsumer(consumerId: string): void {
    const entry = this.consumers.get(consumerId);
    if (!entry) return;
    entry.consumer.close();
    this.consumers.delete(consumerId);
    this.consumed.delete(entry.consumer.producerId);
    this.notify();
  }

  // ---- connectivity -----------------------------------------------------------------

  private readonly onOnline = (): void => {
    for (const transport of [this.sendTransport, this.recvTransport]) if (transport) void this.restartIce(transport);
  };

  /** Direct media did not connect: rebuild relay-only through TURN, or (no TURN, or the relay failed too) say why. */
  private onConnectTimeout(
    transport: types.Transport,
    params: types.TransportOptions,
    iceServers: IceServer[],
    gen: number,
  ): void {
    this.connectTimers.delete(transport.id);
    if (gen !== this.generation || transport.closed || transport.connectionState === 'connected') return;
    if (!this.relayOnly && iceServers.length > 0) {
      this.relayOnly = true;
      this.rebuild();
      return;
    }
    this.generation++; // nothing will connect: stop retrying until the person asks ("Try again")
    this.teardown();
    this.problem = unreachableMessage(params.iceCandidates, iceServers);
    this.setStatus('failed');
  }

  private onConnectionState(transport: types.Transport, state: types.ConnectionState): void {
    if (state === 'connected') {
      clearTimeout(this.connectTimers.get(transport.id));
      this.connectTimers.delete(transport.id);
    }
    clearTimeout(this.iceTimers.get(transport.id));
    this.iceTimers.delete(transport.id);
    if (state === 'disconnected') {
      this.iceTimers.set(
        transport.id,
        setTimeout(() => void this.restartIce(transport), DISCONNECTED_GRACE_MS),
      );
    } else if (state === 'failed') {
      void this.restartIce(transport);
    }
    this.refreshStatus();
  }

  private async restartIce(transport: types.Transport): Promise<void> {
    // Without signalling there is nobody to ask: the reconnection calls recover().
    if (transport.closed || this.restarting.has(transport.id) || !this.conn.connected) return;
    this.restarting.add(transport.id);
    const gen = this.generation;
    try {
      const { iceParameters } = await this.conn.request('media:restartIce', { transportId: transport.id });
      if (gen !== this.generation || transport.closed) return;
      await transport.restartIce({ iceParameters: iceParameters as types.IceParameters });
      clearTimeout(this.iceTimers.get(transport.id));
      this.iceTimers.set(
        transport.id,
        setTimeout(() => {
          if (transport.connectionState === 'failed' || transport.connectionState === 'disconnected') this.rebuild();
        }, ICE_RESTART_WATCHDOG_MS),
      );
    } catch (e) {
      // The server no longer knows the transport: start over.
      if (gen === this.generation && errorCode(e) !== 'TIMEOUT') this.rebuild();
    } finally {
      this.restarting.delete(transport.id);
    }
  }

  private async sampleQuality(): Promise<void> {
    const [send, recv] = await Promise.all(
      [this.sendTransport, this.recvTransport].map((t) => (t ? t.getStats().catch(() => null) : null)),
    );
    if (!send && !recv) return;
    const sendingVideo = [...this.producers.values()].some((p) => p.kind === 'video' && !p.paused && !p.closed);
    const sample = this.meter.sample(send, recv, sendingVideo);
    if (!this.audioOnlyChosen && this.status === 'ready') {
      const camera = this.producers.get('camera');
      this.policy.sample({ ...sample, sendingVideo: !!camera && !camera.closed && !camera.paused });
      this.applyAudioOnly();
    }
    const quality = this.status === 'reconnecting' ? { ...sample, level: 'poor' as const } : sample;
    this.reportQuality(quality);
    if (JSON.stringify(quality) === JSON.stringify(this.quality)) return;
    this.quality = quality;
    this.notify();
  }

  /** Tells the hub (for the hosts' view) how our connection is, every QualityLimits.everyMs at most. */
  private reportQuality(q: NetworkQuality): void {
    const now = performance.now();
    if ((this.status !== 'ready' && this.status !== 'reconnecting') || now - this.reportedAt < QualityLimits.everyMs) {
      return;
    }
    this.reportedAt = now;
    const { level, roundTripMs, lossPercent, sendKbps, recvKbps, availableKbps } = q;
    const report = { level, roundTripMs, lossPercent, sendKbps, recvKbps, availableKbps, audioOnly: this.audioOnly };
    // A lost report is replaced by the next one.
    this.conn.request('quality:report', report).catch(() => undefined);
  }

  private anyConnected(): boolean {
    return [this.sendTransport, this.recvTransport].some((t) => t?.connectionState === 'connected');
  }

  private refreshStatus(): void {
    if (this.status !== 'ready' && this.status !== 'reconnecting') return;
    const broken = [this.sendTransport, this.recvTransport].some(
      (t) => t && (t.connectionState === 'failed' || t.connectionState === 'disconnected'),
    );
    this.setStatus(broken ? 'reconnecting' : 'ready');
  }

  // ---- plumbing ---------------------------------------------------------------------

  private run(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((e: unknown) => this.report(message(e)));
    this.queue = next;
    return next;
  }

  private report(problem: string): void {
    this.problem = problem;
    this.notify();
  }

  private reportNull(problem: string): null {
    this.report(problem);
    return null;
  }

  private setStatus(status: MediaStatus): void {
    this.status = status;
    this.notify();
  }

  private notify(): void {
    if (this.closed) return;
    this.snap = this.buildSnapshot();
    this.onChange();
  }

  private audioOnlyReason(): keyof typeof AUDIO_ONLY_NOTICE {
    if (this.audioOnlyChosen) return 'chosen';
    return this.policy.cause === 'loss' ? 'loss' : 'auto';
  }

  private buildSnapshot(): MediaSnapshot {
    const mic = this.producers.get('mic');
    return {
      status: this.status,
      micOn: micShown(this.micOn, this.mediaEpoch === null ? 'not started' : this.status, mic),
      cameraOn: this.cameraOn && (this.mediaEpoch === null || this.liveTrack('camera') !== null),
      sharing: this.liveTrack('screen') !== null,
      cameraTrack: this.liveTrack('camera'),
      screenTrack: this.liveTrack('screen'),
      remote: [...this.consumers.values()].map((e) => ({
        consumerId: e.consumer.id,
        producerId: e.consumer.producerId,
        userId: e.userId,
        source: e.source,
        kind: e.consumer.kind,
        track: e.consumer.track,
        flowing: e.resumed && !e.serverPaused,
      })),
      quality: this.quality,
      problem: this.problem,
      notice: this.relayOnly ? RELAY_NOTICE[this.anyConnected() ? 'connected' : 'connecting'] : null,
      audioOnly: this.audioOnlyChosen ? 'chosen' : this.audioOnly ? 'auto' : 'off',
      audioOnlyNotice: this.audioOnly ? AUDIO_ONLY_NOTICE[this.audioOnlyReason()] : null,
    };
  }
}
