import { Module } from '@nestjs/common';
import { CasesModule } from '../cases';
import { CommunityModule } from '../community';
import { HealthModule } from '../health/health.module';
import { MediaModule } from '../media';
import { RecordingsModule } from '../recordings';
import { SessionsModule } from '../sessions';
import { LiveAgenda } from './agenda';
import { LiveBreakouts } from './breakouts';
import { LiveAttendance } from './attendance';
import { FacilitatorControls } from './facilitator-controls';
import { LiveCases } from './live-cases';
import { LiveChat } from './live-chat';
import { LiveQuality } from './connection-quality';
import { LiveBridge } from './live-bridge';
import { LiveMedia } from './live-media';
import { LiveHands } from './hands';
import { PollRecords } from './poll.records';
import { LivePolls } from './polls';
import { LiveCaptions } from './captions';
import { PollsController } from './polls.controller';
import { PreparedPolls } from './prepared-polls';
import { LiveGateway } from './live.gateway';
import { LiveRecords } from './live.records';
import { OwnerLeases } from './owner-lease';
import { LiveParticipants } from './participants';
import { RoomLifecycle } from './room-lifecycle';
import { RoomRecording } from './room-recording';
import { RoomRegistry } from './room-registry';
import { LiveStage } from './stage';
import { RedisService } from '../redis/redis.service';
import { RedisRoomStore } from './redis-room-store';
import { DbRoomStore } from './db-room-store';
import { LiveRecovery } from './live-recovery';
import { ROOM_STORE } from './room-store';

/**
 * Live sessions: the gateway and the parts it calls, around the room registry. The room store is one provider:
 * in Redis when instances share one (REDIS_URL), else in this process's memory and kept in the database.
 */
@Module({
  imports: [MediaModule, SessionsModule, CasesModule, RecordingsModule, CommunityModule, HealthModule],
  controllers: [PollsController],
  providers: [
    {
      provide: ROOM_STORE,
      inject: [RedisService, LiveRecords],
      useFactory: (redis: RedisService, records: LiveRecords) =>
        redis.client ? new RedisRoomStore(redis.client) : new DbRoomStore(records),
    },
    OwnerLeases,
    LiveBridge,
    RoomRegistry,
    LiveRecords,
    LiveAttendance,
    RoomRecording,
    RoomLifecycle,
    LiveParticipants,
    LiveMedia,
    LiveHands,
    LiveStage,
    LiveChat,
    LiveAgenda,
    FacilitatorControls,
    LiveCases,
    LiveQuality,
    PollRecords,
    LivePolls,
    LiveBreakouts,
    LiveCaptions,
    PreparedPolls,
    LiveGateway,
    LiveRecovery,
  ],
  exports: [RoomRegistry, LiveParticipants],
})
export class LiveModule {}
