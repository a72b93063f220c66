import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@echo-hub/protocol';
import { LiveErrorCode } from '@echo-hub/protocol';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { DomainError } from '../common/domain-error';
import { fieldErrors } from '../common/validation';
import { CommunityAccessService, WatchDto } from '../community';
import { RoomRegistry } from './room-registry';
import { RealtimeService } from '../realtime/realtime.service';
import { RightsService } from '../realtime/rights.service';
import { SOCKET_SERVER_OPTIONS } from '../realtime/shared-encoding';
import {
  CaseIdDto,
  ConsentDto,
  RecordDto,
  CaseNotesDto,
  CaseStageDto,
  ChatDto,
  ConnectTransportDto,
  ConsumeDto,
  ConsumerIdDto,
  ConsumerViewDto,
  CreateTransportDto,
  EmptyDto,
  JoinDto,
  LockDto,
  AdmitDto,
  LobbyMessageDto,
  MuteDto,
  OptionalTargetDto,
  PhaseDto,
  ProduceDto,
  QualityReportDto,
  ProducerIdDto,
  ProducerStateDto,
  ReactionDto,
  RollCallDto,
  SpotlightDto,
  StageDto,
  WebinarDto,
  TargetDto,
  TransportIdDto,
} from './dto/live.dto';
import { LiveAgenda } from './agenda';
import { LiveBreakouts } from './breakouts';
import { BreakoutBroadcastDto, BreakoutHelpDto, BreakoutMoveDto, BreakoutStartDto } from './dto/breakout.dto';
import { FacilitatorControls } from './facilitator-controls';
import { LiveHands } from './hands';
import { PollAnswerDto, PollIdDto, PollQuestionDto } from './dto/poll.dto';
import { LivePolls } from './polls';
import { CaptionDto, CaptionerDto } from './dto/caption.dto';
import { LiveCaptions } from './captions';
import { LiveCases } from './live-cases';
import { LiveChat } from './live-chat';
import { LiveQuality } from './connection-quality';
import { LiveMedia } from './live-media';
import { type BridgedCall, LiveBridge } from './live-bridge';
import { sessionRoom } from './live-room';
import { ackCode, LiveError } from './live.errors';
import type { LiveClient } from './live.types';
import { LEASE_MS, OwnerLeases, RENEW_MS } from './owner-lease';
import { LiveParticipants } from './participants';
import { RoomLifecycle } from './room-lifecycle';
import { RoomRecording } from './room-recording';
import { LiveStage } from './stage';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { client: LiveClient }>;
type DtoClass<T> = new () => T;
/** The events of a live session (routed to its owner instance); community events stay on the socket's instance. */
type LiveEvent = Exclude<keyof ClientToServerEvents, `community:${string}`>;
interface LiveHandler {
  dto: DtoClass<object>;
  handle: (client: LiveClient, dto: object) => Promise<unknown>;
}

/**
 * The one authenticated socket.io gateway. The handshake carries the same access token as
 * REST (`auth: { token }`). Each event validates its payload into a DTO, runs one call of the live
 * part it belongs to (participants, media, hands, chat, agenda, facilitator controls, recording,
 * cases, lifecycle), which checks its permission, and acknowledges `{ ok, data } | { ok: false, error }`:
 * errors never change anything and never reach the socket as exceptions. With several instances (REDIS_URL)
 * a live event runs on the session's owner instance: here, or bridged to it (`live()`; docs/architecture.md).
 */
@WebSocketGateway(SOCKET_SERVER_OPTIONS)
export class LiveGateway implements OnGatewayInit, OnGatewayDisconnect, OnApplicationShutdown {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly events: Record<LiveEvent, LiveHandler>;
  /** On the owner: the clients of sockets connected to other instances, by socket id (bridged to here). */
  private readonly remote = new Map<string, LiveClient>();
  private server?: Server<ClientToServerEvents, ServerToClientEvents>;
  private watch?: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    private readonly participants: LiveParticipants,
    private readonly lifecycle: RoomLifecycle,
    private readonly media: LiveMedia,
    private readonly hands: LiveHands,
    private readonly liveChat: LiveChat,
    private readonly agenda: LiveAgenda,
    private readonly controls: FacilitatorControls,
    private readonly recording: RoomRecording,
    private readonly cases: LiveCases,
    private readonly realtime: RealtimeService,
    private readonly community: CommunityAccessService,
    private readonly leases: OwnerLeases,
    private readonly bridge: LiveBridge,
    private readonly rooms: RoomRegistry,
    private readonly quality: LiveQuality,
    private readonly rights: RightsService,
    private readonly polls: LivePolls,
    private readonly breakouts: LiveBreakouts,
    private readonly captions: LiveCaptions,
    private readonly stage: LiveStage,
  ) {
    // A right ended somewhere (sign-out, removal, program deleted): the rooms this instance runs drop the person.
    rights.on('lost', (lost) => {
      this.participants.rightsLost(lost).catch((e: Error) => this.logger.error(`rights lost: ${e.message}`));
    });
    this.events = {
      'session:join': on(JoinDto, async (c, dto) => {
        const joined = await this.participants.join(c, dto);
        await this.realtime.join(c.socketId, sessionRoom(dto.sessionId));
        return joined;
      }),
      'session:leave': on(EmptyDto, async (c) => {
        const sessionId = c.sessionId;
        await this.participants.leave(c);
        if (sessionId) await this.realtime.leave(c.socketId, sessionRoom(sessionId));
      }),
      'media:createTransport': on(CreateTransportDto, (c, dto) => this.media.createTransport(c, dto.direction)),
      'media:connectTransport': on(ConnectTransportDto, (c, dto) => this.media.connectTransport(c, dto)),
      'media:restartIce': on(TransportIdDto, (c, dto) => this.media.restartIce(c, dto.transportId)),
      'media:produce': on(ProduceDto, (c, dto) => this.media.produce(c, dto)),
      'media:closeProducer': on(ProducerIdDto, (c, dto) => this.media.closeProducer(c, dto.producerId)),
      'media:setProducerPaused': on(ProducerStateDto, (c, dto) => this.media.setProducerPaused(c, dto)),
      'media:consume': on(ConsumeDto, (c, dto) => this.media.consume(c, dto)),
      'media:resumeConsumer': on(ConsumerIdDto, (c, dto) => this.media.resumeConsumer(c, dto.consumerId)),
      'media:viewConsumer': on(ConsumerViewDto, (c, dto) => this.media.viewConsumer(c, dto)),
      'hand:raise': on(EmptyDto, (c) => this.hands.raise(c)),
      'hand:lower': on(OptionalTargetDto, (c, dto) => this.hands.lower(c, dto.userId)),
      'chat:send': on(ChatDto, (c, dto) => this.liveChat.send(c, dto)),
      'poll:list': on(EmptyDto, (c) => this.polls.list(c)),
      'poll:ask': on(PollQuestionDto, (c, dto) => this.polls.ask(c, dto)),
      'poll:launch': on(PollIdDto, (c, dto) => this.polls.launch(c, dto.pollId)),
      'poll:answer': on(PollAnswerDto, (c, dto) => this.polls.answer(c, dto)),
      'poll:close': on(PollIdDto, (c, dto) => this.polls.close(c, dto.pollId)),
      'poll:share': on(PollIdDto, (c, dto) => this.polls.share(c, dto.pollId)),
      'reaction:send': on(ReactionDto, (c, dto) => this.liveChat.react(c, dto.emoji)),
      'host:open': on(EmptyDto, (c) => this.lifecycle.open(c)),
      'host:phase': on(PhaseDto, (c, dto) => this.agenda.setPhase(c, dto)),
      'host:spotlight': on(SpotlightDto, (c, dto) => this.controls.spotlight(c, dto.userId, 'spotlightId')),
      'host:presenter': on(SpotlightDto, (c, dto) => this.controls.spotlight(c, dto.userId, 'presenterId')),
      'host:mute': on(MuteDto, (c, dto) => this.controls.mute(c, dto.userId)),
      'host:remove': on(TargetDto, (c, dto) => this.participants.remove(c, dto.userId)),
      'host:lock': on(LockDto, (c, dto) => this.participants.lock(c, dto.locked)),
      'host:admit': on(AdmitDto, (c, dto) => this.participants.admit(c, dto.userIds)),
      'host:lobbyMessage': on(LobbyMessageDto, (c, dto) => this.participants.lobbyMessage(c, dto.text)),
      'host:rollCall': on(RollCallDto, (c, dto) => this.controls.rollCall(c, dto.userId, dto.present)),
      'host:webinar': on(WebinarDto, (c, dto) => this.stage.setWebinar(c, dto.on)),
      'host:stage': on(StageDto, (c, dto) => this.stage.setStage(c, dto.userId, dto.on)),
      'host:end': on(EmptyDto, (c) => this.lifecycle.end(c)),
      'host:openCase': on(CaseIdDto, (c, dto) => this.cases.open(c, dto.caseId)),
      'host:caseStage': on(CaseStageDto, (c, dto) => this.cases.setStage(c, dto.stage)),
      'case:notes': on(CaseNotesDto, (c, dto) => this.cases.setNotes(c, dto.text)),
      'host:closeCase': on(EmptyDto, (c) => this.cases.close(c)),
      'host:record': on(RecordDto, (c, dto) => this.recording.record(c, dto.on)),
      'host:recordConsent': on(ConsentDto, (c, dto) => this.recording.recordConsent(c, dto.userIds)),
      'quality:report': on(QualityReportDto, (c, dto) => this.quality.report(c, dto)),
      'host:quality': on(EmptyDto, (c) => this.quality.list(c)),
      'breakout:start': on(BreakoutStartDto, (c, dto) => this.breakouts.start(c, dto)),
      'breakout:end': on(EmptyDto, (c) => this.breakouts.end(c)),
      'breakout:broadcast': on(BreakoutBroadcastDto, (c, dto) => this.breakouts.broadcast(c, dto.text)),
      'breakout:move': on(BreakoutMoveDto, (c, dto) => this.breakouts.move(c, dto.userId, dto.roomId ?? null)),
      'breakout:help': on(BreakoutHelpDto, (c, dto) => this.breakouts.help(c, dto.on)),
      'host:captioner': on(CaptionerDto, (c, dto) => this.captions.assign(c, dto.userId)),
      'host:autoCaptions': on(RecordDto, (c, dto) => this.captions.setAuto(c, dto.on)),
      'caption:send': on(CaptionDto, (c, dto) => this.captions.send(c, dto.text, dto.final ?? true)),
    };
  }

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents>): void {
    this.realtime.attach(server);
    this.server = server;
    if (this.leases.shared) {
      void this.bridge.listen((call) => this.answer(call));
      this.watch = setInterval(() => {
        this.checkOwners().catch((e: Error) => this.logger.error(`owner check failed: ${e.message}`));
      }, RENEW_MS).unref();
    }
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      this.auth.authenticate(typeof token === 'string' ? token : undefined).then(
        (user) => {
          (socket as LiveSocket).data.client = { socketId: socket.id, user };
          this.rights.known(user, { isAdmin: user.isAdmin, role: null }); // just read: a join storm reads it once
          // By person and by sign-in: a lost right closes the sockets concerned, on whichever instance they are.
          void socket.join([`user:${user.id}`, `auth:${user.sessionId}`]);
          next();
        },
        () => next(new Error('UNAUTHORIZED: sign in and connect with auth.token')),
      );
    });
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    const client = socket.data.client;
    if (!client) return;
    if (client.owner) {
      await this.bridge.call(client.owner, {
        socketId: client.socketId,
        user: client.user,
        sessionId: client.sessionId!,
        event: 'disconnect',
        body: {},
      });
      return;
    }
    await this.participants.leave(client).catch((e: Error) => this.logger.error(`leave failed: ${e.message}`));
  }

  onApplicationShutdown(): void {
    clearInterval(this.watch);
  }

  @SubscribeMessage('session:join')
  join(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'session:join', body);
  }

  @SubscribeMessage('session:leave')
  leave(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'session:leave', body);
  }

  @SubscribeMessage('media:createTransport')
  createTransport(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'media:createTransport', body);
  }

  @SubscribeMessage('media:connectTransport')
  connectTransport(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'media:connectTransport', body);
  }

  @SubscribeMessage('media:restartIce')
  restartIce(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'media:restartIce', body);
  }

  @SubscribeMessage('media:produce')
  produce(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'media:produce', body);
  }

  @SubscribeMessage('media:closeProducer')
  closeProducer(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'media:closeProducer', body);
  }

  @SubscribeMessage('media:setProducerPaused')
  setProducerPaused(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'media:setProducerPaused', body);
  }

  @SubscribeMessage('media:consume')
  consume(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'media:consume', body);
  }

  @SubscribeMessage('media:resumeConsumer')
  resumeConsumer(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'media:resumeConsumer', body);
  }

  @SubscribeMessage('media:viewConsumer')
  viewConsumer(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'media:viewConsumer', body);
  }

  @SubscribeMessage('hand:raise')
  raiseHand(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'hand:raise', body);
  }

  @SubscribeMessage('hand:lower')
  lowerHand(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'hand:lower', body);
  }

  @SubscribeMessage('chat:send')
  chat(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'chat:send', body);
  }

  @SubscribeMessage('reaction:send')
  react(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'reaction:send', body);
  }

  @SubscribeMessage('host:open')
  open(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:open', body);
  }

  @SubscribeMessage('host:phase')
  phase(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:phase', body);
  }

  @SubscribeMessage('host:spotlight')
  spotlight(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:spotlight', body);
  }

  @SubscribeMessage('host:presenter')
  presenter(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:presenter', body);
  }

  @SubscribeMessage('host:mute')
  mute(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:mute', body);
  }

  @SubscribeMessage('host:remove')
  remove(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:remove', body);
  }

  @SubscribeMessage('host:lock')
  lock(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:lock', body);
  }

  @SubscribeMessage('host:admit')
  admit(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:admit', body);
  }

  @SubscribeMessage('host:lobbyMessage')
  lobbyMessage(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:lobbyMessage', body);
  }

  @SubscribeMessage('host:rollCall')
  rollCall(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:rollCall', body);
  }

  @SubscribeMessage('host:webinar')
  webinar(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:webinar', body);
  }

  @SubscribeMessage('host:stage')
  setStage(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:stage', body);
  }

  @SubscribeMessage('host:end')
  end(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:end', body);
  }

  @SubscribeMessage('host:openCase')
  openCase(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:openCase', body);
  }

  @SubscribeMessage('host:caseStage')
  caseStage(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:caseStage', body);
  }

  @SubscribeMessage('case:notes')
  caseNotes(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'case:notes', body);
  }

  @SubscribeMessage('host:closeCase')
  closeCase(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:closeCase', body);
  }

  @SubscribeMessage('host:record')
  record(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:record', body);
  }

  @SubscribeMessage('host:recordConsent')
  recordConsent(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:recordConsent', body);
  }

  @SubscribeMessage('quality:report')
  qualityReport(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'quality:report', body);
  }

  @SubscribeMessage('host:quality')
  hostQuality(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:quality', body);
  }

  @SubscribeMessage('poll:list')
  pollList(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'poll:list', body);
  }

  @SubscribeMessage('poll:ask')
  pollAsk(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'poll:ask', body);
  }

  @SubscribeMessage('poll:launch')
  pollLaunch(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'poll:launch', body);
  }

  @SubscribeMessage('poll:answer')
  pollAnswer(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'poll:answer', body);
  }

  @SubscribeMessage('poll:close')
  pollClose(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'poll:close', body);
  }

  @SubscribeMessage('poll:share')
  pollShare(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'poll:share', body);
  }

  @SubscribeMessage('breakout:start')
  breakoutStart(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'breakout:start', body);
  }

  @SubscribeMessage('breakout:end')
  breakoutEnd(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'breakout:end', body);
  }

  @SubscribeMessage('breakout:broadcast')
  breakoutBroadcast(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'breakout:broadcast', body);
  }

  @SubscribeMessage('breakout:move')
  breakoutMove(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'breakout:move', body);
  }

  @SubscribeMessage('breakout:help')
  breakoutHelp(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'breakout:help', body);
  }

  @SubscribeMessage('host:captioner')
  hostCaptioner(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:captioner', body);
  }

  @SubscribeMessage('host:autoCaptions')
  hostAutoCaptions(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'host:autoCaptions', body);
  }

  @SubscribeMessage('caption:send')
  captionSend(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.live(s, 'caption:send', body);
  }

  /** Community: watch a thread or a group the caller may read; its new posts, edits and reactions arrive live. */
  @SubscribeMessage('community:watch')
  communityWatch(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, WatchDto, body, async (c, dto) => {
      const watch = await this.community.watchRoom(c.user, dto);
      if ('denied' in watch) {
        const why = watch.denied === 'INVALID_PAYLOAD' ? 'give threadId or groupId' : 'you may not read it';
        throw new LiveError(watch.denied, why);
      }
      await s.join(watch.room);
    });
  }

  @SubscribeMessage('community:unwatch')
  communityUnwatch(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, WatchDto, body, async (_c, dto) => {
      if (dto.threadId) await s.leave(`thread:${dto.threadId}`);
      if (dto.groupId) await s.leave(`group:${dto.groupId}`);
    });
  }

  /**
   * A live event of a socket connected here: run here when this instance owns the session (taking the lease
   * when nobody holds it), else forwarded over the bridge to the owner, whose acknowledgement is the answer.
   */
  private live(s: LiveSocket, event: LiveEvent, body: unknown): Promise<Ack<unknown>> {
    return this.acked(async () => {
      const { dto, handle } = this.events[event];
      const valid = validate(dto, body);
      const client = await this.signedIn(s);
      const sessionId = event === 'session:join' ? (valid as JoinDto).sessionId : client.sessionId;
      if (!sessionId || !this.leases.shared) return { ok: true, data: await handle(client, valid) };
      if (event === 'session:join' && client.sessionId && client.sessionId !== sessionId) {
        await this.live(s, 'session:leave', {});
      }
      for (let attempt = 0; ; attempt++) {
        const owner = await this.leases.claim(sessionId);
        if (owner === this.leases.instanceId) {
          if (event === 'session:join') client.owner = undefined;
          try {
            return { ok: true, data: await handle(client, valid) };
          } catch (e) {
            // A refused call (no such session, not a member, session ended) opened no room here: the lease taken
            // for it goes, or an instance would renew leases for nothing (and anyone could pile them up).
            if (!this.rooms.get(sessionId)) await this.leases.release(sessionId);
            throw e;
          }
        }
        const call = { socketId: client.socketId, user: client.user, sessionId, event, body: valid };
        const ack = await this.bridge.call(owner, call);
        if (ack) {
          if (ack.ok) await this.bridged(s, event, sessionId, owner);
          return ack;
        }
        // The owner does not answer: it may have died (its lease expires unless it renews it; then whoever claims
        // the session first, this instance in the next round, owns it), or it lost the lease meanwhile.
        if (attempt > 0 || !(await this.ownerGone(sessionId, owner))) {
          throw new LiveError(LiveErrorCode.Media, 'The instance running this session is not answering; try again');
        }
      }
    });
  }

  /** Keeps on a bridged socket (here) what the owner did for it: its session and the session's room. */
  private async bridged(s: LiveSocket, event: LiveEvent, sessionId: string, owner: string): Promise<void> {
    const client = s.data.client;
    if (event === 'session:join') {
      Object.assign(client, { sessionId, owner });
      await s.join(sessionRoom(sessionId));
    } else if (event === 'session:leave') {
      Object.assign(client, { sessionId: undefined, owner: undefined });
      await s.leave(sessionRoom(sessionId));
    }
  }

  /** Waits (a lease's lifetime at most) for `owner` to lose the session's lease; true when it did. */
  private async ownerGone(sessionId: string, owner: string): Promise<boolean> {
    for (let waited = 0; waited <= LEASE_MS + RENEW_MS; waited += 250) {
      if ((await this.leases.owner(sessionId)) !== owner) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  }

  /**
   * The owner's side of the bridge: runs a call of a socket connected to another instance. A live event runs only
   * while this instance still owns the session (null: not run, the caller asks who owns it now); a lease lost
   * between the caller's claim and here would otherwise open a second room beside the new owner's.
   */
  private async answer(call: BridgedCall): Promise<Ack<unknown> | null> {
    if (call.event !== 'disconnect' && (await this.leases.owner(call.sessionId)) !== this.leases.instanceId) {
      return null;
    }
    let client = this.remote.get(call.socketId);
    if (!client) {
      client = { socketId: call.socketId, user: call.user };
      this.remote.set(call.socketId, client);
    }
    const remote = client;
    if (call.event === 'disconnect') {
      this.remote.delete(call.socketId);
      return this.acked(async () => ({ ok: true, data: await this.participants.leave(remote) }));
    }
    const entry = this.events[call.event as LiveEvent];
    if (!entry) return { ok: false, error: { code: LiveErrorCode.Invalid, message: `unknown event ${call.event}` } };
    return this.acked(async () => ({ ok: true, data: await entry.handle(remote, validate(entry.dto, call.body)) }));
  }

  /**
   * Every RENEW_MS, with Redis: sockets here bridged to an owner that lost its lease (it died) are disconnected,
   * so their clients reconnect and rejoin (the web client does that by itself) on whichever instance takes the
   * session over; and clients of sockets gone from other instances (that instance died) leave the owner's rooms.
   */
  private async checkOwners(): Promise<void> {
    const bridged = [...(this.server?.sockets.sockets.values() ?? [])].filter((s) => s.data.client?.owner);
    const owners = new Map<string, string | null>();
    for (const s of bridged) {
      const { sessionId, owner } = s.data.client;
      if (!owners.has(sessionId!)) owners.set(sessionId!, await this.leases.owner(sessionId!));
      if (owners.get(sessionId!) !== owner) s.disconnect(true);
    }
    if (this.remote.size === 0 || !this.server) return;
    const alive = new Set((await this.server.in([...this.remote.keys()]).fetchSockets()).map((s) => s.id));
    for (const [socketId, client] of this.remote) {
      if (alive.has(socketId)) continue;
      this.remote.delete(socketId);
      await this.participants.leave(client);
    }
  }

  /** Validates the payload and runs the handler, on a socket of this instance (community events). */
  private run<T extends object, R>(
    socket: LiveSocket,
    dto: DtoClass<T>,
    body: unknown,
    handler: (client: LiveClient, dto: T) => Promise<R>,
  ): Promise<Ack<R>> {
    return this.acked(async () => {
      const valid = validate(dto, body);
      return { ok: true, data: await handler(await this.signedIn(socket), valid) };
    });
  }

  /** The socket's client while its sign-in lasts; an ended one is refused and its socket closed. */
  private async signedIn(socket: LiveSocket): Promise<LiveClient> {
    const client = socket.data.client;
    if (await this.rights.current(client.user)) return client;
    socket.disconnect(true);
    throw new LiveError(LiveErrorCode.Forbidden, 'This sign-in has ended: sign in again');
  }

  /** Turns any failure into an error acknowledgement. */
  private async acked<R>(run: () => Promise<Ack<R>>): Promise<Ack<R>> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: { code: ackCode(e), message: e.message } };
      this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      return { ok: false, error: { code: LiveErrorCode.Media, message: 'The server could not do that' } };
    }
  }
}

/** The payload as its DTO, or a LiveError naming every bad field. */
function validate<T extends object>(dto: DtoClass<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new LiveError(LiveErrorCode.Invalid, 'payload must be an object');
  }
  const instance = plainToInstance(dto, body);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  if (errors.length) {
    throw new LiveError(
      LiveErrorCode.Invalid,
      fieldErrors(errors)
        .flatMap((f) => f.messages)
        .join('; '),
    );
  }
  return instance;
}

/** A live event and its payload's DTO, typed together. */
const on = <T extends object>(
  dto: DtoClass<T>,
  handle: (client: LiveClient, dto: T) => Promise<unknown>,
): LiveHandler => ({ dto, handle: (client, valid) => handle(client, valid as T) });
