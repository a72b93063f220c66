import {
  applyPatch,
  type ChatMessage,
  emptyRoomState,
  type LiveParticipant,
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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
