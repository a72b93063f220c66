import type { ChatMessage, FieldFinding } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { nowIso } from '../database/columns';
import { NO_TX } from '../database/no-tx';
import { Membership } from '../programs/entities/membership.entity';
import { Site } from '../programs/entities/site.entity';
import { EchoSession } from '../sessions';
import { Attendance } from './entities/attendance.entity';
import { ChatMessageEntity } from './entities/chat-message.entity';
import { LiveRoomSnapshot } from './entities/live-room-snapshot.entity';
import type { LiveRole } from './live.types';

/** How much of a session's chat a room opens with. */
export const CHAT_TAIL = 1000;

/** Attendance rows per insert (9 values each: within SQLite's 999 bound variables per statement). */
const ATTENDANCE_BATCH = 100;

/**
 * The live feature's reads and writes in the database, in one place: sessions and memberships on join,
 * attendance rows, chat messages, the session's status. Single-row writes skip TypeORM's transaction: on SQLite
 * it would hold the one connection (database/sqlite-gate.ts), and a hundred people joining at once would queue
 * every other statement (their sign-in checks included) behind a hundred transactions.
 */
/** How long a program's site names are kept between reads (see sitePlaces). */
const PLACES_TTL_MS = 30_000;

@Injectable()
export class LiveRecords {
  private readonly places = new Map<string, { places: string[]; until: number }>();
  /** Attendance rows waiting for the next insert (see openAttendance). */
  private readonly opening: { attendance: Attendance; resolve: () => void; reject: (e: unknown) => void }[] = [];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The session and the caller's membership of its program (with their site), read fresh on every join in one
   * query: a hundred people joining at once are a hundred queries on SQLite's one connection, not two hundred.
   */
  async sessionAndMembership(
    sessionId: string,
    userId: string,
  ): Promise<{ session: EchoSession | null; membership: Membership | null }> {
    const session: (EchoSession & { membership?: Membership }) | null = await this.db
      .getRepository(EchoSession)
      .createQueryBuilder('session')
      .leftJoinAndMapOne(
        'session.membership',
        Membership,
        'membership',
        'membership.programId = session.programId AND membership.userId = :userId',
        { userId },
      )
      .leftJoinAndSelect('membership.site', 'site')
      .where('session.id = :sessionId', { sessionId })
      .getOne();
    return { session, membership: session?.membership ?? null };
  }

  async setSessionStatus(sessionId: string, status: 'live' | 'ended'): Promise<void> {
    await this.db.getRepository(EchoSession).update({ id: sessionId }, { status });
  }

  /**
   * Opens an attendance row; resolves with its id once it is written. The rows opened in one turn of the event
   * loop are written together, ATTENDANCE_BATCH to a statement: a join storm inserts a few times, not once per
   * person (if a write fails, each join it carried fails).
   */
  openAttendance(row: { sessionId: string; userId: string; role: LiveRole; siteId: string | null }): Promise<string> {
    const now = nowIso();
    const attendance = this.db
      .getRepository(Attendance)
      .create({ ...row, id: randomUUID(), joinedAt: now, leftAt: null, lastSeenAt: now });
    return new Promise((resolve, reject) => {
      const first = this.opening.push({ attendance, resolve: () => resolve(attendance.id), reject }) === 1;
      if (first) setImmediate(() => void this.insertOpening());
    });
  }

  private async insertOpening(): Promise<void> {
    const waiting = this.opening.splice(0);
    for (let i = 0; i < waiting.length; i += ATTENDANCE_BATCH) {
      const part = waiting.slice(i, i + ATTENDANCE_BATCH);
      await this.db
        .getRepository(Attendance)
        .insert(part.map((p) => p.attendance))
        .then(
          () => part.forEach((p) => p.resolve()),
          (e: unknown) => part.forEach((p) => p.reject(e)),
        );
    }
  }

  async closeAttendance(id: string): Promise<void> {
    await this.db.getRepository(Attendance).update({ id, leftAt: IsNull() }, { leftAt: nowIso() });
  }

  /** Closes the session's open rows (one person's, or everyone's). */
  async closeOpenAttendance(sessionId: string, userId?: string): Promise<void> {
    await this.db
      .getRepository(Attendance)
      .update({ sessionId, leftAt: IsNull(), ...(userId ? { userId } : {}) }, { leftAt: nowIso() });
  }

  /**
   * The names and localities of a program's sites: where its people join from. Read on every join and chat
   * message, so kept for PLACES_TTL_MS per program (a site added mid-session counts within that time).
   */
  async sitePlaces(programId: string): Promise<string[]> {
    const kept = this.places.get(programId);
    if (kept && kept.until > Date.now()) return kept.places;
    const sites = await this.db.getRepository(Site).findBy({ programId });
    const places = sites.flatMap((s) => [s.organisation, s.locality].filter(Boolean));
    this.places.set(programId, { places, until: Date.now() + PLACES_TTL_MS });
    return places;
  }

  /** The heartbeat of open rows whose connections are alive. */
  async attendanceSeen(ids: string[]): Promise<void> {
    const rows = this.db.getRepository(Attendance);
    const now = nowIso();
    for (let i = 0; i < ids.length; i += 500) {
      await rows.update({ id: In(ids.slice(i, i + 500)), leftAt: IsNull() }, { lastSeenAt: now });
    }
  }

  /**
   * Closes open rows whose connection was last seen before `before` (every open row without it), at that last
   * sighting: left open by a crash. Returns how many.
   */
  async closeAbandonedAttendance(before?: string): Promise<number> {
    const open = await this.db.getRepository(Attendance).find({
      where: { leftAt: IsNull(), ...(before ? { lastSeenAt: LessThan(before) } : {}) },
      select: { id: true, joinedAt: true, lastSeenAt: true },
    });
    for (const row of open) {
      await this.db
        .getRepository(Attendance)
        .update({ id: row.id, leftAt: IsNull() }, { leftAt: row.lastSeenAt ?? row.joinedAt });
    }
    return open.length;
  }

  async saveRoom(sessionId: string, room: string): Promise<void> {
    await this.db
      .getRepository(LiveRoomSnapshot)
      .upsert({ sessionId, room, updatedAt: nowIso() }, { conflictPaths: ['sessionId'] });
  }

  async loadRoom(sessionId: string): Promise<string | null> {
    return (await this.db.getRepository(LiveRoomSnapshot).findOneBy({ sessionId }))?.room ?? null;
  }

  async deleteRoom(sessionId: string): Promise<void> {
    await this.db.getRepository(LiveRoomSnapshot).delete({ sessionId });
  }

  async chatTail(sessionId: string): Promise<ChatMessage[]> {
    const rows = await this.db
      .getRepository(ChatMessageEntity)
      .find({ where: { sessionId }, order: { createdAt: 'ASC' }, take: CHAT_TAIL });
    return rows.map(toChatMessage);
  }

  async saveChat(message: {
    sessionId: string;
    userId: string;
    displayName: string;
    text: string;
    confirmedFindings: FieldFinding[];
  }): Promise<ChatMessage> {
    const repo = this.db.getRepository(ChatMessageEntity);
    return toChatMessage(await repo.save(repo.create(message), NO_TX));
  }
}

const toChatMessage = (m: ChatMessageEntity): ChatMessage => ({
  id: m.id,
  userId: m.userId,
  displayName: m.displayName,
  text: m.text,
  at: m.createdAt,
});
