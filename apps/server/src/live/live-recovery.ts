import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RecordingsService } from '../recordings';
import { LiveAttendance } from './attendance';
import { LiveRecords } from './live.records';
import { OwnerLeases } from './owner-lease';

/** How often the open attendance rows of live connections are said alive. */
export const HEARTBEAT_MS = 30_000;

/**
 * What a crash (kill -9, power cut) leaves behind, put right. The rooms themselves come back on their own: their
 * state is kept as it changes (DbRoomStore, or Redis), and the first rejoin reopens a room on it (RoomLifecycle).
 * Here: attendance rows left open are closed at their connection's last heartbeat, and recordings left
 * `recording` are finished as `partial` from what ffmpeg wrote. Alone (no Redis) every such row at start-up is
 * from before the crash; with other instances only rows whose heartbeat stopped are (a recording, when its
 * session is taken over: RoomRecording.recover).
 */
@Injectable()
export class LiveRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveRecovery.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly records: LiveRecords,
    private readonly attendance: LiveAttendance,
    private readonly recordings: RecordingsService,
    private readonly leases: OwnerLeases,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const closed = await this.records.closeAbandonedAttendance(this.leases.shared ? this.stale() : undefined);
    if (closed) this.logger.warn(`closed ${closed} attendance row(s) left open by a crash, at their last heartbeat`);
    if (!this.leases.shared) await this.recordings.finishInterrupted();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    try {
      await this.attendance.heartbeat();
      // Another instance died: its rows stop being seen.
      if (this.leases.shared) await this.records.closeAbandonedAttendance(this.stale());
    } catch (e) {
      this.logger.error(`attendance heartbeat failed: ${(e as Error).message}`);
    }
  }

  /** Rows not seen since then belong to a connection that is gone. */
  private stale(): string {
    return new Date(Date.now() - 3 * HEARTBEAT_MS).toISOString();
  }
}
