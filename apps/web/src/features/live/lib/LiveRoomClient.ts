import {
  applyPatch,
  type CaptionLine,
  type CaseStage,
  type JoinResponse,
  LiveErrorCode,
  type LivePhase,
  patchBase,
  type QualitySample,
  type Reaction,
  type RoomPatch,
  type RoomState,
  type TextSpan,
  onStage,
} from '@echo-hub/protocol';
import { errorCode, LiveConnection, type LiveEvent, type LiveRequest, LiveRequestError } from './LiveConnection';
import {
  LiveMediaClient,
  type MediaPreferences,
  type MediaSnapshot,
  type MediaRoute,
  type RecvStat,
  type SendStat,
} from './LiveMediaClient';
import type { EchoLiveTestHook } from './testHook';

/** joined: in the room (maybe in the lobby); ended/removed/left: the room is over for us; failed: see `problem`. */
export type RoomStatus = 'connecting' | 'joined' | 'reconnecting' | 'ended' | 'removed' | 'left' | 'failed';

export interface FloatingReaction extends Reaction {
  key: number;
}

export interface LiveSnapshot {
  status: RoomStatus;
  /** Why the room cannot be used (status failed). */
  problem: string | null;
  state: RoomState | null;
  you: JoinResponse['you'] | null;
  /** The programme's sites and localities (chat does not flag them). */
  places: string[];
  /** Past the lobby: hosts and the hub team always, spokes once the room is open. */
  admitted: boolean;
  media: MediaSnapshot;
  /** Reactions floating over tiles right now. */
  reactions: FloatingReaction[];
  /** Said politely to screen readers ("Dr Patel muted your microphone"). */
  announcement: string;
  /** The last command that failed (raise hand, host controls…). */
  actionError: string | null;
  /** Hosts: each participant's last connection quality sample, by user id (empty for everyone else). */
  connections: Record<string, QualitySample>;
}

const REACTION_MS = 4000;
const JOIN_RETRY_MS = 3000;
/** Joins in a row to catch up with a room that keeps changing (each one asks only for what is missing). */
const MAX_JOIN_ROUNDS = 5;

/**
 * One visit to a live session: the signalling connection, the room state kept current
 * with versioned patches, and the media client. Reconnects by itself: socket.io comes
 * back, we re-join with the version we have, and get what we missed; media is recovered
 * or rebuilt. React reads it through `subscribe`/`getSnapshot` (useSyncExternalStore).
 */
export class LiveRoomClient implements EchoLiveTestHook {
  private readonly conn = new LiveConnection();
  private readonly media: LiveMediaClient;
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private roomState: RoomState | null = null;
  private you: JoinResponse['you'] | null = null;
  /** Patches that arrived while joining or after a gap, applied in order once they connect. */
  private pending: RoomPatch[] = [];
  private joining = false;
  private joinAgain = false;
  /** The signalling connection dropped since the last join: media must be checked. */
  private dropped = false;
  private mediaEpoch = 0;
  private routerCaps: unknown = null;
  private reactionKey = 0;
  private snap: LiveSnapshot;

  constructor(
    private readonly sessionId: string,
    prefs: MediaPreferences,
  ) {
    this.media = new LiveMediaClient(
      this.conn,
      () => ({ state: this.roomState, userId: this.you?.userId ?? null }),
      prefs,
      () => this.update({}),
    );
    this.snap = {
      status: 'connecting',
      problem: null,
      state: null,
      you: null,
      places: [],
      admitted: false,
      media: this.media.snapshot,
      reactions: [],
      announcement: '',
      actionError: null,
      connections: {},
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LiveSnapshot => this.snap;

  start(): void {
    const socket = this.conn.socket;
    socket.on('connect', () => void this.join());
    socket.on('disconnect', (reason) => {
      if (this.over) return;
      this.dropped = true;
      this.update({ status: this.roomState ? 'reconnecting' : 'connecting' });
      // When the server closed the connection itself socket.io does not retry: we do.
      if (reason === 'io server disconnect') this.later(() => this.conn.connect(), JOIN_RETRY_MS);
    });
    socket.on('connect_error', (err) => {
      // A refusal by the server (not a network problem) is not retried by socket.io.
      if (socket.active) return;
      this.fail(
        err.message.startsWith('UNAUTHORIZED')
          ? 'Your sign-in has expired. Sign in again to join the session.'
          : `The hub refused the connection: ${err.message}`,
      );
    });
    socket.on('room:patch', (patch) => this.onPatch(patch));
    socket.on('reaction', (reaction) => this.addReaction(reaction));
    socket.on('media:newProducer', (p) => this.media.newProducer(p.userId, p.producerId, p.source));
    socket.on('media:consumerClosed', ({ consumerId }) => this.media.consumerClosed(consumerId));
    socket.on('media:consumerPaused', ({ consumerId, paused }) => this.media.consumerPaused(consumerId, paused));
    socket.on('media:reset', ({ mediaEpoch, routerRtpCapabilities }) => {
      this.mediaEpoch = mediaEpoch;
      this.routerCaps = routerRtpCapabilities;
      if (this.admitted) void this.media.start(mediaEpoch, routerRtpCapabilities);
    });
    socket.on('host:muted', ({ by }) => {
      this.media.hostMuted();
      this.announce(`${by} muted your microphone. Unmute when you want to speak.`);
    });
    socket.on('recording:failed', ({ message }) => this.announce(`The recording stopped: ${message}`));
    socket.on('session:kicked', ({ reason }) => this.finish(reason === 'ended' ? 'ended' : 'removed'));
    socket.on('quality:sample', ({ sessionId, ...sample }) => {
      if (sessionId === this.sessionId)
        this.update({ connections: { ...this.snap.connections, [sample.userId]: sample } });
    });
    this.conn.connect();
  }

  /** Leaves on purpose (the Leave button). */
  async leave(): Promise<void> {
    if (this.over) return;
    this.update({ status: 'left' });
    await this.conn.request('session:leave', {}, 3000).catch(() => undefined);
    this.close();
  }

  /** Closes everything (unmount); the server treats the dropped socket as leaving. */
  dispose(): void {
    this.close();
    this.listeners.clear();
  }

  /** Tries again after a failure. */
  retry(): void {
    this.update({ status: this.roomState ? 'reconnecting' : 'connecting', problem: null });
    if (this.conn.connected) void this.join();
    else this.conn.connect();
  }

  // ---- what people do -------------------------------------------------------------------

  readonly toggleMic = (): void => void this.media.setMic(!this.snap.media.micOn);
  readonly toggleCamera = (): void => void this.media.setCamera(!this.snap.media.cameraOn);
  readonly toggleAudioOnly = (): void => this.media.setAudioOnly(this.snap.media.audioOnly === 'off');
  readonly toggleScreenShare = (): void =>
    void (this.snap.media.sharing ? this.media.stopScreenShare() : this.media.startScreenShare());
  readonly toggleHand = (): void => {
    const raised = this.roomState?.hands.some((h) => h.userId === this.you?.userId) ?? false;
    void (raised ? this.act('hand:lower', {}) : this.act('hand:raise', {}));
  };
  readonly react = (emoji: string): void => void this.act('reaction:send', { emoji });
  readonly retryMedia = (): void => this.media.retry();
  readonly dismissProblem = (): void => {
    this.media.dismissProblem();
    this.update({ actionError: null });
  };
  readonly setView = (consumerId: string, visible: boolean, height: number): void =>
    this.media.setView(consumerId, visible, height);

  /**
   * Sends a chat message with the flagged spans its sender confirmed as not identifying; throws (with a
   * message for people) so the input can keep the text.
   */
  async sendChat(text: string, confirmedSpans: TextSpan[] = []): Promise<void> {
    await this.conn.request('chat:send', { text, confirmedSpans });
  }

  /** The room's signalling connection, for the room's sibling parts (polls) that keep their own state. */
  get signalling(): LiveConnection {
    return this.conn;
  }

  // ---- host controls --------------------------------------------------------------------

  readonly openRoom = () => this.act('host:open', {});
  readonly setPhase = (phase: LivePhase, slot: number | null) => this.act('host:phase', { phase, slot });
  readonly mute = (userId?: string) => this.act('host:mute', userId ? { userId } : {});
  readonly spotlight = (userId: string | null) => this.act('host:spotlight', { userId });
  readonly makePresenter = (userId: string | null) => this.act('host:presenter', { userId });
  readonly remove = (userId: string) => this.act('host:remove', { userId });
  readonly lock = (locked: boolean) => this.act('host:lock', { locked });
  /** Lets people waiting in the lobby in (one, several, or everyone listed). */
  readonly admit = (userIds: string[]) => this.act('host:admit', { userIds });
  readonly setLobbyMessage = (text: string) => this.act('host:lobbyMessage', { text });
  readonly rollCall = (userId: string, present: boolean) => this.act('host:rollCall', { userId, present });
  readonly lowerHandOf = (userId: string) => this.act('hand:lower', { userId });
  /** The webinar layout (stage.ts): on or off, and who is brought on stage or sent back. */
  readonly setWebinar = (on: boolean) => this.act('host:webinar', { on });
  readonly setStage = (userId: string, on: boolean) => this.act('host:stage', { userId, on });
  readonly endForAll = () => this.act('host:end', {});
  readonly record = (on: boolean) => this.act('host:record', { on });
  /** Records that everyone listed agreed to the next case being recorded. */
  readonly recordConsent = (userIds: string[]) => this.act('host:recordConsent', { userIds });

  // ---- captions (the caption bar) -----------------------------------------------------------

  /** Caption lines as they come (not kept in the room state); returns the way to stop listening. */
  onCaption(listener: (line: CaptionLine) => void): () => void {
    const socket = this.conn.socket;
    socket.on('caption:line', listener);
    return () => void socket.off('caption:line', listener);
  }
  readonly setCaptioner = (userId: string | null) => this.act('host:captioner', { userId });
  readonly setAutoCaptions = (on: boolean) => this.act('host:autoCaptions', { on });
  /** The captioner's line as typed so far, or finished; throws so the caption input can say why. */
  async sendCaption(text: string, final: boolean): Promise<void> {
    await this.conn.request('caption:send', { text, final });
  }

  // ---- the case flow (hosts; the notes also experts) -----------------------------------------
  // These throw (a LiveRequestError with the hub's message) so the case panel can say what went wrong.

  async openCase(caseId: string): Promise<void> {
    await this.conn.request('host:openCase', { caseId });
  }

  async setCaseStage(stage: CaseStage): Promise<void> {
    await this.conn.request('host:caseStage', { stage });
  }

  /** Closes the open case: its notes become the written recommendations (refused with IDENTIFIERS_FOUND). */
  async closeCase(): Promise<void> {
    await this.conn.request('host:closeCase', {});
  }

  async setCaseNotes(text: string): Promise<void> {
    await this.conn.request('case:notes', { text });
  }

  // ---- breakout rooms (throw the hub's message, so the breakout panel can say what went wrong) ----------

  async breakout<E extends Extract<LiveEvent, `breakout:${string}`>>(event: E, payload: LiveRequest<E>): Promise<void> {
    await this.conn.request(event, payload);
  }

  // ---- test hook ----------------------------------------------------------------------------

  state(): RoomState | null {
    return this.roomState;
  }

  recvStats(): Promise<RecvStat[]> {
    return this.media.recvStats();
  }

  sendStats(): Promise<SendStat[]> {
    return this.media.sendStats(this.you?.userId ?? '');
  }

  route(): Promise<MediaRoute> {
    return this.media.route();
  }

  // ---- joining and state ------------------------------------------------------------------

  private get over(): boolean {
    return ['ended', 'removed', 'left'].includes(this.snap.status);
  }

  private get admitted(): boolean {
    const state = this.roomState;
    const you = this.you;
    if (!state || !you) return false;
    return you.host || Boolean(state.participants.find((p) => p.userId === you.userId)?.admitted);
  }

  private async join(): Promise<void> {
    if (this.over) return;
    if (this.joining) {
      this.joinAgain = true;
      return;
    }
    this.joining = true;
    try {
      let state = this.roomState;
      for (let attempt = 0; attempt < MAX_JOIN_ROUNDS && (!state || attempt === 0 || this.joinAgain); attempt++) {
        this.joinAgain = false;
        const res = await this.conn.request(
          'session:join',
          state ? { sessionId: this.sessionId, sinceVersion: state.version } : { sessionId: this.sessionId },
        );
        if (this.over) return;
        this.you = res.you;
        if (res.places) this.update({ places: res.places });
        this.mediaEpoch = res.mediaEpoch;
        this.routerCaps = res.routerRtpCapabilities;
        state = res.state ?? state;
        for (const patch of res.patches) {
          if (state && patchBase(patch) === state.version) state = applyPatch(state, patch);
          else if (state && patch.version > state.version) state = null; // a hole: ask for a snapshot
        }
        state = state && this.applyPending(state);
      }
      if (!state) throw new LiveRequestError(LiveErrorCode.Invalid, 'The hub sent an incomplete room state.');
      this.setState(state, true);
      const dropped = this.dropped;
      this.dropped = false;
      this.update({ status: 'joined', problem: null });
      this.syncMedia(dropped);
      if (this.you?.host) void this.loadConnections();
    } catch (e) {
      this.onJoinError(e);
    } finally {
      this.joining = false;
    }
  }

  /** Hosts: everyone's connection quality so far (later samples arrive as `quality:sample`). */
  private async loadConnections(): Promise<void> {
    const samples = await this.conn.request('host:quality', {}).catch(() => []);
    const connections = { ...this.snap.connections };
    for (const sample of samples) {
      if ((connections[sample.userId]?.at ?? '') < sample.at) connections[sample.userId] = sample;
    }
    this.update({ connections });
  }

  private onJoinError(e: unknown): void {
    switch (errorCode(e)) {
      case LiveErrorCode.Ended:
        return this.finish('ended');
      case LiveErrorCode.Locked:
        return this.fail('The room is locked. Ask the facilitator to unlock it, then try again.');
      case 'TIMEOUT':
        // Still connected: the hub is slow, ask again. Disconnected: the reconnection joins.
        if (this.conn.connected) this.later(() => void this.join(), JOIN_RETRY_MS);
        return;
      default:
        return this.fail(e instanceof LiveRequestError ? e.message : 'The live session could not be joined.');
    }
  }

  /** Applies the buffered patches that follow `state`; a hole left in them means re-joining. */
  private applyPending(state: RoomState): RoomState {
    const patches = this.pending.sort((a, b) => a.version - b.version);
    this.pending = [];
    let next = state;
    for (const patch of patches) {
      if (patch.version <= next.version) continue;
      if (patchBase(patch) !== next.version) {
        this.pending = patches.filter((p) => p.version > next.version);
        this.joinAgain = true;
        break;
      }
      next = applyPatch(next, patch);
    }
    return next;
  }

  private onPatch(patch: RoomPatch): void {
    const state = this.roomState;
    if (!state || this.joining) {
      this.pending.push(patch);
      return;
    }
    if (patch.version <= state.version) return;
    if (patchBase(patch) !== state.version) {
      // Missed one: re-join with the version we have and get the rest.
      this.pending.push(patch);
      void this.join();
      return;
    }
    this.setState(applyPatch(state, patch), false);
  }

  /** Takes a new state: media follows who is there, hosts hear about raised hands. */
  private setState(next: RoomState, joined: boolean): void {
    const prev = this.roomState;
    const wasAdmitted = this.admitted;
    this.roomState = next;
    if (!joined && prev) {
      if (this.admitted && !wasAdmitted) this.syncMedia(false);
      // Brought on a webinar's stage or sent back: rebuild with (or without) a sending transport.
      else if (this.you && onStage(prev, this.you.userId) !== onStage(next, this.you.userId))
        this.syncMedia(false, true);
      // Breakout rooms changed: consume the new room's producers and drop the others'.
      else if (prev.breakouts !== next.breakouts) this.media.sync(true);
      else if (prev.participants !== next.participants || prev.videoUserIds !== next.videoUserIds) {
        this.media.sync(false);
      }
      const newHands = next.hands.filter((h) => !prev.hands.some((p) => p.userId === h.userId));
      if (this.you?.host && newHands.length) {
        this.announce(`${newHands.map((h) => h.displayName).join(', ')} raised a hand.`);
      }
    }
    this.update({ state: next, you: this.you, admitted: this.admitted });
    if (next.phase === 'ended') this.finish('ended');
  }

  /** Starts media once admitted; after a dropped connection checks the transports; after a router reset rebuilds. */
  private syncMedia(dropped: boolean, rebuild = false): void {
    if (!this.admitted) return;
    if (rebuild || this.media.epoch !== this.mediaEpoch) void this.media.start(this.mediaEpoch, this.routerCaps);
    else if (dropped) void this.media.recover();
    else this.media.sync(true);
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private async act<E extends LiveEvent>(event: E, payload: LiveRequest<E>): Promise<void> {
    try {
      await this.conn.request(event, payload);
      if (this.snap.actionError) this.update({ actionError: null });
    } catch (e) {
      this.update({ actionError: e instanceof Error ? e.message : String(e) });
    }
  }

  private addReaction(reaction: Reaction): void {
    const floating = { ...reaction, key: ++this.reactionKey };
    this.update({ reactions: [...this.snap.reactions.slice(-29), floating] });
    this.later(() => this.update({ reactions: this.snap.reactions.filter((r) => r !== floating) }), REACTION_MS);
  }

  private announce(text: string): void {
    // The same words twice in a row must still change the live region to be read again.
    this.update({ announcement: this.snap.announcement === text ? `${text}\u00a0` : text });
  }

  private fail(problem: string): void {
    this.update({ status: 'failed', problem });
  }

  private finish(status: 'ended' | 'removed'): void {
    if (this.over) return;
    this.update({ status });
    this.close();
  }

  private close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.media.close();
    this.conn.close();
  }

  private later(work: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }

  private update(change: Partial<LiveSnapshot>): void {
    this.snap = { ...this.snap, ...change, media: this.media.snapshot };
    for (const listener of this.listeners) listener();
  }
}
