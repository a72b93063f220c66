/**
 * Factories for the live parts' unit specs (not built into the server): the parts wired as LiveModule wires them,
 * on the in-memory room store, with what lies outside the live feature replaced by small in-memory stand-ins
 * (database records, cases, recorder, mediasoup router). No network, no database, no worker process.
 */
import type { AgendaItemDto, ChatMessage, FieldFinding, ServerToClientEvents } from '@echo-hub/protocol';
import { EventEmitter } from 'node:events';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { AuthUser } from '../auth/auth.types';
import type { CasesService } from '../cases';
import { RateLimitService } from '../common/rate-limit.service';
import type { AppConfig } from '../config/config';
import type { WorkerPool } from '../media';
import type { Membership } from '../programs/entities/membership.entity';
import { RealtimeService } from '../realtime/realtime.service';
import type { RightsService } from '../realtime/rights.service';
import type { RecordingsService } from '../recordings';
import type { RedisService } from '../redis/redis.service';
import { type EchoSession, SessionEvents, type SessionsService } from '../sessions';
import { LiveAgenda } from './agenda';
import { LiveAttendance } from './attendance';
import { LiveBreakouts } from './breakouts';
import { FacilitatorControls } from './facilitator-controls';
import type { Poll, PollAnswer } from './entities/poll.entity';
import { LiveHands } from './hands';
import { LiveCases } from './live-cases';
import { LiveChat } from './live-chat';
import { LiveQuality } from './connection-quality';
import { LiveMedia } from './live-media';
import type { LiveRecords } from './live.records';
import type { LiveClient, LiveRole } from './live.types';
import { LiveParticipants } from './participants';
import type { NewPoll, NewPollAnswer, PollRecords } from './poll.records';
import { LivePolls } from './polls';
import { RoomLifecycle } from './room-lifecycle';
import { OwnerLeases } from './owner-lease';
import { RoomRecording } from './room-recording';
import { RoomRegistry } from './room-registry';
import { DbRoomStore } from './db-room-store';

let ids = 0;
const nextId = (prefix: string) => `${prefix}-${++ids}`;

export const user = (name: string, isAdmin = false): AuthUser => ({
  id: nextId(name),
  email: `${name}@example.org`,
  displayName: `Test ${name}`,
  isAdmin,
  sessionId: nextId('login'),
});

export const socketOf = (u: AuthUser): LiveClient => ({ socketId: nextId('socket'), user: u });

export const agendaItem = (kind: 'didactic' | 'case', minutes: number, title = ''): AgendaItemDto => ({
  id: nextId('item'),
  position: 0,
  kind,
  title,
  minutes,
  presenter: null,
  slides: null,
});

/** Everything the live parts sent, in order. */
export class SentEvents extends RealtimeService {
  readonly sent: { room: string; event: keyof ServerToClientEvents; payload: unknown }[] = [];

  constructor() {
    super({ client: undefined } as RedisService); // one instance
  }

  override to<E extends keyof ServerToClientEvents>(
    room: string | string[],
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    for (const r of [room].flat()) this.sent.push({ room: r, event, payload: args[0] });
  }

  override async leaveAll(): Promise<void> {}

  of(event: keyof ServerToClientEvents, room?: string): unknown[] {
    return this.sent.filter((e) => e.event === event && (!room || e.room === room)).map((e) => e.payload);
  }
}

/** The live feature's records, kept in arrays. */
export class MemoryLiveRecords implements Pick<LiveRecords, keyof LiveRecords> {
  readonly sessions = new Map<string, EchoSession>();
  readonly memberships: Membership[] = [];
  readonly attendance: {
    id: string;
    sessionId: string;
    userId: string;
    role: LiveRole;
    siteId: string | null;
    leftAt: string | null;
    lastSeenAt: string | null;
  }[] = [];
  readonly snapshots = new Map<string, string>();
  readonly chat: (ChatMessage & { sessionId: string; confirmedFindings: FieldFinding[] })[] = [];

  addSession(programId = nextId('program')): EchoSession {
    const session = { id: nextId('session'), programId, status: 'scheduled' } as EchoSession;
    this.sessions.set(session.id, session);
    return session;
  }

  addMember(session: EchoSession, u: AuthUser, role: LiveRole, siteId: string | null = null): void {
    if (role === 'admin') return;
    this.memberships.push({
      programId: session.programId,
      userId: u.id,
      role,
      siteId,
      participationType: 'staff',
    } as Membership);
  }

  async sessionAndMembership(sessionId: string, userId: string) {
    const session = this.sessions.get(sessionId) ?? null;
    const membership = this.memberships.find((m) => m.programId === session?.programId && m.userId === userId) ?? null;
    return { session, membership };
  }

  async setSessionStatus(sessionId: string, status: 'live' | 'ended'): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (session) session.status = status;
  }

  async openAttendance(row: { sessionId: string; userId: string; role: LiveRole; siteId: string | null }) {
    const id = nextId('attendance');
    this.attendance.push({ id, ...row, leftAt: null, lastSeenAt: new Date().toISOString() });
    return id;
  }

  async closeAttendance(id: string): Promise<void> {
    for (const r of this.attendance) if (r.id === id && !r.leftAt) r.leftAt = new Date().toISOString();
  }

  async closeOpenAttendance(sessionId: string, userId?: string): Promise<void> {
    for (const r of this.attendance) {
      if (r.sessionId === sessionId && !r.leftAt && (!userId || r.userId === userId)) {
        r.leftAt = new Date().toISOString();
      }
    }
  }

  readonly places = new Map<string, string[]>();

  async sitePlaces(programId: string): Promise<string[]> {
    return this.places.get(programId) ?? [];
  }

  async attendanceSeen(ids: string[]): Promise<void> {
    for (const r of this.attendance) if (ids.includes(r.id) && !r.leftAt) r.lastSeenAt = new Date().toISOString();
  }

  async closeAbandonedAttendance(before?: string): Promise<number> {
    const open = this.attendance.filter((r) => !r.leftAt && (!before || (r.lastSeenAt ?? '') < before));
    for (const r of open) r.leftAt = r.lastSeenAt;
    return open.length;
  }

  async saveRoom(sessionId: string, room: string): Promise<void> {
    this.snapshots.set(sessionId, room);
  }

  async loadRoom(sessionId: string): Promise<string | null> {
    return this.snapshots.get(sessionId) ?? null;
  }

  async deleteRoom(sessionId: string): Promise<void> {
    this.snapshots.delete(sessionId);
  }

  async chatTail(sessionId: string): Promise<ChatMessage[]> {
    return this.chat
      .filter((m) => m.sessionId === sessionId)
      .map(({ id, userId, displayName, text, at }) => ({ id, userId, displayName, text, at }));
  }

  async saveChat(m: Omit<(typeof this.chat)[number], 'id' | 'at'>): Promise<ChatMessage> {
    const row = { ...m, id: nextId('chat'), at: new Date().toISOString() };
    this.chat.push(row);
    return { id: row.id, userId: row.userId, displayName: row.displayName, text: row.text, at: row.at };
  }
}

/** The rights of sign-ins as the live parts re-check them, read from the records' memberships (none ended). */
export function rightsOf(records: MemoryLiveRecords): RightsService {
  return {
    current: async (u: AuthUser, programId?: string) => ({
      isAdmin: u.isAdmin,
      role: records.memberships.find((m) => m.programId === programId && m.userId === u.id)?.role ?? null,
    }),
  } as unknown as RightsService;
}

/** The polls' records, kept in arrays. */
export class MemoryPollRecords implements Pick<PollRecords, keyof PollRecords> {
  readonly polls: Poll[] = [];
  readonly answerRows: PollAnswer[] = [];

  async create(row: NewPoll): Promise<Poll> {
    const poll = { ...row, id: nextId('poll'), createdAt: new Date().toISOString() } as Poll;
    this.polls.push(poll);
    return { ...poll } as Poll;
  }

  async get(pollId: string) {
    const poll = this.polls.find((p) => p.id === pollId);
    return poll ? ({ ...poll } as Poll) : null;
  }

  async list(sessionId: string) {
    return this.polls.filter((p) => p.sessionId === sessionId).map((p) => ({ ...p }) as Poll);
  }

  async update(pollId: string, change: Partial<Poll>): Promise<void> {
    Object.assign(this.polls.find((p) => p.id === pollId) ?? {}, change);
  }

  async remove(pollId: string): Promise<void> {
    this.polls.splice(
      this.polls.findIndex((p) => p.id === pollId),
      1,
    );
  }

  /** Every slot id counts as the session's here (the database checks it). */
  async hasSlot(): Promise<boolean> {
    return true;
  }

  async answers(pollId: string) {
    return this.answerRows.filter((a) => a.pollId === pollId);
  }

  async saveAnswer(row: NewPollAnswer): Promise<void> {
    const existing = this.answerRows.find((a) => a.pollId === row.pollId && a.userId === row.userId);
    if (existing) Object.assign(existing, row);
    else this.answerRows.push({ ...row, id: nextId('answer'), createdAt: new Date().toISOString() } as PollAnswer);
  }
}

/** A mediasoup Router as far as a MediaRoom without peers uses it. */
function fakeRouter() {
  const router = Object.assign(new EventEmitter(), {
    closed: false,
    observer: new EventEmitter(),
    rtpCapabilities: { codecs: [] },
    close: () => void (router.closed = true),
    createActiveSpeakerObserver: async () => ({ on: () => undefined, addProducer: async () => undefined }),
    createAudioLevelObserver: async () => ({ on: () => undefined, addProducer: async () => undefined }),
  });
  return router;
}

/** The cases feature, as the live case flow uses it: a queue of cases and the recommendations written. */
export class CasesStandIn {
  readonly queue = new Map<string, { presenterId: string; title: string; position: number }>();
  readonly finished: { caseId: string; notes: string }[] = [];
  readonly returned: string[] = [];
  /** Set to refuse the next recommendations, as the de-identification gate does. */
  refuse?: Error;

  async startPresenting(_sessionId: string, caseId: string) {
    const c = this.queue.get(caseId);
    if (!c) throw new Error(`no case ${caseId}`);
    return c;
  }

  async finishPresenting(caseId: string, notes: string): Promise<void> {
    if (this.refuse) throw this.refuse;
    this.finished.push({ caseId, notes });
  }

  async returnUnfinished(caseId: string): Promise<{ sessionId: string | null }> {
    this.returned.push(caseId);
    return { sessionId: null };
  }
}

/**
 * The live parts wired as LiveModule wires them, with the stand-ins above; on `records` of an earlier liveParts,
 * the same hub started again (its rooms' state kept in the records' snapshots).
 */
export function liveParts(agenda: AgendaItemDto[] = [], records = new MemoryLiveRecords()) {
  const realtime = new SentEvents();
  const cases = new CasesStandIn();
  const recorder = {
    isRecording: () => false,
    stop: async () => undefined,
    keyFrame: async () => undefined,
    finishInterrupted: async () => undefined,
    latest: async () => null,
  };
  /** One live worker; a test may make createRouter fail or set size to 0 (every worker down). */
  const pool = {
    size: 1,
    createRouter: async () => fakeRouter(),
    events: new EventEmitter(),
    workerOf: () => undefined,
  };
  const config = { mediasoup: { lastN: 9 } } as AppConfig;
  const sessions = { get: async () => ({ agenda }) } as unknown as SessionsService;
  const sessionEvents = new SessionEvents();
  const liveRecords = records as unknown as LiveRecords;
  const pollRecords = new MemoryPollRecords();

  const limits = new RateLimitService(new ThrottlerStorageService());
  const leases = new OwnerLeases({ client: undefined } as RedisService); // one instance: it owns every session
  const store = new DbRoomStore(records); // as LiveModule has it on one instance
  const rooms = new RoomRegistry(store, pool as unknown as WorkerPool, realtime, config, leases, rightsOf(records));
  const attendance = new LiveAttendance(liveRecords);
  const recording = new RoomRecording(rooms, recorder as unknown as RecordingsService, realtime);
  const liveCases = new LiveCases(rooms, cases as unknown as CasesService, recording);
  const breakouts = new LiveBreakouts(rooms, recording, limits);
  const lifecycle = new RoomLifecycle(
    rooms,
    liveRecords,
    sessions,
    sessionEvents,
    attendance,
    recording,
    realtime,
    liveCases,
    breakouts,
  );
  const participants = new LiveParticipants(rooms, lifecycle, liveRecords, attendance, realtime);
  const media = new LiveMedia(rooms, realtime, config);
  return {
    realtime,
    records,
    pool,
    cases,
    sessionEvents,
    rooms,
    attendance,
    recording,
    lifecycle,
    participants,
    media,
    hands: new LiveHands(rooms, limits),
    chat: new LiveChat(rooms, liveRecords, realtime, limits),
    agenda: new LiveAgenda(rooms, recording),
    controls: new FacilitatorControls(rooms, media, realtime),
    liveCases,
    quality: new LiveQuality(rooms, realtime, limits),
    pollRecords,
    breakouts,
    polls: new LivePolls(rooms, pollRecords as unknown as PollRecords, liveRecords, realtime, limits),
  };
}

export type LiveParts = ReturnType<typeof liveParts>;

/**
 * A session with a facilitator and spokes joined (through LiveParticipants.join, as the gateway does), the room
 * opened by the host unless `open: false`.
 */
export async function sessionWith(
  parts: LiveParts,
  people: { spokes?: number; experts?: number; open?: boolean } = {},
) {
  const session = parts.records.addSession();
  const enter = async (name: string, role: LiveRole) => {
    const u = user(name, role === 'admin');
    parts.records.addMember(session, u, role);
    const client = socketOf(u);
    await parts.participants.join(client, { sessionId: session.id });
    return client;
  };
  const host = await enter('host', 'facilitator');
  const spokes: LiveClient[] = [];
  for (let i = 0; i < (people.spokes ?? 2); i++) spokes.push(await enter(`spoke${i}`, 'participant'));
  const experts: LiveClient[] = [];
  for (let i = 0; i < (people.experts ?? 0); i++) experts.push(await enter(`expert${i}`, 'expert'));
  if (people.open !== false) await parts.lifecycle.open(host);
  const room = parts.rooms.get(session.id);
  if (!room) throw new Error('the room did not open');
  return { session, room, host, spokes, experts, enter, state: () => room.state() };
}
