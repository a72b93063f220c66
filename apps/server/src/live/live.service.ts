import {
  type CaseStage,
  type ChatMessage,
  ChatLimits,
  type ConsumerOptions,
  type JoinResponse,
  LiveErrorCode,
  type LivePhase,
  type ProgramRole,
  type TransportOptions,
} from '@echo-hub/protocol';
import { scan } from '@echo-hub/deid';
import { Inject, Injectable, type OnApplicationShutdown, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { AuthUser } from '../auth/auth.types';
import { CasesService } from '../cases/cases.service';
import { refuseUnconfirmed } from '../cases/deid-gate';
import { RecordingsService } from '../recordings/recordings.service';
import { RateLimiter } from '../common/rate-limiter';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { nowIso } from '../database/columns';
import { NO_TX } from '../database/no-tx';
import type { ms } from '../media/mediasoup';
import { turnCredentials } from '../media/turn-credentials';
import { WorkerPool } from '../media/worker-pool';
import { Membership } from '../programs/entities/membership.entity';
import { RealtimeService } from '../realtime/realtime.service';
import { EchoSession } from '../sessions/entities/echo-session.entity';
import { SessionEvents } from '../sessions/session-events';
import { SessionsService } from '../sessions/sessions.service';
import type {
  ChatDto,
  ConnectTransportDto,
  ConsumeDto,
  ConsumerViewDto,
  JoinDto,
  PhaseDto,
  ProduceDto,
  ProducerStateDto,
} from './dto/live.dto';
import { Attendance } from './entities/attendance.entity';
import { ChatMessageEntity } from './entities/chat-message.entity';
import { LiveRoom, sessionRoom } from './live-room';
import { forbidden, LiveError, notFound } from './live.errors';
import { RoomStateStore } from './room-state';

/** Who is behind a socket, once it has joined a session. */
export interface LiveClient {
  socketId: string;
  user: AuthUser;
  sessionId?: string;
  host?: boolean;
  attendanceId?: string;
}

const HOST_ROLES: (ProgramRole | 'admin')[] = ['facilitator', 'coordinator', 'admin'];
/** The hub team skips the lobby; spokes wait until a host opens the room. */
const HUB_ROLES: (ProgramRole | 'admin')[] = [...HOST_ROLES, 'expert'];

@Injectable()
export class LiveService implements OnApplicationShutdown {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly chatLimiter = new RateLimiter(ChatLimits.perMinute, 60_000);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pool: WorkerPool,
    private readonly realtime: RealtimeService,
    private readonly sessions: SessionsService,
    private readonly sessionEvents: SessionEvents,
    private readonly cases: CasesService,
    private readonly recordings: RecordingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  room(sessionId: string): LiveRoom | undefined {
    return this.rooms.get(sessionId);
  }

  // ---- joining and leaving ---------------------------------------------------

  async join(client: LiveClient, req: JoinDto): Promise<JoinResponse> {
    const { session, membership } = await this.sessionAndMembership(req.sessionId, client.user.id);
    if (!session) throw notFound('sessionId is not a session');
    if (session.status === 'ended' || session.status === 'cancelled') {
      throw new LiveError(
        LiveErrorCode.Ended,
        `This session has ${session.status === 'ended' ? 'ended' : 'been cancelled'}`,
      );
    }
    if (!membership && !client.user.isAdmin) throw forbidden('You are not a member of this program');
    const role: ProgramRole | 'admin' = membership?.role ?? 'admin';

    const room = await this.openRoom(session);
    const known = room.store.participant(client.user.id);
    if (room.removed.has(client.user.id)) throw forbidden('A host removed you from this session');
    if (room.store.current.locked && !known && !HOST_ROLES.includes(role)) {
      throw new LiveError(LiveErrorCode.Locked, 'The room is locked');
    }
    client.host = HOST_ROLES.includes(role);
    // A socket asking again for the session it is in (to resync) keeps its place and attendance.
    const resync = client.sessionId === session.id && room.sockets.has(client.socketId);
    if (!resync) await this.register(client, room, role, membership);
    const media = await room.ensureMedia();
    const patches = req.sinceVersion === undefined ? null : room.store.since(req.sinceVersion);
    return {
      // No copy: the store never changes a state in place (each change makes a new one), so this one stays as
      // it is until it has been sent. A deep copy per join made a join storm quadratic in the room's size.
      state: patches ? null : room.store.current,
      patches: patches ?? [],
      routerRtpCapabilities: media.rtpCapabilities,
      mediaEpoch: room.mediaEpoch,
      you: { userId: client.user.id, host: client.host },
    };
  }

  /**
   * The session and the caller's membership of its program (with their site), read fresh on every join in one
   * query: a hundred people joining at once are a hundred queries on SQLite's one connection, not two hundred.
   */
  private async sessionAndMembership(
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

  /** Adds a socket to a room (leaving any other session first): attendance row, participant online. */
  private async register(
    client: LiveClient,
    room: LiveRoom,
    role: ProgramRole | 'admin',
    membership: Membership | null,
  ): Promise<void> {
    if (client.sessionId) await this.leave(client);
    const known = room.store.participant(client.user.id);
    client.sessionId = room.sessionId;
    room.sockets.set(client.socketId, client.user.id);
    // insert(): one INSERT outside a transaction. save() would add its change tracking and a transaction, which
    // on SQLite holds the one connection (database/sqlite-gate.ts): a hundred people joining at once would queue
    // every other statement (their sign-in checks included) behind a hundred transactions.
    const attendances = this.db.getRepository(Attendance);
    const attendance = attendances.create({
      sessionId: room.sessionId,
      userId: client.user.id,
      role,
      siteId: membership?.siteId ?? null,
      joinedAt: nowIso(),
      leftAt: null,
    });
    await attendances.insert(attendance); // its @BeforeInsert assigns the id
    client.attendanceId = attendance.id;
    room.publish(
      room.store.upsertParticipant({
        userId: client.user.id,
        displayName: client.user.displayName,
        role,
        siteId: membership?.siteId ?? null,
        siteName: membership?.site?.organisation ?? null,
        participationType: membership?.participationType ?? null,
        online: true,
        producers: known?.online ? known.producers : [],
        present: known?.present ?? null,
      }),
    );
  }

  /** A socket leaves (or drops): its attendance closes; the person stays listed, offline, until they return. */
  async leave(client: LiveClient): Promise<void> {
    const room = client.sessionId ? this.rooms.get(client.sessionId) : undefined;
    if (client.attendanceId) {
      await this.db
        .getRepository(Attendance)
        .update({ id: client.attendanceId, leftAt: IsNull() }, { leftAt: nowIso() });
    }
    client.sessionId = undefined;
    client.attendanceId = undefined;
    if (!room || !room.sockets.delete(client.socketId)) return;
    if (room.onlineUserIds().has(client.user.id)) return; // another tab is still there
    room.media?.closePeer(client.user.id);
    room.publish(room.store.updateParticipant(client.user.id, { online: false, producers: [] }));
    await room.updateVideoForwarding();
  }

  // ---- media -----------------------------------------------------------------

  async createTransport(client: LiveClient, direction: 'send' | 'recv'): Promise<TransportOptions> {
    const { room } = this.inRoom(client, { media: true });
    const options = await (await room.ensureMedia()).createTransport(client.user.id, direction);
    const turn = this.config.turn;
    return turn ? { ...options, iceServers: [turnCredentials(turn, client.user.id)] } : options;
  }

  async connectTransport(client: LiveClient, dto: ConnectTransportDto): Promise<void> {
    const media = await this.media(client);
    await media.connectTransport(client.user.id, dto.transportId, dto.dtlsParameters as ms.DtlsParameters);
  }

  async restartIce(client: LiveClient, transportId: string): Promise<{ iceParameters: unknown }> {
    const media = await this.media(client);
    return { iceParameters: await media.restartIce(client.user.id, transportId) };
  }

  async produce(client: LiveClient, dto: ProduceDto): Promise<{ producerId: string }> {
    const { room } = this.inRoom(client, { media: true });
    const media = await room.ensureMedia();
    const producer = await media.produce(
      client.user.id,
      dto.transportId,
      dto.kind,
      dto.rtpParameters as ms.RtpParameters,
      dto.source,
    );
    producer.observer.once('close', () => void this.syncProducers(room, client.user.id));
    await this.syncProducers(room, client.user.id);
    this.realtime.to(sessionRoom(room.sessionId), 'media:newProducer', {
      userId: client.user.id,
      producerId: producer.id,
      source: dto.source,
      kind: dto.kind,
    });
    return { producerId: producer.id };
  }

  async closeProducer(client: LiveClient, producerId: string): Promise<void> {
    (await this.media(client)).closeProducer(client.user.id, producerId);
  }

  async setProducerPaused(client: LiveClient, dto: ProducerStateDto): Promise<void> {
    const { room } = this.inRoom(client, { media: true });
    await (await room.ensureMedia()).setProducerPaused(client.user.id, dto.producerId, dto.paused);
    await this.syncProducers(room, client.user.id);
  }

  async consume(client: LiveClient, dto: ConsumeDto): Promise<ConsumerOptions> {
    const media = await this.media(client);
    return media.consume(client.user.id, dto.transportId, dto.producerId, dto.rtpCapabilities as ms.RtpCapabilities);
  }

  async resumeConsumer(client: LiveClient, consumerId: string): Promise<void> {
    await (await this.media(client)).resumeConsumer(client.user.id, consumerId);
  }

  async viewConsumer(client: LiveClient, dto: ConsumerViewDto): Promise<void> {
    await (await this.media(client)).viewConsumer(client.user.id, dto.consumerId, dto.visible, dto.height);
  }

  // ---- hands, chat, reactions -------------------------------------------------

  raiseHand(client: LiveClient): void {
    const { room } = this.inRoom(client);
    const { hands } = room.store.current;
    if (hands.some((h) => h.userId === client.user.id)) return;
    const hand = { userId: client.user.id, displayName: client.user.displayName, at: nowIso() };
    room.publish(room.store.change({ hands: [...hands, hand] }));
  }

  /** Lowers your own hand, or (hosts) anyone's: the facilitator works through the queue. */
  lowerHand(client: LiveClient, userId = client.user.id): void {
    const { room } = this.inRoom(client);
    if (userId !== client.user.id && !client.host) throw forbidden('Only a host may lower another hand');
    room.publish(room.store.change({ hands: room.store.current.hands.filter((h) => h.userId !== userId) }));
  }

  async chat(client: LiveClient, dto: ChatDto): Promise<ChatMessage> {
    const { room } = this.inRoom(client);
    if (!this.chatLimiter.hit(`${room.sessionId}|${client.user.id}`).allowed) {
      throw new LiveError(LiveErrorCode.RateLimited, `At most ${ChatLimits.perMinute} messages a minute`);
    }
    const text = dto.text.trim();
    if (!text) throw new LiveError(LiveErrorCode.Invalid, 'text must not be empty');
    // The chat is stored: it passes the de-identification gate like case text. Names of the people
    // taking part are not patients' names.
    const knownPeople = [client.user.displayName, ...room.store.current.participants.map((p) => p.displayName)];
    // Offsets are into the text as typed; the client trims too, so they match.
    const findings = await throughGate(() =>
      refuseUnconfirmed(
        scan(text, { knownPeople }).map((f) => ({ ...f, field: 'chat' as const })),
        (dto.confirmedSpans ?? []).map((span) => ({ ...span, field: 'chat' as const })),
      ),
    );
    const repo = this.db.getRepository(ChatMessageEntity);
    const saved = await repo.save(
      repo.create({
        sessionId: room.sessionId,
        userId: client.user.id,
        displayName: client.user.displayName,
        text,
        confirmedFindings: findings,
      }),
      NO_TX,
    );
    const message = toChatMessage(saved);
    room.publish(room.store.change({}, message));
    return message;
  }

  react(client: LiveClient, emoji: string): void {
    const { room } = this.inRoom(client);
    this.realtime.to(sessionRoom(room.sessionId), 'reaction', {
      userId: client.user.id,
      displayName: client.user.displayName,
      emoji,
      at: nowIso(),
    });
  }

  // ---- host controls ------------------------------------------------------------

  async open(client: LiveClient): Promise<void> {
    const { room } = this.inRoom(client, { host: true });
    const phase: LivePhase = room.store.current.phase === 'lobby' ? 'introductions' : room.store.current.phase;
    room.publish(room.store.change({ open: true, phase }));
    await this.db.getRepository(EchoSession).update({ id: room.sessionId }, { status: 'live' });
  }

  async setPhase(client: LiveClient, dto: PhaseDto): Promise<void> {
    const { room } = this.inRoom(client, { host: true });
    if (dto.phase === 'ended') throw new LiveError(LiveErrorCode.Invalid, 'use host:end to end the session');
    const slot = dto.slot ?? null;
    const item = slot === null ? undefined : room.agenda[slot];
    if (slot !== null && !item) throw new LiveError(LiveErrorCode.Invalid, `slot ${slot} is not in the agenda`);
    room.publish(
      room.store.change({
        phase: dto.phase,
        open: true,
        timer: { slot, startedAt: item ? nowIso() : null, seconds: (item?.minutes ?? 0) * 60 },
      }),
    );
    // Didactic slots record by themselves; any other phase stops the recording.
    await this.stopRecording(room);
    if (dto.phase === 'didactic' && item?.kind === 'didactic') {
      await this.startRecording(room, 'didactic', item.title, item.presenter?.displayName ?? '');
    }
  }

  /** Starts or stops recording by hand; a case is only recorded with everyone's consent (see openCase). */
  async record(client: LiveClient, on: boolean): Promise<void> {
    const { room } = this.inRoom(client, { host: true });
    if (!on) return this.stopRecording(room);
    if (room.store.current.liveCase || room.store.current.phase === 'cases') {
      throw forbidden(
        'Case discussions are not recorded without everyone’s consent (record consent, then open the case)',
      );
    }
    const slot = room.store.current.timer.slot;
    await this.startRecording(
      room,
      'manual',
      slot === null ? 'Session recording' : (room.agenda[slot]?.title ?? 'Session recording'),
      '',
    );
  }

  /** The facilitator records that everyone listed agreed to the next case being recorded. */
  recordConsent(client: LiveClient, userIds: string[]): void {
    const { room } = this.inRoom(client, { host: true });
    room.consent = { userIds, recordedBy: client.user.displayName, at: nowIso() };
  }

  private async startRecording(
    room: LiveRoom,
    kind: 'didactic' | 'case' | 'manual',
    title: string,
    presenterName: string,
  ) {
    const media = room.media;
    if (!media || media.closed || this.recordings.isRecording(room.sessionId)) return;
    const producers = media.allProducers();
    const s = room.store.current;
    const cameraOf = (userId: string | null) =>
      producers.find((p) => p.appData.userId === userId && p.appData.source === 'camera');
    const video =
      producers.find((p) => p.appData.source === 'screen') ??
      cameraOf(s.spotlightId) ??
      cameraOf(s.presenterId) ??
      cameraOf(s.activeSpeakerId) ??
      producers.find((p) => p.kind === 'video');
    try {
      await this.recordings.start({
        sessionId: room.sessionId,
        programId: room.programId,
        router: media.router,
        video,
        audio: producers.filter((p) => p.kind === 'audio'),
        kind,
        title,
        presenterName,
        consent: kind === 'case' ? room.consent : null,
        onFailed: (message) => this.recordingFailed(room, message),
      });
      room.onSpeakerChange = () => void this.recordings.keyFrame(room.sessionId);
      room.publish(room.store.change({ recording: true }));
    } catch (e) {
      this.recordingFailed(room, (e as Error).message);
    }
  }

  private async stopRecording(room: LiveRoom): Promise<void> {
    room.onSpeakerChange = undefined;
    await this.recordings.stop(room.sessionId);
    room.publish(room.store.change({ recording: false }));
  }

  /** A recorder failure stops the recording, never the session; the hosts are told why. */
  private recordingFailed(room: LiveRoom, message: string): void {
    room.publish(room.store.change({ recording: false }));
    for (const p of room.store.current.participants) {
      if (HOST_ROLES.includes(p.role)) this.realtime.to(`user:${p.userId}`, 'recording:failed', { message });
    }
  }

  async spotlight(client: LiveClient, userId: string | null, field: 'spotlightId' | 'presenterId'): Promise<void> {
    const { room } = this.inRoom(client, { host: true });
    if (userId && !room.store.participant(userId)) throw notFound('userId is not in this session');
    room.publish(room.store.change({ [field]: userId }));
    await room.updateVideoForwarding();
  }

  /** Mutes one person, or everyone but the hosts: their microphone producer is paused on the server. */
  async mute(client: LiveClient, userId?: string): Promise<void> {
    const { room } = this.inRoom(client, { host: true });
    if (userId && !room.store.participant(userId)) throw notFound('userId is not in this session');
    const hosts = new Set(
      room.store.current.participants.filter((p) => HOST_ROLES.includes(p.role)).map((p) => p.userId),
    );
    const targets = userId
      ? [userId]
      : room.store.current.participants.map((p) => p.userId).filter((id) => !hosts.has(id));
    const media = await room.ensureMedia();
    for (const target of targets) {
      if (await media.pauseSource(target, 'mic')) {
        await this.syncProducers(room, target);
        this.realtime.to(`user:${target}`, 'host:muted', { by: client.user.displayName });
      }
    }
  }

  async remove(client: LiveClient, userId: string): Promise<void> {
    const { room } = this.inRoom(client, { host: true });
    if (userId === client.user.id) throw new LiveError(LiveErrorCode.Invalid, 'you cannot remove yourself');
    if (!room.store.participant(userId)) throw notFound('userId is not in this session');
    room.removed.add(userId);
    this.realtime.to(`user:${userId}`, 'session:kicked', { reason: 'removed' });
    await this.realtime.leaveAll(userId, sessionRoom(room.sessionId));
    for (const [socketId, uid] of room.sockets) {
      if (uid === userId)
        await this.leave({ socketId, user: { ...client.user, id: userId }, sessionId: room.sessionId });
    }
    await this.closeOpenAttendance(room.sessionId, userId);
    const hands = room.store.current.hands.filter((h) => h.userId !== userId);
    room.publish(room.store.removeParticipant(userId, { hands }));
  }

  lock(client: LiveClient, locked: boolean): void {
    const { room } = this.inRoom(client, { host: true });
    room.publish(room.store.change({ locked }));
  }

  rollCall(client: LiveClient, userId: string, present: boolean): void {
    const { room } = this.inRoom(client, { host: true });
    if (!room.store.participant(userId)) throw notFound('userId is not in this session');
    room.publish(room.store.updateParticipant(userId, { present }));
  }

  // ---- the case flow: presentation, clarifying questions and recommendations (spokes first, then hub) ----

  async openCase(client: LiveClient, caseId: string): Promise<void> {
    const { room } = this.inRoom(client, { host: true });
    if (room.store.current.liveCase) throw new LiveError(LiveErrorCode.Invalid, 'close the current case first');
    const presented = await this.cases.startPresenting(room.sessionId, caseId);
    await this.stopRecording(room);
    const caseSlots = room.agenda.map((item, index) => ({ item, index })).filter((x) => x.item.kind === 'case');
    const slot = caseSlots[Math.max(0, (presented.position ?? 1) - 1)] ?? caseSlots[0];
    const minutes = slot?.item.minutes ?? 30;
    room.publish(
      room.store.change({
        phase: 'cases',
        open: true,
        timer: { slot: slot?.index ?? null, startedAt: nowIso(), seconds: minutes * 60 },
        presenterId: room.store.participant(presented.presenterId)
          ? presented.presenterId
          : room.store.current.presenterId,
        liveCase: {
          caseId,
          stage: 'presentation',
          stageStartedAt: nowIso(),
          stageSeconds: stageSeconds('presentation', minutes),
          notes: '',
        },
      }),
    );
    await room.updateVideoForwarding();
    // Recorded only when everyone present has consented.
    const online = room.onlineUserIds();
    if (room.consent && [...online].every((id) => room.consent?.userIds.includes(id))) {
      await this.startRecording(room, 'case', presented.title, '');
    }
    room.consent = null;
  }

  setCaseStage(client: LiveClient, stage: CaseStage): void {
    const { room } = this.inRoom(client, { host: true });
    const current = room.store.current.liveCase;
    if (!current) throw new LiveError(LiveErrorCode.Invalid, 'no case is open');
    const minutes = room.store.current.timer.seconds / 60 || 30;
    room.publish(
      room.store.change({
        liveCase: { ...current, stage, stageStartedAt: nowIso(), stageSeconds: stageSeconds(stage, minutes) },
      }),
    );
  }

  /** The shared recommendations editor: hosts and hub experts write, everyone sees. */
  setCaseNotes(client: LiveClient, text: string): void {
    const { room } = this.inRoom(client);
    const role = room.store.participant(client.user.id)?.role;
    if (!client.host && role !== 'expert') throw forbidden('Only the hub team writes the recommendations');
    const current = room.store.current.liveCase;
    if (!current) throw new LiveError(LiveErrorCode.Invalid, 'no case is open');
    room.publish(room.store.change({ liveCase: { ...current, notes: text } }));
  }

  /** Closes the case: its notes pass the de-identification gate and become its written recommendations. */
  async closeCase(client: LiveClient): Promise<void> {
    const { room } = this.inRoom(client, { host: true });
    const current = room.store.current.liveCase;
    if (!current) throw new LiveError(LiveErrorCode.Invalid, 'no case is open');
    await throughGate(() => this.cases.finishPresenting(current.caseId, current.notes, client.user));
    await this.stopRecording(room);
    room.publish(room.store.change({ liveCase: null, presenterId: null }));
    await room.updateVideoForwarding();
  }

  /** Ends the session for everyone: attendance closes, the room and its media go away. */
  async end(client: LiveClient): Promise<void> {
    const { room } = this.inRoom(client, { host: true });
    await this.stopRecording(room);
    room.publish(room.store.change({ phase: 'ended', endedAt: nowIso(), open: false }));
    this.realtime.to(sessionRoom(room.sessionId), 'session:kicked', { reason: 'ended' });
    await this.db.getRepository(EchoSession).update({ id: room.sessionId }, { status: 'ended' });
    await this.closeOpenAttendance(room.sessionId);
    room.close();
    this.rooms.delete(room.sessionId);
    await this.sessionEvents.ended(room.sessionId); // e.g. the post-session survey goes out
  }

  async onApplicationShutdown(): Promise<void> {
    for (const room of this.rooms.values()) {
      await this.recordings.stop(room.sessionId);
      await this.closeOpenAttendance(room.sessionId);
      room.close();
    }
    this.rooms.clear();
  }

  // ---- helpers ---------------------------------------------------------------------

  private async openRoom(session: EchoSession): Promise<LiveRoom> {
    const existing = this.rooms.get(session.id);
    if (existing) return existing;
    const chat = await this.db
      .getRepository(ChatMessageEntity)
      .find({ where: { sessionId: session.id }, order: { createdAt: 'ASC' }, take: 1000 });
    const { agenda } = await this.sessions.get(session.id, null);
    // Another join may have opened it while we read.
    const raced = this.rooms.get(session.id);
    if (raced) return raced;
    const room = new LiveRoom(
      session.id,
      session.programId,
      agenda,
      new RoomStateStore(session.id, chat.map(toChatMessage)),
      this.pool,
      this.realtime,
      this.config.mediasoup.lastN,
    );
    this.rooms.set(session.id, room);
    return room;
  }

  /** The caller's room, checking they joined it, are past the lobby (for media) and are a host (for commands). */
  private inRoom(client: LiveClient, need: { media?: boolean; host?: boolean } = {}): { room: LiveRoom } {
    const room = client.sessionId ? this.rooms.get(client.sessionId) : undefined;
    if (!room || !room.sockets.has(client.socketId)) {
      throw new LiveError(LiveErrorCode.NotJoined, 'Join a session first (session:join)');
    }
    if (need.host && !client.host) throw forbidden('Only the facilitator or coordinator may do this');
    if (need.media && !room.store.current.open) {
      const role = room.store.participant(client.user.id)?.role;
      if (!role || !HUB_ROLES.includes(role)) {
        throw new LiveError(LiveErrorCode.Lobby, 'Waiting for the facilitator to open the session');
      }
    }
    return { room };
  }

  private async media(client: LiveClient) {
    return this.inRoom(client, { media: true }).room.ensureMedia();
  }

  /** Copies a person's open producers into the room state and re-applies last-N. */
  private async syncProducers(room: LiveRoom, userId: string): Promise<void> {
    const media = room.media;
    if (!media || media.closed) return;
    const producers = media.producersOf(userId).map((p) => ({
      id: p.id,
      source: p.appData.source as 'mic' | 'camera' | 'screen',
      paused: p.paused,
    }));
    room.publish(room.store.updateParticipant(userId, { producers }));
    await room.updateVideoForwarding();
  }

  private async closeOpenAttendance(sessionId: string, userId?: string): Promise<void> {
    await this.db
      .getRepository(Attendance)
      .update({ sessionId, leftAt: IsNull(), ...(userId ? { userId } : {}) }, { leftAt: nowIso() });
  }
}

/** Share of a case slot each stage gets: most for the presentation and the hub's recommendations. */
const STAGE_SHARE: Record<CaseStage, number> = {
  presentation: 0.25,
  'clarifying-spokes': 0.15,
  'clarifying-hub': 0.15,
  'recommendations-spokes': 0.15,
  'recommendations-hub': 0.2,
  summary: 0.1,
};
const stageSeconds = (stage: CaseStage, slotMinutes: number) => Math.round(STAGE_SHARE[stage] * slotMinutes * 60);

const toChatMessage = (m: ChatMessageEntity): ChatMessage => ({
  id: m.id,
  userId: m.userId,
  displayName: m.displayName,
  text: m.text,
  at: m.createdAt,
});

/** Runs a write through the de-identification gate; its refusal (422) becomes the live error an ack carries. */
async function throughGate<T>(write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof UnprocessableEntityException) {
      throw new LiveError(LiveErrorCode.IdentifiersFound, (e.getResponse() as { message: string }).message);
    }
    throw e;
  }
}
