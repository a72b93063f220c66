import type { ChatMessage, LiveParticipant, RoomPatch, RoomState } from '@echo-hub/protocol';

/** Patches kept for clients that reconnect; further behind, they get a full snapshot. */
const PATCH_LOG = 500;

/**
 * The one place a live room's state lives. Every change is one patch with the next
 * version, kept in a short log so a reconnecting client gets exactly what it missed.
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

  /** Applies a change and returns its patch (null when nothing changed). */
  change(set: RoomPatch['set'] = {}, chat?: ChatMessage): RoomPatch | null {
    const changed = Object.entries(set).filter(
      ([key, value]) => JSON.stringify(this.state[key as keyof RoomState]) !== JSON.stringify(value),
    );
    if (changed.length === 0 && !chat) return null;
    const patch: RoomPatch = { version: this.state.version + 1 };
    if (changed.length) patch.set = Object.fromEntries(changed);
    if (chat) patch.chat = chat;
    this.state = {
      ...this.state,
      ...patch.set,
      chat: chat ? [...this.state.chat, chat] : this.state.chat,
      version: patch.version,
    };
    this.log.push(patch);
    if (this.log.length > PATCH_LOG) this.log.shift();
    return patch;
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

  /** Replaces one participant (or adds it) and returns the patch. */
  upsertParticipant(p: LiveParticipant): RoomPatch | null {
    const others = this.state.participants.filter((x) => x.userId !== p.userId);
    const index = this.state.participants.findIndex((x) => x.userId === p.userId);
    const participants =
      index < 0 ? [...others, p] : this.state.participants.map((x) => (x.userId === p.userId ? p : x));
    return this.change({ participants });
  }

  updateParticipant(userId: string, update: Partial<LiveParticipant>): RoomPatch | null {
    const p = this.participant(userId);
    return p ? this.upsertParticipant({ ...p, ...update }) : null;
  }
}
