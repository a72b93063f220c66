import { applyPatch, type ChatMessage, type LiveParticipant, type RoomPatch, type RoomState } from '@echo-hub/protocol';

/** Patches kept for clients that reconnect; further behind, they get a full snapshot. */
const PATCH_LOG = 500;

/**
 * The one place a live room's state lives. Every change is one patch with the next
 * version, kept in a short log so a reconnecting client gets exactly what it missed.
 * A state is never changed in place (each change makes a new one), so `current` is handed out without copying.
 */
export class RoomStateStore {
  private state: RoomState;
  private readonly log: RoomPatch[] = [];

  constructor(sessionId: string, chat: ChatMessage[] = []) {
    this.state = {
      sessionId,
      version: 0,
      phase: 'lobby',
      open: false,
      locked: false,
      timer: { slot: null, startedAt: null, seconds: 0 },
      presenterId: null,
      spotlightId: null,
      activeSpeakerId: null,
      hands: [],
      participants: [],
      chat,
      videoUserIds: [],
      liveCase: null,
      recording: false,
      endedAt: null,
    };
  }

  get current(): Readonly<RoomState> {
    return this.state;
  }

  /** Applies a change and returns its patch (null when nothing changed); participants change through the methods below. */
  change(set: RoomPatch['set'] = {}, chat?: ChatMessage): RoomPatch | null {
    return this.commit({ set, chat });
  }

  /** What a client at `version` missed: the patches, or null when it must take a full snapshot. */
  since(version: number): RoomPatch[] | null {
    if (version > this.state.version || version < 0) return null;
    if (version === this.state.version) return [];
    const first = this.log[0]?.version ?? Infinity;
    if (version + 1 < first) return null;
    return this.log.filter((p) => p.version > version);
  }

  participant(userId: string): LiveParticipant | undefined {
    return this.state.participants.find((p) => p.userId === userId);
  }

  /** Replaces one participant (or adds it) and returns the patch, which carries only that participant. */
  upsertParticipant(p: LiveParticipant): RoomPatch | null {
    return this.commit({ participants: { upsert: [p] } });
  }

  updateParticipant(userId: string, update: Partial<LiveParticipant>): RoomPatch | null {
    const p = this.participant(userId);
    return p ? this.upsertParticipant({ ...p, ...update }) : null;
  }

  /** Applies `update` to every participant, with `set`, in one patch (it carries the participants that changed). */
  updateEveryParticipant(update: Partial<LiveParticipant>, set: RoomPatch['set'] = {}): RoomPatch | null {
    return this.commit({ set, participants: { upsert: this.state.participants.map((p) => ({ ...p, ...update })) } });
  }

  /** Removes one participant, with `set`, in one patch. */
  removeParticipant(userId: string, set: RoomPatch['set'] = {}): RoomPatch | null {
    return this.commit({ set, participants: { remove: [userId] } });
  }

  /** Records the parts of a change that change something as the next version (null when none do). */
  private commit({ set = {}, chat, participants = {} }: Omit<RoomPatch, 'version'>): RoomPatch | null {
    const changed = Object.entries(set).filter(([key, value]) => !same(this.state[key as keyof RoomState], value));
    const upsert = (participants.upsert ?? []).filter((p) => !same(this.participant(p.userId), p));
    const remove = (participants.remove ?? []).filter((userId) => this.participant(userId));
    if (changed.length === 0 && !chat && upsert.length === 0 && remove.length === 0) return null;
    const patch: RoomPatch = { version: this.state.version + 1 };
    if (changed.length) patch.set = Object.fromEntries(changed);
    if (chat) patch.chat = chat;
    if (upsert.length || remove.length) {
      patch.participants = { ...(upsert.length > 0 && { upsert }), ...(remove.length > 0 && { remove }) };
    }
    this.state = applyPatch(this.state, patch);
    this.log.push(patch);
    if (this.log.length > PATCH_LOG) this.log.shift();
    return patch;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
