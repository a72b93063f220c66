import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns';

/**
 * The shared state of a live room that is open (one instance, no Redis): written as it changes, read back when the
 * hub starts again after a crash, so phase, lock, hands, spotlight, timer and recording survive. The chat is not
 * in it (it is in chat_message); the row goes when the session ends.
 */
@Entity('live_room_snapshot')
export class LiveRoomSnapshot {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  sessionId: string;

  /** The SharedRoom as JSON, with an empty chat. */
  @Column({ type: 'text' })
  room: string;

  @TimestampColumn()
  updatedAt: string;
}
