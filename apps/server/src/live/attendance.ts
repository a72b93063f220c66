import { Injectable } from '@nestjs/common';
import { LiveRecords } from './live.records';
import type { LiveClient, LiveRole } from './live.types';

/**
 * Attendance as impact counts it: one row per connection, opened when a socket joins a session and closed when
 * it leaves, is removed, or the session ends (reconnects make new rows; impact merges them per person). While
 * open, a row's connection is said alive by a heartbeat (LiveRecovery), so a crash leaves it closed at that time.
 */
@Injectable()
export class LiveAttendance {
  /** The rows this instance opened and has not closed: their connections are alive. */
  private readonly alive = new Set<string>();

  constructor(private readonly records: LiveRecords) {}

  async open(client: LiveClient, sessionId: string, role: LiveRole, siteId: string | null): Promise<void> {
    client.attendanceId = await this.records.openAttendance({ sessionId, userId: client.user.id, role, siteId });
    this.alive.add(client.attendanceId);
  }

  async close(client: LiveClient): Promise<void> {
    const id = client.attendanceId;
    client.attendanceId = undefined;
    if (!id) return;
    this.alive.delete(id);
    await this.records.closeAttendance(id);
  }

  /** Closes every open row of the session, or only one person's. */
  async closeAll(sessionId: string, userId?: string): Promise<void> {
    await this.records.closeOpenAttendance(sessionId, userId);
  }

  /** Says the open rows of this instance's connections are alive (rows closed meanwhile are left as they are). */
  async heartbeat(): Promise<void> {
    await this.records.attendanceSeen([...this.alive]);
  }
}
