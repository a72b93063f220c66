import {
  applyPatch,
  type ChatMessage,
  emptyRoomState,
  type LiveParticipant,
  patchBase,
  type RoomPatch,
  type RoomState,
} from '@echo-hub/protocol';

/** Consent to record the next case: who agreed, recorded by which host, when. */
export interface RecordingConsent {
  userIds: string[];
  recordedBy: string;
  at: string;
}

/**
 * Everything about a live room that must outlive the instance serving it, as one plain serialisable object:
 * the state every client mirrors (versioned) and the room's own rules the clients do not see. No mediasoup
 * object and no socket is in here: those live on the instance (LiveRoom).
 */
export interface SharedRoom {
  state: RoomState;
  /** Removed by a host: may not come back into this live session. */
  removed: string[];
  consent: RecordingConsent | null;
  /** Bumped for every router built for the room, on whichever instance: clients re-create their transports. */
  mediaEpoch: number;
}

/** A change to a room: what clients see (as in a RoomPatch, without its version) and the room's own rules. */
export interface RoomChange {
  set?: RoomPatch['set'];
  chat?: ChatMessage;
  participants?: { upsert?: LiveParticipant[]; remove?: string[] };
  removed?: string[];
  consent?: RecordingConsent | null;
  mediaEpoch?: number;
}

export function newSharedRoom(sessionId: string, chat: ChatMessage[] = []): SharedRoom {
  return {
    state: emptyRoomState(sessionId, chat),
    removed: [],
    consent: null,
    mediaEpoch: 0,
  };
}

export const participantOf = (state: RoomState, userId: string): LiveParticipant | undefined =>
  state.participants.find((p) => p.userId === userId);

/** Changes one participant (nothing when they are not in the room); the patch carries only them. */
export function updateParticipant(state: RoomState, userId: string, update: Partial<LiveParticipant>): RoomChange {
  const p = participantOf(state, userId);
  return p ? { participants: { upsert: [{ ...p, ...update }] } } : {};
}

/**
 * Sets `set` with the room open: opening a room that was not (Open session, a phase, a case) lets in everyone
 * waiting in the lobby, in the same change.
 */
export function openingChange(state: RoomState, set: NonNullable<RoomPatch['set']>): RoomChange {
  return state.open
    ? { set: { ...set, open: true } }
    : updateEveryParticipant(state, { admitted: true }, { ...set, open: true });
}

/** Applies `update` to every participant, with `set`, in one change. */
export function updateEveryParticipant(
  state: RoomState,
  update: Partial<LiveParticipant>,
  set: RoomPatch['set'] = {},
): RoomChange {
  return { set, participants: { upsert: state.participants.map((p) => ({ ...p, ...update })) } };
}

/**
 * Applies a change to a room without touching it: the next room (a new object, the state is never changed in
 * place, so a state handed out stays as it was) and the clients' patch with the next version (null when nothing
 * they see changed; then the version stays).
 */
export function applyChange(room: SharedRoom, change: RoomChange): { room: SharedRoom; patch: RoomPatch | null } {
  const { state } = room;
  const { set = {}, chat, participants = {} } = change;
  const changed = Object.entries(set).filter(([key, value]) => !same(state[key as keyof RoomState], value));
  const upsert = (participants.upsert ?? []).filter((p) => !same(participantOf(state, p.userId), p));
  const remove = (participants.remove ?? []).filter((userId) => participantOf(state, userId));
  const rules = {
    removed: change.removed ?? room.removed,
    consent: change.consent === undefined ? room.consent : change.consent,
    mediaEpoch: change.mediaEpoch ?? room.mediaEpoch,
  };
  if (changed.length === 0 && !chat && upsert.length === 0 && remove.length === 0) {
    return { room: { ...room, ...rules }, patch: null };
  }
  const patch: RoomPatch = { version: state.version + 1 };
  if (changed.length) patch.set = Object.fromEntries(changed);
  if (chat) patch.chat = chat;
  if (upsert.length || remove.length) {
    patch.participants = { ...(upsert.length > 0 && { upsert }), ...(remove.length > 0 && { remove }) };
  }
  return { room: { state: applyPatch(state, patch), ...rules }, patch };
}

/** A change computed from the room as it is when the change is applied. */
export type ChangeOf = (room: SharedRoom) => RoomChange;

/** What one change of a batch came to: its patch (null: nothing clients see), or what it threw. */
export type ChangeOutcome = { patch: RoomPatch | null } | { error: unknown };

/**
 * Applies a batch of changes in order, each computed from the room the previous ones left, as applyChange does
 * one (a version per patch). A change that throws changes nothing and the others go on; its outcome is the error.
 */
export function applyChanges(
  room: SharedRoom,
  changes: ChangeOf[],
): { room: SharedRoom; patches: RoomPatch[]; outcomes: ChangeOutcome[] } {
  const patches: RoomPatch[] = [];
  const outcomes: ChangeOutcome[] = [];
  let current = room;
  for (const change of changes) {
    try {
      const applied = applyChange(current, change(current));
      current = applied.room;
      if (applied.patch) patches.push(applied.patch);
      outcomes.push({ patch: applied.patch });
    } catch (error) {
      outcomes.push({ error });
    }
  }
  return { room: current, patches, outcomes };
}

/**
 * Consecutive patches as few as they can be said in, for sending (one fan-out, not one per change): each a patch
 * from the version before the first it carries (`from`) to the last one's. Applying them gives exactly the state
 * the patches give one by one. Two chat messages, or someone back in the list after being removed from it (their
 * place in it would differ), take a second patch.
 */
export function coalescePatches(patches: RoomPatch[]): RoomPatch[] {
  const out: RoomPatch[] = [];
  for (const patch of patches) {
    const last = out.at(-1);
    const together = last && mergePatches(last, patch);
    if (together) out[out.length - 1] = together;
    else out.push(patch);
  }
  return out;
}

/** One patch doing what `a` then `b` (the next version) do, or null when one patch cannot say it. */
export function mergePatches(a: RoomPatch, b: RoomPatch): RoomPatch | null {
  if (a.chat && b.chat) return null;
  const removedBefore = new Set(a.participants?.remove);
  const upsertB = b.participants?.upsert ?? [];
  if (upsertB.some((p) => removedBefore.has(p.userId))) return null;
  const removeB = new Set(b.participants?.remove);
  const laterOf = new Map(upsertB.map((p) => [p.userId, p]));
  const upsertA = a.participants?.upsert ?? [];
  const inA = new Set(upsertA.map((p) => p.userId));
  // Someone upserted twice keeps the place of their first upsert (where a newcomer is appended), with the last value.
  const upsert = [
    ...upsertA.filter((p) => !removeB.has(p.userId)).map((p) => laterOf.get(p.userId) ?? p),
    ...upsertB.filter((p) => !inA.has(p.userId)),
  ];
  const remove = [...new Set([...removedBefore, ...removeB])];
  const patch: RoomPatch = { version: b.version, from: patchBase(a) };
  if (a.set || b.set) patch.set = { ...a.set, ...b.set };
  const chat = a.chat ?? b.chat;
  if (chat) patch.chat = chat;
  if (upsert.length || remove.length) {
    patch.participants = { ...(upsert.length > 0 && { upsert }), ...(remove.length > 0 && { remove }) };
  }
  return patch;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
