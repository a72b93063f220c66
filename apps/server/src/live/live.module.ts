import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CommunityModule } from '../community/community.module';
import { MediaModule } from '../media';
import { RecordingsModule } from '../recordings/recordings.module';
import { SessionsModule } from '../sessions/sessions.module';
import { LiveAgenda } from './agenda';
import { LiveAttendance } from './attendance';
import { FacilitatorControls } from './facilitator-controls';
import { LiveCases } from './live-cases';
import { LiveChat } from './live-chat';
import { LiveMedia } from './live-media';
import { LiveHands } from './hands';
import { LiveGateway } from './live.gateway';
import { LiveRecords } from './live.records';
import { LiveParticipants } from './participants';
import { RoomLifecycle } from './room-lifecycle';
import { RoomRecording } from './room-recording';
import { RoomRegistry } from './room-registry';
import { MemoryRoomStore, ROOM_STORE } from './room-store';

/**
 * Live sessions: the gateway and the parts it calls, around the room registry. The room store is one provider:
 * a store shared by instances replaces MemoryRoomStore here.
 */
@Module({
  imports: [MediaModule, SessionsModule, CasesModule, RecordingsModule, CommunityModule],
  providers: [
    { provide: ROOM_STORE, useClass: MemoryRoomStore },
    RoomRegistry,
    LiveRecords,
    LiveAttendance,
    RoomRecording,
    RoomLifecycle,
    LiveParticipants,
    LiveMedia,
    LiveHands,
    LiveChat,
    LiveAgenda,
    FacilitatorControls,
    LiveCases,
    LiveGateway,
  ],
  exports: [RoomRegistry],
})
export class LiveModule {}
