import type { ChatMessage, RoomPatch } from '@echo-hub/protocol';
import { applyChanges, type ChangeOf, type ChangeOutcome, newSharedRoom, type SharedRoom } from './room-state';

/**
 * Where live rooms' shared state is kept: the seam where a store shared by several instances (Redis) plugs in.
 * Every method returns a promise, whatever the store; a change is computed from the current room and applied
 * as one atomic step (a shared store re-runs `change` when another instance changed the room meanwhile), so
 * parts never write back a room they read earlier.
 */
export interface RoomStore {
  /** The room, created with this chat tail unless it is already open (here or on another instance). */
  open(sessionId: string, chat: ChatMessage[]): Promise<SharedRoom>;
  /** The room, or null when it is not open. */
  load(sessionId: string): Promise<SharedRoom | null>;
  /**
   * Applies what `change` computes from the current room as the next version; resolves with the clients' patch
   * (null when nothing they see changed, or the room is not open).
   */
  apply(sessionId: string, change: ChangeOf): Promise<RoomPatch | null>;
  /**
   * Applies a batch of changes in order as one step (applyChanges); resolves with their patches (none when the
   * room is not open) and each change's outcome.
   */
  applyBatch(sessionId: string, changes: ChangeOf[]): Promise<AppliedBatch>;
  /** What a client at `version` missed: the patches, or null when it must take a full snapshot. */
  since(sessionId: string, version: number): Promise<RoomPatch[] | null>;
  delete(sessionId: string): Promise<void>;
  /** The session ids of the open rooms. */
  list(): Promise<string[]>;
}

export interface AppliedBatch {
  patches: RoomPatch[];
  outcomes: ChangeOutcome[];
}

export const ROOM_STORE = Symbol('RoomStore');

/** A store's `apply`: a batch of one, its error thrown. */
export async function applyOne(store: RoomStore, sessionId: string, change: ChangeOf): Promise<RoomPatch | null> {
  const [outcome] = (await store.applyBatch(sessionId, [change])).outcomes;
  if (outcome && 'error' in outcome) throw outcome.error;
  return outcome?.patch ?? null;
}

/** Patches kept for clients that reconnect; further behind, they get a full snapshot. */
export const PATCH_LOG = 500;

/**
 * Rooms in this process's memory (one instance: today's behaviour). A room is never changed in place, so a
 * loaded room is handed out without copying: a deep copy per join made a join storm quadratic in the room's size.
 */
export class MemoryRoomStore implements RoomStore {
  private readonly rooms = new Map<string, { room: SharedRoom; log: RoomPatch[] }>();

  async open(sessionId: string, chat: ChatMessage[]): Promise<SharedRoom> {
    let entry = this.rooms.get(sessionId);
    if (!entry) {
      entry = { room: newSharedRoom(sessionId, chat), log: [] };
      this.rooms.set(sessionId, entry);
    }
    return entry.room;
  }

  async load(sessionId: string): Promise<SharedRoom | null> {
    return this.rooms.get(sessionId)?.room ?? null;
  }

  /** Puts back a room kept elsewhere (after a restart), without its patch log. */
  protected restore(sessionId: string, room: SharedRoom): void {
    this.rooms.set(sessionId, { room, log: [] });
  }

  apply(sessionId: string, change: ChangeOf): Promise<RoomPatch | null> {
    return applyOne(this, sessionId, change);
  }

  async applyBatch(sessionId: string, changes: ChangeOf[]): Promise<AppliedBatch> {
    const entry = this.rooms.get(sessionId);
    if (!entry) return { patches: [], outcomes: changes.map(() => ({ patch: null })) };
    const { room, patches, outcomes } = applyChanges(entry.room, changes);
    entry.room = room;
    entry.log.push(...patches);
    if (entry.log.length > PATCH_LOG) entry.log.splice(0, entry.log.length - PATCH_LOG);
    return { patches, outcomes };
  }

  async since(sessionId: string, version: number): Promise<RoomPatch[] | null> {
    const entry = this.rooms.get(sessionId);
    return entry ? patchesSince(entry.log, entry.room.state.version, version) : null;
  }

  async delete(sessionId: string): Promise<void> {
    this.rooms.delete(sessionId);
  }

  async list(): Promise<string[]> {
    return [...this.rooms.keys()];
  }
}

/** What a client at `version` missed from a room at `current` with this patch log (null: take a snapshot). */
export function patchesSince(log: RoomPatch[], current: number, version: number): RoomPatch[] | null {
  if (version > current || version < 0) return null;
  if (version === current) return [];
  const first = log[0]?.version ?? Infinity;
  if (version + 1 < first) return null;
  return log.filter((p) => p.version > version);
}
