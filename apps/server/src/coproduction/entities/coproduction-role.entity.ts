import type { CoproductionRole } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { CommunityGroup } from '../../community';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';
import { EchoSession } from '../../sessions';

/** Someone's co-production role on one session, or in one community group (exactly one of the two is set). */
@Entity('coproduction_role')
@Index(['sessionId', 'userId'], { unique: true })
@Index(['groupId', 'userId'], { unique: true })
export class CoproductionRoleEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @ManyToOne(() => EchoSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: EchoSession;

  @Column({ type: 'varchar', length: 36, nullable: true })
  groupId: string | null;

  @ManyToOne(() => CommunityGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: CommunityGroup;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  role: CoproductionRole;

  @Column({ type: 'varchar', length: 36 })
  assignedBy: string;
}
