import type { AuditEntryDto } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

/** One moderator action (or a removal by anyone): the community's audit log. Never updated or deleted. */
@Entity('community_audit')
@Index(['programId', 'createdAt'])
export class AuditEntry extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 36, nullable: true })
  groupId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  threadId: string | null;

  /** null: the system (e.g. a post hidden after enough flags). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 20 })
  targetType: AuditEntryDto['targetType'];

  @Column({ type: 'varchar', length: 36 })
  targetId: string;

  @Column({ type: 'text', default: '' })
  detail: string;
}
