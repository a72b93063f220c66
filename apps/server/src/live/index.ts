// The live feature's public surface: the live session gateway and the rows it keeps.
export { Attendance } from './entities/attendance.entity';
export { ChatMessageEntity } from './entities/chat-message.entity';
export { LiveRoomSnapshot } from './entities/live-room-snapshot.entity';
export { Poll, PollAnswer } from './entities/poll.entity';
export { LiveModule } from './live.module';
export { LiveParticipants } from './participants';
