import { type ConsumerOptions, onStage, sameMediaScope, type TransportOptions } from '@echo-hub/protocol';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type MediaRoom, type ms, turnCredentials } from '../media';
import { RealtimeService } from '../realtime/realtime.service';
import type { ConnectTransportDto, ConsumeDto, ConsumerViewDto, ProduceDto, ProducerStateDto } from './dto/live.dto';
import { type LiveRoom, sessionRoom } from './live-room';
import { forbidden } from './live.errors';
import type { LiveClient } from './live.types';
import { RoomRegistry } from './room-registry';
import { updateParticipant } from './room-state';

/**
 * Media signalling for people past the lobby: transports, producers and consumers on the room's MediaRoom (the
 * media module's). Who produces what is copied into the room state, so everyone sees it and last-N follows.
 */
@Injectable()
export class LiveMedia {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A transport, with fresh TURN credentials for this participant alone when TURN is configured. */
  async createTransport(client: LiveClient, direction: 'send' | 'recv'): Promise<TransportOptions> {
    if (direction === 'send') await this.mustBeOnStage(client);
    const options = await (await this.media(client)).createTransport(client.user.id, direction);
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
    const room = await this.mustBeOnStage(client);
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
    room.onProducer?.();
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
    const room = await this.rooms.joined(client, { media: true });
    await (await room.ensureMedia()).setProducerPaused(client.user.id, dto.producerId, dto.paused);
    await this.syncProducers(room, client.user.id);
  }

  async consume(client: LiveClient, dto: ConsumeDto): Promise<ConsumerOptions> {
    const room = await this.rooms.joined(client, { media: true });
    const media = await room.ensureMedia();
    const ownerId = media.producer(dto.producerId)?.appData.userId as string | undefined;
    if (ownerId && !sameMediaScope(await room.state(), client.user.id, ownerId)) {
      throw forbidden('producerId is in another breakout room');
    }
    return media.consume(client.user.id, dto.transportId, dto.producerId, dto.rtpCapabilities as ms.RtpCapabilities);
  }

  async resumeConsumer(client: LiveClient, consumerId: string): Promise<void> {
    await (await this.media(client)).resumeConsumer(client.user.id, consumerId);
  }

  async viewConsumer(client: LiveClient, dto: ConsumerViewDto): Promise<void> {
    await (await this.media(client)).viewConsumer(client.user.id, dto.consumerId, dto.visible, dto.height);
  }

  /** Copies a person's open producers into the room state and re-applies last-N. */
  async syncProducers(room: LiveRoom, userId: string): Promise<void> {
    const media = room.media;
    if (!media || media.closed) return;
    const producers = media.producersOf(userId).map((p) => ({
      id: p.id,
      source: p.appData.source as 'mic' | 'camera' | 'screen',
      paused: p.paused,
    }));
    await room.change(({ state }) => updateParticipant(state, userId, { producers }));
    await room.updateVideoForwarding();
  }

  /** In a webinar only the stage sends media (stage.ts); viewers receive. */
  private async mustBeOnStage(client: LiveClient): Promise<LiveRoom> {
    const room = await this.rooms.joined(client, { media: true });
    if (!onStage(await room.state(), client.user.id)) {
      throw forbidden('In a webinar only the people on stage send audio and video: raise your hand to be brought on');
    }
    return room;
  }

  private async media(client: LiveClient): Promise<MediaRoom> {
    return (await this.rooms.joined(client, { media: true })).ensureMedia();
  }
}
