import type { ChatMessage } from '@echo-hub/protocol';
import { Logger } from '@nestjs/common';
import type { ChangeOf, SharedRoom } from './room-state';
import { type AppliedBatch, MemoryRoomStore } from './room-store';

/** Where DbRoomStore keeps each open room (LiveRecords: the live_room_snapshot table). */
export interface RoomSnapshots {
  saveRoom(sessionId: string, room: string): Promise<void>;
  loadRoom(sessionId: string): Promise<string | null>;
  deleteRoom(sessionId: string): Promise<void>;
}

/**
 * Rooms in this process's memory, each also written to the database as it changes (one instance, no Redis): a
 * crash loses no session. A change is acknowledged once a write that includes it is done; changes arriving while
 * a write is under way share the next write (a join storm makes a few writes, not one per change). `open()` of a
 * room not in memory (after a restart) takes it from its snapshot, with the chat tail from the chat table (the
 * snapshot leaves the chat out). The patch log is not kept: a client that reconnects after a restart gets a
 * snapshot.
 */
export class DbRoomStore extends MemoryRoomStore {
  private readonly logger = new Logger(DbRoomStore.name);
  private readonly writes = new Map<string, { chain: Promise<void>; next: Promise<void> | null }>();

  constructor(private readonly snapshots: RoomSnapshots) {
    super();
  }

  override async open(sessionId: string, chat: ChatMessage[]): Promise<SharedRoom> {
    if (!(await super.load(sessionId))) {
      const saved = await this.snapshots.loadRoom(sessionId);
      if (saved) {
        const room = JSON.parse(saved) as SharedRoom;
        this.restore(sessionId, { ...room, state: { ...room.state, chat } });
        return super.open(sessionId, chat);
      }
      const room = await super.open(sessionId, chat);
      await this.persist(sessionId);
      return room;
    }
    return super.open(sessionId, chat);
  }

  override async applyBatch(sessionId: string, changes: ChangeOf[]): Promise<AppliedBatch> {
    const applied = await super.applyBatch(sessionId, changes);
    if (await super.load(sessionId)) await this.persist(sessionId); // the room's own rules change without a patch
    return applied;
  }

  override async delete(sessionId: string): Promise<void> {
    await super.delete(sessionId);
    await this.writes.get(sessionId)?.chain;
    this.writes.delete(sessionId);
    await this.snapshots.deleteRoom(sessionId);
  }

  /** Resolves once the room as it is now (or later) is written; a failed write is logged, the session goes on. */
  private persist(sessionId: string): Promise<void> {
    let entry = this.writes.get(sessionId);
    if (!entry) {
      entry = { chain: Promise.resolve(), next: null };
      this.writes.set(sessionId, entry);
    }
    if (entry.next) return entry.next; // a write not yet started: it will take this change too
    const queue = entry;
    const next = queue.chain.then(async () => {
      queue.next = null;
      const room = await super.load(sessionId);
      if (!room) return;
      const json = JSON.stringify({ ...room, state: { ...room.state, chat: [] } });
      await this.snapshots.saveRoom(sessionId, json).catch((e: Error) => {
        this.logger.error(`session ${sessionId}: could not keep the room's state: ${e.message}`);
      });
    });
    queue.next = next;
    queue.chain = next;
    return next;
  }
}
