import type { AgendaItemKind } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity } from '../../database/columns';
import { EchoSession } from './echo-session.entity';

/** A didactic slot or a case slot, in order. */
@Entity('agenda_item')
export class AgendaItem extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @ManyToOne(() => EchoSession, (s) => s.agenda, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 10 })
  kind: AgendaItemKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  presenterId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'presenter_id' })
  presenter?: User;

  /** Stored file name under DATA_DIR/slides, and the name it was uploaded as. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  slidesFile: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  slidesName: string | null;
}
