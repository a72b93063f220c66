import type { ParticipationType, ProgramRole } from './auth';
import { type BreakoutClientToServerEvents, type Breakouts, breakoutOf } from './breakouts';
import type { CaseStage, LiveCase } from './cases';
import type { CoproductionRole } from './coproduction';
import type { CommunityClientToServerEvents, CommunityServerToClientEvents } from './community';
import type { PollClientToServerEvents, PollServerToClientEvents } from './polls';
import { PERMISSIONS } from './permissions';
import type { CaptionClientToServerEvents, CaptionServerToClientEvents, CaptionsState } from './captions';

/**
 * The live teleECHO session: socket.io events between the web client and the one
 * authenticated gateway. Every change of room state is one `room:patch` event carrying
 * the new version; a client that reconnects sends the version it has and gets what it
 * missed (or a full snapshot).
 */

export type LivePhase = 'lobby' | 'introductions' | 'didactic' | 'cases' | 'wrap-up' | 'ended';
export const LIVE_PHASES: LivePhase[] = ['lobby', 'introductions', 'didactic', 'cases', 'wrap-up', 'ended'];

export type MediaKind = 'audio' | 'video';
/** What a producer carries: camera and microphone, or a shared screen. */
export type MediaSource = 'mic' | 'camera' | 'screen';

export interface LiveParticipant {
  userId: string;
  displayName: string;
  role: ProgramRole | 'admin';
  siteId: string | null;
  siteName: string | null;
  participationType: ParticipationType | null;
  /** Connected now (false while a dropped connection may still come back). */
  online: boolean;
  /** Producers this participant has open, by source (ids for consuming). */
  producers: { id: string; source: MediaSource; paused: boolean }[];
  /** Whether they were present at roll call (null until the roll call). */
  present: boolean | null;
  /**
   * Past the lobby: hosts and the hub team always; spokes when a host opens the room (everyone waiting comes in)
   * or admits them one by one. Someone joining a locked room waits (knocks) until a host admits them.
   */
  admitted: boolean;
  /** Their co-production role on this session (co-facilitator, lived-experience expert…), shown as a badge. */
  coproductionRole?: CoproductionRole | null;
}

export interface ChatMessage {
  id: string;
  userId: string;
  displayName: string;
  text: string;
  at: string;
}

export interface RaisedHand {
  userId: string;
  displayName: string;
  at: string;
}

export interface AgendaTimer {
  /** Index into the session's agenda, or null between slots. */
  slot: number | null;
  startedAt: string | null;
  /** Planned length of the slot in seconds (warn near its end). */
  seconds: number;
}

export interface RoomState {
  sessionId: string;
  version: number;
  phase: LivePhase;
  /** The facilitator has opened the room: spokes leave the lobby. */
  open: boolean;
  locked: boolean;
  timer: AgendaTimer;
  presenterId: string | null;
  spotlightId: string | null;
  /** The loudest speaker right now (from the server's active-speaker observer). */
  activeSpeakerId: string | null;
  hands: RaisedHand[];
  participants: LiveParticipant[];
  /** The session's chat, oldest first. */
  chat: ChatMessage[];
  /** Users whose video the server forwards (last-N): the others are audio-only to save bandwidth. */
  videoUserIds: string[];
  /**
   * The next in line after the last-N: sent to those in `videoUserIds` in place of their own video, so that
   * everyone always sees someone (with LAST_N=1 the speaker sees the previous speaker or the presenter).
   */
  videoSpareId: string | null;
  /** The case being presented, its stage and the recommendations captured live (null outside cases). */
  liveCase: LiveCase | null;
  /** What a host tells the people waiting in the lobby ("We start at 12:05"), or null. */
  lobbyMessage: string | null;
  /** True while a recording is running (recordings feature). */
  recording: boolean;
  /** The captioner and automatic captions (captions). */
  captions: CaptionsState;
  endedAt: string | null;
  /** Breakout rooms while they run (breakouts.ts), else null. */
  breakouts: Breakouts | null;
  /** Webinar layout (see onStage): a stage of presenters, everyone else receives only. Absent: off. */
  webinar?: boolean;
  /** People brought on a webinar's stage besides the hub team (in the order they came on). */
  stageUserIds?: string[];
}

/**
 * A change to the room: one event, one version. `set` replaces top-level fields of
 * RoomState; `chat` appends one message to `chat`; `participants` adds or replaces
 * participants by userId (`upsert`, new ones at the end), then removes some by userId
 * (`remove`), so a join or a muted microphone sends one person, not the whole list.
 * Changes made together (people joining at once) arrive as one patch carrying them all:
 * `from` is then the version it applies to (without it, `version - 1`; see patchBase).
 */
export interface RoomPatch {
  version: number;
  /** The version this patch applies to, when it carries several changes (versions from+1 … version). */
  from?: number;
  set?: Partial<Omit<RoomState, 'version' | 'sessionId' | 'chat' | 'participants'>>;
  chat?: ChatMessage;
  participants?: { upsert?: LiveParticipant[]; remove?: string[] };
}

/** A room nobody has changed yet: version 0, in the lobby, empty (the server's start, and specs' base). */
export function emptyRoomState(sessionId: string, chat: ChatMessage[] = []): RoomState {
  return {
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
    videoSpareId: null,
    liveCase: null,
    lobbyMessage: null,
    recording: false,
    captions: { captionerId: null, auto: false },
    endedAt: null,
    breakouts: null,
  };
}

/**
 * Whose camera video the server forwards to `userId`: the last-N without themselves, the spare in their place.
 * While breakouts run, someone in a breakout room gets the others of their room, and the main room no one in one.
 */
export function videoForwardedTo(
  state: Pick<RoomState, 'videoUserIds' | 'videoSpareId'> & { breakouts?: Breakouts | null },
  userId: string,
): string[] {
  const breakouts = state.breakouts ?? null;
  const mine = breakoutOf({ breakouts }, userId);
  if (mine) return mine.userIds.filter((id) => id !== userId);
  const inMain = (id: string) => !breakoutOf({ breakouts }, id);
  const last = state.videoUserIds.filter(inMain);
  if (!last.includes(userId)) return last;
  const others = last.filter((id) => id !== userId);
  return state.videoSpareId && inMain(state.videoSpareId) ? [...others, state.videoSpareId] : others;
}

/** Applies a patch (the client and the server's store use the same function). */
/** The version a patch applies to: a client at another version missed something (or has it already). */
export const patchBase = (patch: RoomPatch): number => patch.from ?? patch.version - 1;

export function applyPatch(state: RoomState, patch: RoomPatch): RoomState {
  if (patch.version <= state.version) return state;
  return {
    ...state,
    ...patch.set,
    participants: patch.participants ? changeParticipants(state.participants, patch.participants) : state.participants,
    chat: patch.chat ? [...state.chat, patch.chat] : state.chat,
    version: patch.version,
  };
}

function changeParticipants(
  list: LiveParticipant[],
  { upsert = [], remove = [] }: NonNullable<RoomPatch['participants']>,
): LiveParticipant[] {
  const replaced = new Map(upsert.map((p) => [p.userId, p]));
  const next = list.map((p) => replaced.get(p.userId) ?? p);
  const known = new Set(list.map((p) => p.userId));
  next.push(...upsert.filter((p) => !known.has(p.userId)));
  const removed = new Set(remove);
  return removed.size ? next.filter((p) => !removed.has(p.userId)) : next;
}

export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: { code: LiveErrorCode; message: string } };

export const LiveErrorCode = {
  Invalid: 'INVALID_PAYLOAD',
  Forbidden: 'FORBIDDEN',
  NotJoined: 'NOT_JOINED',
  NotFound: 'NOT_FOUND',
  Locked: 'ROOM_LOCKED',
  Ended: 'SESSION_ENDED',
  Lobby: 'IN_LOBBY',
  Media: 'MEDIA_ERROR',
  RateLimited: 'RATE_LIMITED',
  IdentifiersFound: 'IDENTIFIERS_FOUND',
} as const;
export type LiveErrorCode = (typeof LiveErrorCode)[keyof typeof LiveErrorCode];

// ---- webinar layout (issue #17) -------------------------------------------------

/** Roles always on a webinar's stage (`live.present` in the permission table, and instance admins). */
export const STAGE_ROLES: readonly (ProgramRole | 'admin')[] = ['admin', ...PERMISSIONS['live.present']];

/**
 * Whether `userId` may send media: always outside a webinar; in one, the hub team and whoever a host brought on
 * stage. Everyone else is a viewer: receive-only (no send transport), still raising a hand and chatting.
 */
export function onStage(state: Pick<RoomState, 'webinar' | 'stageUserIds' | 'participants'>, userId: string): boolean {
  if (!state.webinar) return true;
  if (state.stageUserIds?.includes(userId)) return true;
  const role = state.participants.find((p) => p.userId === userId)?.role;
  return role !== undefined && STAGE_ROLES.includes(role);
}

export interface WebinarRequest {
  on: boolean;
}
/** Brings someone on the stage (`on`), or sends them back to the viewers (their media is closed). */
export interface StageRequest {
  userId: string;
  on: boolean;
}

// ---- payloads ------------------------------------------------------------------

export interface JoinRequest {
  sessionId: string;
  /** Version the client already has (after a reconnect); omit on first join. */
  sinceVersion?: number;
}

export interface JoinResponse {
  /** Full state, or only `patches` when the client was close enough behind. */
  state: RoomState | null;
  patches: RoomPatch[];
  /** The router's RTP capabilities, for mediasoup-client's Device.load(). */
  routerRtpCapabilities: unknown;
  /** Bumped whenever the media router is rebuilt (worker died): re-create transports. */
  mediaEpoch: number;
  /** The caller's permissions in the room. */
  you: { userId: string; host: boolean };
  /** The programme's sites and their localities: where people join from, not flagged in chat. */
  places: string[];
}

/** A TURN server with time-limited credentials (TURN REST form: username `expiry:userId`). */
export interface IceServer {
  urls: string[];
  username: string;
  credential: string;
}

export interface TransportOptions {
  id: string;
  iceParameters: unknown;
  iceCandidates: unknown[];
  dtlsParameters: unknown;
  sctpParameters?: unknown;
  /**
   * The hub's TURN servers, with credentials fresh for this transport (only for someone admitted to the
   * room's media); absent when the hub has no TURN.
   */
  iceServers?: IceServer[];
}

export interface CreateTransportRequest {
  direction: 'send' | 'recv';
}
export interface ConnectTransportRequest {
  transportId: string;
  dtlsParameters: unknown;
}
export interface ProduceRequest {
  transportId: string;
  kind: MediaKind;
  rtpParameters: unknown;
  source: MediaSource;
}
export interface ConsumeRequest {
  transportId: string;
  producerId: string;
  rtpCapabilities: unknown;
}
export interface ConsumerOptions {
  id: string;
  producerId: string;
  kind: MediaKind;
  rtpParameters: unknown;
  userId: string;
  source: MediaSource;
  /** Created paused: the client resumes it once its track is attached. */
  paused: boolean;
}
/** What the client shows of a consumer: off screen → paused; tile height picks the simulcast layer. */
export interface ConsumerViewRequest {
  consumerId: string;
  visible: boolean;
  /** Rendered tile height in CSS pixels (0 when not visible). */
  height: number;
}

export interface ProducerStateRequest {
  producerId: string;
  paused: boolean;
}

export interface ChatRequest {
  text: string;
  /**
   * Spans of `text` the de-identification gate flags and the sender confirms identify nobody. A message
   * with a flagged span not listed here is refused with IDENTIFIERS_FOUND (the web client flags as you type).
   */
  confirmedSpans?: TextSpan[];
}
export interface TextSpan {
  start: number;
  end: number;
}
export interface ReactionRequest {
  emoji: string;
}
export interface Reaction {
  userId: string;
  displayName: string;
  emoji: string;
  at: string;
}
export const REACTIONS = ['👍', '👏', '❤️', '😂', '🙏', '💡'];

/** Facilitator commands. */
export interface TargetRequest {
  userId: string;
}
export interface PhaseRequest {
  phase: LivePhase;
  /** Agenda slot to start (its timer starts now). */
  slot?: number | null;
}
export interface SpotlightRequest {
  userId: string | null;
}
export interface LockRequest {
  locked: boolean;
}
/** Lets people waiting in the lobby in: one, several, or all of them (every id listed). */
export interface AdmitRequest {
  userIds: string[];
}
/** A message to the lobby (empty clears it). */
export interface LobbyMessageRequest {
  text: string;
}
export const LobbyLimits = { maxMessageLength: 300, maxAdmitted: 500 } as const;
export interface MuteRequest {
  /** Omit to mute everyone but the hosts. */
  userId?: string;
}

export const ChatLimits = { maxLength: 2000, perMinute: 30 } as const;
/** Reactions and hand changes (raise or lower) per person per minute: beyond, refused with RATE_LIMITED. */
export const ReactionLimits = { perMinute: 60 } as const;
export const HandLimits = { perMinute: 20 } as const;

// ---- connection quality (each client's own figures; hosts see everyone's) ----------

export type ConnectionLevel = 'good' | 'fair' | 'poor' | 'unknown';
export const CONNECTION_LEVELS: ConnectionLevel[] = ['good', 'fair', 'poor', 'unknown'];

/** What a client measures of its own connection (getStats of its transports) and reports every few seconds. */
export interface QualityReport {
  level: ConnectionLevel;
  /** Round trip to the hub, in ms (null: not measured yet). */
  roundTripMs: number | null;
  /** Packets lost on the last sample, in percent (what we receive, and what the hub reports of what we send). */
  lossPercent: number | null;
  /** What the client sends and receives now, in kbit/s. */
  sendKbps: number | null;
  recvKbps: number | null;
  /** The browser's estimate of the bandwidth it may send (Chromium only). */
  availableKbps: number | null;
  /** No video sent or received (chosen, or automatic on a slow link). */
  audioOnly: boolean;
}

/** A participant's last report as hosts receive it, with the hub's own estimate of the link towards them. */
export interface QualitySample extends QualityReport {
  userId: string;
  /** The hub's estimate of the bandwidth it may send to this person (their receive transport), in kbit/s. */
  downlinkKbps: number | null;
  at: string;
}

/** Clients report every `everyMs`; beyond `perMinute` reports are refused (RATE_LIMITED). Figures above the caps are refused. */
export const QualityLimits = { everyMs: 5000, perMinute: 20, maxKbps: 1_000_000, maxRoundTripMs: 60_000 } as const;

/** The camera's simulcast layers, smallest first: the bitrate each may use, in kbit/s (client encodings, server choice). */
export const CAMERA_LAYER_KBPS = [150, 500, 1200] as const;

// ---- event maps (socket.io generics) --------------------------------------------

type AckFn<T = undefined> = (ack: Ack<T>) => void;

/** Live-session events, plus the community's (community.ts). */
export interface ClientToServerEvents
  extends
    CommunityClientToServerEvents,
    PollClientToServerEvents,
    BreakoutClientToServerEvents,
    CaptionClientToServerEvents {
  'session:join': (req: JoinRequest, ack: AckFn<JoinResponse>) => void;
  'session:leave': (req: Record<string, never>, ack: AckFn) => void;
  'media:createTransport': (req: CreateTransportRequest, ack: AckFn<TransportOptions>) => void;
  'media:connectTransport': (req: ConnectTransportRequest, ack: AckFn) => void;
  'media:restartIce': (req: { transportId: string }, ack: AckFn<{ iceParameters: unknown }>) => void;
  'media:produce': (req: ProduceRequest, ack: AckFn<{ producerId: string }>) => void;
  'media:closeProducer': (req: { producerId: string }, ack: AckFn) => void;
  'media:setProducerPaused': (req: ProducerStateRequest, ack: AckFn) => void;
  'media:consume': (req: ConsumeRequest, ack: AckFn<ConsumerOptions>) => void;
  'media:resumeConsumer': (req: { consumerId: string }, ack: AckFn) => void;
  'media:viewConsumer': (req: ConsumerViewRequest, ack: AckFn) => void;
  'hand:raise': (req: Record<string, never>, ack: AckFn) => void;
  'hand:lower': (req: Partial<TargetRequest>, ack: AckFn) => void;
  'chat:send': (req: ChatRequest, ack: AckFn<ChatMessage>) => void;
  'reaction:send': (req: ReactionRequest, ack: AckFn) => void;
  'host:open': (req: Record<string, never>, ack: AckFn) => void;
  'host:phase': (req: PhaseRequest, ack: AckFn) => void;
  'host:spotlight': (req: SpotlightRequest, ack: AckFn) => void;
  'host:presenter': (req: SpotlightRequest, ack: AckFn) => void;
  'host:mute': (req: MuteRequest, ack: AckFn) => void;
  'host:remove': (req: TargetRequest, ack: AckFn) => void;
  'host:lock': (req: LockRequest, ack: AckFn) => void;
  'host:admit': (req: AdmitRequest, ack: AckFn) => void;
  'host:lobbyMessage': (req: LobbyMessageRequest, ack: AckFn) => void;
  'host:rollCall': (req: { userId: string; present: boolean }, ack: AckFn) => void;
  'host:end': (req: Record<string, never>, ack: AckFn) => void;
  /** Opens a case from this session's queue (phase becomes `cases`, the case is `presenting`). */
  'host:openCase': (req: { caseId: string }, ack: AckFn) => void;
  'host:caseStage': (req: { stage: CaseStage }, ack: AckFn) => void;
  /** Closes the case: the live notes become its written recommendations (after the de-identification gate). */
  'host:closeCase': (req: Record<string, never>, ack: AckFn) => void;
  /** The shared recommendations editor (hosts and experts). */
  'case:notes': (req: { text: string }, ack: AckFn) => void;
  /** Starts or stops recording by hand (didactic slots record by themselves). */
  'host:record': (req: { on: boolean }, ack: AckFn) => void;
  /** Everyone listed agreed to the next case being recorded (kept with the recording). */
  'host:recordConsent': (req: { userIds: string[] }, ack: AckFn) => void;
  /** This client's connection quality (every QualityLimits.everyMs); kept in the room, never stored. */
  'quality:report': (req: QualityReport, ack: AckFn) => void;
  /** Hosts: everyone's last quality sample (those online). */
  'host:quality': (req: Record<string, never>, ack: AckFn<QualitySample[]>) => void;
  /** Hosts (`live.stage`): the webinar layout on or off. */
  'host:webinar': (req: WebinarRequest, ack: AckFn) => void;
  /** Hosts (`live.stage`): bring a viewer on stage, or send them back. */
  'host:stage': (req: StageRequest, ack: AckFn) => void;
}

export interface ServerToClientEvents
  extends CommunityServerToClientEvents, PollServerToClientEvents, CaptionServerToClientEvents {
  'room:patch': (patch: RoomPatch) => void;
  reaction: (reaction: Reaction) => void;
  /** A producer the client may consume appeared (or the client may now see its video). */
  'media:newProducer': (p: { userId: string; producerId: string; source: MediaSource; kind: MediaKind }) => void;
  'media:consumerClosed': (p: { consumerId: string }) => void;
  'media:consumerPaused': (p: { consumerId: string; paused: boolean }) => void;
  /** The media router was rebuilt (its worker died): re-create transports and producers. */
  'media:reset': (p: { mediaEpoch: number; routerRtpCapabilities: unknown }) => void;
  /** The host muted this client's microphone (its producer is paused on the server; the client may unmute). */
  'host:muted': (p: { by: string }) => void;
  /** The recording stopped on an error (the session goes on); hosts are told why. */
  'recording:failed': (p: { message: string }) => void;
  /** Removed by the host, or the session ended: leave the room. */
  'session:kicked': (p: { reason: 'removed' | 'ended' }) => void;
  /** To hosts only: a participant's connection quality, as they reported it. */
  'quality:sample': (p: QualitySample & { sessionId: string }) => void;
}
