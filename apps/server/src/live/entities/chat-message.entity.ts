import type { FieldFinding } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { EchoSession } from '../../sessions';

/** In-session chat, kept so a restart or reconnect loses nothing. */
@Entity('chat_message')
@Index(['sessionId', 'createdAt'])
export class ChatMessageEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => EchoSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'text' })
  text: string;

  /** Possible identifiers the sender confirmed as not identifying anyone (sender and time are the row's). */
  @Column({ type: 'simple-json', default: '[]' })
  confirmedFindings: FieldFinding[];
}
