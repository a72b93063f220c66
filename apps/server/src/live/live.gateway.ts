import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@echo-hub/protocol';
import { LiveErrorCode } from '@echo-hub/protocol';
import { Logger } from '@nestjs/common';
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
import { fieldErrors } from '../common/validation';
import { CommunityAccessService } from '../community/community-access.service';
import { WatchDto } from '../community/dto/community.dto';
import { MediaError } from '../media';
import { RealtimeService } from '../realtime/realtime.service';
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
  MuteDto,
  OptionalTargetDto,
  PhaseDto,
  ProduceDto,
  ProducerIdDto,
  ProducerStateDto,
  ReactionDto,
  RollCallDto,
  SpotlightDto,
  TargetDto,
  TransportIdDto,
} from './dto/live.dto';
import { LiveAgenda } from './agenda';
import { FacilitatorControls } from './facilitator-controls';
import { LiveHands } from './hands';
import { LiveCases } from './live-cases';
import { LiveChat } from './live-chat';
import { LiveMedia } from './live-media';
import { LiveError } from './live.errors';
import type { LiveClient } from './live.types';
import { LiveParticipants } from './participants';
import { RoomLifecycle } from './room-lifecycle';
import { RoomRecording } from './room-recording';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { client: LiveClient }>;
type DtoClass<T> = new () => T;

/**
 * The one authenticated socket.io gateway. The handshake carries the same access token as
 * REST (`auth: { token }`). Each event validates its payload into a DTO, runs one call of the live
 * part it belongs to (participants, media, hands, chat, agenda, facilitator controls, recording,
 * cases, lifecycle), which checks its permission, and acknowledges `{ ok, data } | { ok: false, error }`:
 * errors never change anything and never reach the socket as exceptions.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false, cors: false })
export class LiveGateway implements OnGatewayInit, OnGatewayDisconnect {
  private readonly logger = new Logger(LiveGateway.name);

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
  ) {}

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents>): void {
    this.realtime.attach(server);
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      this.auth.authenticate(typeof token === 'string' ? token : undefined).then(
        (user) => {
          (socket as LiveSocket).data.client = { socketId: socket.id, user };
          void socket.join(`user:${user.id}`);
          next();
        },
        () => next(new Error('UNAUTHORIZED: sign in and connect with auth.token')),
      );
    });
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    const client = socket.data.client;
    if (client)
      await this.participants.leave(client).catch((e: Error) => this.logger.error(`leave failed: ${e.message}`));
  }

  @SubscribeMessage('session:join')
  join(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, JoinDto, body, async (c, dto) => {
      const joined = await this.participants.join(c, dto);
      await s.join(`session:${dto.sessionId}`);
      return joined;
    });
  }

  @SubscribeMessage('session:leave')
  leave(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, EmptyDto, body, async (c) => {
      const sessionId = c.sessionId;
      await this.participants.leave(c);
      if (sessionId) await s.leave(`session:${sessionId}`);
    });
  }

  @SubscribeMessage('media:createTransport')
  createTransport(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, CreateTransportDto, body, (c, dto) => this.media.createTransport(c, dto.direction));
  }

  @SubscribeMessage('media:connectTransport')
  connectTransport(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ConnectTransportDto, body, (c, dto) => this.media.connectTransport(c, dto));
  }

  @SubscribeMessage('media:restartIce')
  restartIce(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, TransportIdDto, body, (c, dto) => this.media.restartIce(c, dto.transportId));
  }

  @SubscribeMessage('media:produce')
  produce(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ProduceDto, body, (c, dto) => this.media.produce(c, dto));
  }

  @SubscribeMessage('media:closeProducer')
  closeProducer(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ProducerIdDto, body, (c, dto) => this.media.closeProducer(c, dto.producerId));
  }

  @SubscribeMessage('media:setProducerPaused')
  setProducerPaused(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ProducerStateDto, body, (c, dto) => this.media.setProducerPaused(c, dto));
  }

  @SubscribeMessage('media:consume')
  consume(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ConsumeDto, body, (c, dto) => this.media.consume(c, dto));
  }

  @SubscribeMessage('media:resumeConsumer')
  resumeConsumer(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ConsumerIdDto, body, (c, dto) => this.media.resumeConsumer(c, dto.consumerId));
  }

  @SubscribeMessage('media:viewConsumer')
  viewConsumer(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ConsumerViewDto, body, (c, dto) => this.media.viewConsumer(c, dto));
  }

  @SubscribeMessage('hand:raise')
  raiseHand(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, EmptyDto, body, (c) => this.hands.raise(c));
  }

  @SubscribeMessage('hand:lower')
  lowerHand(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, OptionalTargetDto, body, (c, dto) => this.hands.lower(c, dto.userId));
  }

  @SubscribeMessage('chat:send')
  chat(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ChatDto, body, (c, dto) => this.liveChat.send(c, dto));
  }

  @SubscribeMessage('reaction:send')
  react(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ReactionDto, body, (c, dto) => this.liveChat.react(c, dto.emoji));
  }

  @SubscribeMessage('host:open')
  open(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, EmptyDto, body, (c) => this.lifecycle.open(c));
  }

  @SubscribeMessage('host:phase')
  phase(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, PhaseDto, body, (c, dto) => this.agenda.setPhase(c, dto));
  }

  @SubscribeMessage('host:spotlight')
  spotlight(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, SpotlightDto, body, (c, dto) => this.controls.spotlight(c, dto.userId, 'spotlightId'));
  }

  @SubscribeMessage('host:presenter')
  presenter(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, SpotlightDto, body, (c, dto) => this.controls.spotlight(c, dto.userId, 'presenterId'));
  }

  @SubscribeMessage('host:mute')
  mute(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, MuteDto, body, (c, dto) => this.controls.mute(c, dto.userId));
  }

  @SubscribeMessage('host:remove')
  remove(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, TargetDto, body, (c, dto) => this.participants.remove(c, dto.userId));
  }

  @SubscribeMessage('host:lock')
  lock(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, LockDto, body, (c, dto) => this.participants.lock(c, dto.locked));
  }

  @SubscribeMessage('host:rollCall')
  rollCall(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, RollCallDto, body, (c, dto) => this.controls.rollCall(c, dto.userId, dto.present));
  }

  @SubscribeMessage('host:end')
  end(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, EmptyDto, body, (c) => this.lifecycle.end(c));
  }

  @SubscribeMessage('host:openCase')
  openCase(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, CaseIdDto, body, (c, dto) => this.cases.open(c, dto.caseId));
  }

  @SubscribeMessage('host:caseStage')
  caseStage(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, CaseStageDto, body, (c, dto) => this.cases.setStage(c, dto.stage));
  }

  @SubscribeMessage('case:notes')
  caseNotes(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, CaseNotesDto, body, (c, dto) => this.cases.setNotes(c, dto.text));
  }

  @SubscribeMessage('host:closeCase')
  closeCase(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, EmptyDto, body, (c) => this.cases.close(c));
  }

  @SubscribeMessage('host:record')
  record(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, RecordDto, body, (c, dto) => this.recording.record(c, dto.on));
  }

  @SubscribeMessage('host:recordConsent')
  recordConsent(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.run(s, ConsentDto, body, (c, dto) => this.recording.recordConsent(c, dto.userIds));
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

  /** Validates the payload, runs the handler, and turns any failure into an error acknowledgement. */
  private async run<T extends object, R>(
    socket: LiveSocket,
    dto: DtoClass<T>,
    body: unknown,
    handler: (client: LiveClient, dto: T) => Promise<R>,
  ): Promise<Ack<R>> {
    try {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new LiveError(LiveErrorCode.Invalid, 'payload must be an object');
      }
      const instance = plainToInstance(dto, body);
      const errors = validateSync(instance, {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: false,
      });
      if (errors.length) {
        const message = fieldErrors(errors)
          .flatMap((f) => f.messages)
          .join('; ');
        throw new LiveError(LiveErrorCode.Invalid, message);
      }
      return { ok: true, data: await handler(socket.data.client, instance) };
    } catch (e) {
      if (e instanceof LiveError || e instanceof MediaError) {
        return { ok: false, error: { code: e.code, message: e.message } };
      }
      this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      return { ok: false, error: { code: LiveErrorCode.Media, message: 'The server could not do that' } };
    }
  }
}
