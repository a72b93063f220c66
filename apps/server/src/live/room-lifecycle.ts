import type { LivePhase } from '@echo-hub/protocol';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { nowIso } from '../database/columns';
import { RealtimeService } from '../realtime/realtime.service';
import { SessionEvents, SessionsService } from '../sessions';
import { LiveAttendance } from './attendance';
import { LiveBreakouts } from './breakouts';
import { LiveCases } from './live-cases';
import { type LiveRoom, sessionRoom } from './live-room';
import { LiveRecords } from './live.records';
import type { LiveClient } from './live.types';
import { RoomRecording } from './room-recording';
import { RoomRegistry } from './room-registry';
import { openingChange } from './room-state';

/** A live room's life: opened by the first join, opened to spokes by a host, ended for everyone, shut down. */
@Injectable()
export class RoomLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly records: LiveRecords,
    private readonly sessions: SessionsService,
    private readonly sessionEvents: SessionEvents,
    private readonly attendance: LiveAttendance,
    private readonly recording: RoomRecording,
    private readonly realtime: RealtimeService,
    private readonly cases: LiveCases,
    private readonly breakouts: LiveBreakouts,
  ) {}

  /** The session's room, opened with its agenda and chat tail when nobody is in it yet. */
  async ensure(session: { id: string; programId: string }): Promise<LiveRoom> {
    const room = await this.rooms.create(session.id, async () => ({
      sessionId: session.id,
      programId: session.programId,
      agenda: (await this.sessions.get(session.id, null)).agenda,
      chat: await this.records.chatTail(session.id),
    }));
    // Opened on state kept from before a crash: the interrupted recording is finished, and goes on if it was on.
    const restored = room.restored;
    room.restored = undefined;
    if (restored) {
      await this.recording.recover(room, restored.state);
      this.breakouts.recover(room, restored.state);
    }
    return room;
  }

  /** A host opens the room: spokes leave the lobby, the session is live. */
  async open(client: LiveClient): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    // Everyone waiting in the lobby comes in.
    await room.change(({ state }) => {
      const phase: LivePhase = state.phase === 'lobby' ? 'introductions' : state.phase;
      return openingChange(state, { phase });
    });
    await this.records.setSessionStatus(room.sessionId, 'live');
  }

  /** Ends the session for everyone: attendance closes, the room and its media go away. */
  async end(client: LiveClient): Promise<void> {
    const room = await this.rooms.joined(client, { host: true });
    await this.cases.settle(room, client.user);
    await this.recording.stop(room);
    await room.change({ set: { phase: 'ended', endedAt: nowIso(), open: false } });
    this.realtime.to(sessionRoom(room.sessionId), 'session:kicked', { reason: 'ended' });
    await this.records.setSessionStatus(room.sessionId, 'ended');
    await this.attendance.closeAll(room.sessionId);
    await this.rooms.delete(room.sessionId);
    await this.sessionEvents.ended(room.sessionId); // e.g. the post-session survey goes out
  }

  /** The server stops: recordings are finished, attendance closed, this instance's media released. */
  async onApplicationShutdown(): Promise<void> {
    for (const room of this.rooms.list()) {
      await this.recording.stopRecorder(room);
      await this.attendance.closeAll(room.sessionId);
      this.rooms.release(room.sessionId);
    }
  }
}
