import { type CaptionLine, CaptionLimits, type CaptionSource, PERMISSIONS } from '@echo-hub/protocol';
import { scan } from '@echo-hub/deid';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type CaptionEngine, createEngine, SpeakerAudio } from '../captions';
import { RateLimitService } from '../common/rate-limit.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { nowIso } from '../database/columns';
import { RealtimeService } from '../realtime/realtime.service';
import { RecordingsService } from '../recordings';
import type { LiveRoom } from './live-room';
import { sessionRoom } from './live-room';
import { forbidden, invalid, withinLimit } from './live.errors';
import { LiveRecords } from './live.records';
import type { LiveClient, LiveRole } from './live.types';
import { RoomRegistry } from './room-registry';
import { participantOf } from './room-state';

/** Who assigns the captioner and turns automatic captions on or off (`live.captions`). */
const CAPTION_HOSTS: LiveRole[] = ['admin', ...PERMISSIONS['live.captions']];

/** A room's automatic captions: one way to the engine per microphone that had the floor, the speaker's resumed. */
interface AutoCaptions {
  room: LiveRoom;
  audio: Map<string, Promise<SpeakerAudio | null>>;
  /** Whom to follow: the latest active speaker. */
  speaker: string | null;
  /** The switches run one after another, so a slower earlier one cannot pause the speaker a later one resumed. */
  switching: Promise<void>;
}

/**
 * Captions in the room: the captioner a host assigned types lines that reach everyone's caption bar, and automatic
 * captions turn the active speaker's microphone into text through the configured offline engine (CAPTIONS_ENGINE).
 * Lines are not stored, except while the room is recorded: then each finished line passes the de-identification
 * gate (what it flags is left out) and is kept with the recording as WebVTT.
 */
@Injectable()
export class LiveCaptions implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveCaptions.name);
  private readonly engine: CaptionEngine | null;
  private readonly auto = new Map<string, AutoCaptions>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly records: LiveRecords,
    private readonly realtime: RealtimeService,
    private readonly limits: RateLimitService,
    private readonly recordings: RecordingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.engine = createEngine(config.captions);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const sessionId of [...this.auto.keys()]) await this.stopAuto(sessionId);
  }

  async assign(client: LiveClient, userId: string | null): Promise<void> {
    const room = await this.captionHost(client);
    if (userId !== null && !participantOf(await room.state(), userId)) {
      throw invalid('userId: this person is not in the room');
    }
    await room.change(({ state }) => ({ set: { captions: { ...state.captions, captionerId: userId } } }));
  }

  async setAuto(client: LiveClient, on: boolean): Promise<void> {
    const room = await this.captionHost(client);
    if (on && !this.engine) {
      throw invalid('on: automatic captions are off on this hub (CAPTIONS_ENGINE=off)');
    }
    if (on) await this.startAuto(room);
    else await this.stopAuto(room.sessionId);
    await room.change(({ state }) => ({ set: { captions: { ...state.captions, auto: on } } }));
  }

  /** The captioner's line, as typed so far or finished. */
  async send(client: LiveClient, text: string, final: boolean): Promise<void> {
    const room = await this.rooms.joined(client);
    if ((await room.state()).captions.captionerId !== client.user.id) {
      throw forbidden('Only the captioner the facilitator assigned may send captions');
    }
    await withinLimit(this.limits, client, room.sessionId, 'caption lines', CaptionLimits.linesPerMinute);
    const line = text.trim();
    if (!line && final) throw invalid('text must not be empty');
    await this.publish(room, 'captioner', client.user.id, client.user.displayName, line, final);
  }

  /** Automatic captions follow the active speaker: their microphone is decoded, the others' paused. */
  follow(sessionId: string, userId: string): Promise<void> {
    const auto = this.auto.get(sessionId);
    if (!auto) return Promise.resolve();
    auto.speaker = userId;
    auto.switching = auto.switching
      .then(() => this.switchTo(auto))
      .catch((e: Error) => this.logger.error(`captions of session ${sessionId}: ${e.message}`));
    return auto.switching;
  }

  /** Decodes the microphone of whoever is the speaker now (not when this switch was asked for), pauses the others. */
  private async switchTo(auto: AutoCaptions): Promise<void> {
    const media = auto.room.media;
    const userId = auto.speaker;
    if (!media || !this.engine || !userId || this.auto.get(auto.room.sessionId) !== auto) return;
    const producer = media.producersOf(userId).find((p) => p.kind === 'audio');
    if (!producer) return;
    // A way that ended meanwhile (ffmpeg stops a while after its consumer was paused) is opened again.
    if (!auto.audio.has(producer.id) || (await auto.audio.get(producer.id))?.closed) {
      const sessionId = auto.room.sessionId;
      const opened = SpeakerAudio.open({
        router: media.router,
        producer,
        engine: this.engine,
        ffmpeg: this.config.recordings.ffmpeg,
        onText: (text) => void this.spoken(auto.room, userId, text),
        onError: (message) => this.logger.warn(`captions of session ${sessionId}: ${message}`),
      }).catch((e: Error) => {
        this.logger.error(`captions of session ${sessionId}: ${e.message}`);
        auto.audio.delete(producer.id);
        return null;
      });
      auto.audio.set(producer.id, opened);
      producer.observer.once('close', () => auto.audio.delete(producer.id));
    }
    for (const [producerId, audio] of auto.audio) {
      const a = await audio;
      await (producerId === producer.id ? a?.resume() : a?.pause())?.catch(() => {});
    }
  }

  async stopAuto(sessionId: string): Promise<void> {
    const auto = this.auto.get(sessionId);
    if (!auto) return;
    this.auto.delete(sessionId);
    auto.room.speakerListeners.delete('captions');
    await auto.switching;
    for (const audio of auto.audio.values()) await (await audio)?.close();
  }

  private async startAuto(room: LiveRoom): Promise<void> {
    if (this.auto.has(room.sessionId)) return;
    await room.ensureMedia();
    this.auto.set(room.sessionId, { room, audio: new Map(), speaker: null, switching: Promise.resolve() });
    // On the room, not its media: after a worker died the rebuilt media's speakers are followed too.
    room.speakerListeners.set('captions', (userId) => void this.follow(room.sessionId, userId));
    const speaker = (await room.state()).activeSpeakerId;
    if (speaker) await this.follow(room.sessionId, speaker);
  }

  private async spoken(room: LiveRoom, userId: string, text: string): Promise<void> {
    const state = await room.state().catch(() => null);
    if (!state) return void (await this.stopAuto(room.sessionId));
    const name = participantOf(state, userId)?.displayName ?? '';
    await this.publish(room, 'auto', userId, name, text, true);
  }

  private async publish(
    room: LiveRoom,
    source: CaptionSource,
    userId: string,
    displayName: string,
    text: string,
    final: boolean,
  ): Promise<void> {
    const line: CaptionLine = { source, userId, displayName, text, final, at: nowIso() };
    this.realtime.to(sessionRoom(room.sessionId), 'caption:line', line);
    if (final && text && this.recordings.isRecording(room.sessionId)) {
      this.recordings.addCaption(room.sessionId, displayName, await this.gated(room, text));
    }
  }

  /** What is kept of a line: the spans the de-identification gate flags are left out ("[…]"). */
  private async gated(room: LiveRoom, text: string): Promise<string> {
    const knownPeople = (await room.state()).participants.map((p) => p.displayName);
    const knownPlaces = await this.records.sitePlaces(room.programId);
    const findings = scan(text, { knownPeople, knownPlaces });
    let kept = text;
    for (const f of [...findings].sort((a, b) => b.start - a.start)) {
      kept = `${kept.slice(0, f.start)}[…]${kept.slice(f.end)}`;
    }
    return kept;
  }

  private async captionHost(client: LiveClient): Promise<LiveRoom> {
    const room = await this.rooms.joined(client);
    const role = participantOf(await room.state(), client.user.id)?.role;
    if (!client.host && !(role && CAPTION_HOSTS.includes(role))) {
      throw forbidden('Only the facilitator or coordinator may run captions');
    }
    return room;
  }
}
