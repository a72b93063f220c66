import type { RoomState } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { RealtimeService } from '../realtime/realtime.service';
import { nowIso } from '../database/columns';
import { RecordingsService } from '../recordings';
import type { LiveRoom } from './live-room';
import { forbidden } from './live.errors';
import { HOST_ROLES, type LiveClient } from './live.types';
import { RoomRegistry } from './room-registry';
import type { RecordingConsent } from './room-state';

export type RecordingKind = 'didactic' | 'case' | 'manual';

/** After a restart, a recording goes on this long after the first person sends media again. */
export const RESUME_AFTER_MS = 2_000;

/**
 * Recording, a facilitator control: by hand (never a case discussion without everyone's consent), and by the
 * agenda (didactic slots) and the case flow (a consented case). A recorder failure stops the recording, never the
 * session.
 */
@Injectable()
export class RoomRecording {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly recordings: RecordingsService,
    private readonly realtime: RealtimeService,
  ) {}

  /** Starts or stops recording by hand; a case is only recorded with everyone's consent (see LiveCases.open). */
  async record(client: LiveClient, on: boolean): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    if (!on) return this.stop(room);
    const s = await room.state();
    if (s.breakouts) throw forbidden('Recording never follows into breakouts: end the breakouts first');
    if (s.liveCase || s.phase === 'cases') {
      throw forbidden(
        'Case discussions are not recorded without everyone’s consent (record consent, then open the case)',
      );
    }
    const slot = s.timer.slot;
    const title = slot === null ? 'Session recording' : (room.agenda[slot]?.title ?? 'Session recording');
    await this.start(room, 'manual', title, '');
  }

  /** The facilitator records that everyone listed agreed to the next case being recorded. */
  async recordConsent(client: LiveClient, userIds: string[]): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    await room.change({ consent: { userIds, recordedBy: client.user.displayName, at: nowIso() } });
  }

  /** Starts the recorder on the room's media (a case only under the consent it was given). */
  async start(
    room: LiveRoom,
    kind: RecordingKind,
    title: string,
    presenterName: string,
    consent: RecordingConsent | null = null,
  ): Promise<void> {
    const media = room.media;
    if (!media || media.closed || this.recordings.isRecording(room.sessionId)) return;
    const s = await room.state();
    if (s.breakouts) return; // never into breakouts (LiveBreakouts starts it again when they end)
    const producers = media.allProducers();
    const cameraOf = (userId: string | null) =>
      producers.find((p) => p.appData.userId === userId && p.appData.source === 'camera');
    const video =
      producers.find((p) => p.appData.source === 'screen') ??
      cameraOf(s.spotlightId) ??
      cameraOf(s.presenterId) ??
      cameraOf(s.activeSpeakerId) ??
      producers.find((p) => p.kind === 'video');
    try {
      await this.recordings.start({
        sessionId: room.sessionId,
        programId: room.programId,
        router: media.router,
        video,
        audio: producers.filter((p) => p.kind === 'audio'),
        kind,
        title,
        presenterName,
        consent: kind === 'case' ? consent : null,
        onFailed: (message) => void this.failed(room, message),
      });
      room.speakerListeners.set('recording', () => void this.recordings.keyFrame(room.sessionId));
      await room.change({ set: { recording: true } });
    } catch (e) {
      await this.failed(room, (e as Error).message);
    }
  }

  async stop(room: LiveRoom): Promise<void> {
    await this.stopRecorder(room);
    await room.change({ set: { recording: false } });
  }

  /**
   * A room opened again after a crash (or taken over): the recording that was running is finished as `partial`;
   * if the room was recording, a new recording with the same title starts once media flows again (people rejoin
   * and send, RESUME_AFTER_MS after the first so that the others are in it too).
   */
  async recover(room: LiveRoom, before: RoomState): Promise<void> {
    await this.recordings.finishInterrupted(room.sessionId);
    if (!before.recording) return;
    const last = await this.recordings.latest(room.sessionId);
    if (!last) return void (await room.change({ set: { recording: false } }));
    room.onProducer = () => {
      room.onProducer = undefined;
      setTimeout(() => {
        void this.start(room, last.kind, last.title, last.presenterName, last.consent);
      }, RESUME_AFTER_MS).unref();
    };
  }

  /** Stops this instance's recorder of the room, leaving its state (the server is shutting down). */
  async stopRecorder(room: LiveRoom): Promise<void> {
    room.speakerListeners.delete('recording');
    room.onProducer = undefined;
    await this.recordings.stop(room.sessionId);
  }

  /** A recorder failure stops the recording, never the session; the hosts are told why. */
  private async failed(room: LiveRoom, message: string): Promise<void> {
    await room.change({ set: { recording: false } });
    const state = await room.state().catch(() => null); // the session may have ended meanwhile
    for (const p of state?.participants ?? []) {
      if (HOST_ROLES.includes(p.role)) this.realtime.to(`user:${p.userId}`, 'recording:failed', { message });
    }
  }
}
