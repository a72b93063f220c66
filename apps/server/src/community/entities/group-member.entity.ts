import type { GroupRole } from '@echo-hub/protocol';
import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity } from '../../database/columns';
import { CommunityGroup } from './community-group.entity';

/** A member (or moderator) of a group: every member of a private group, and the moderators of open ones. */
@Entity('community_group_member')
@Unique(['groupId', 'userId'])
export class GroupMember extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  groupId: string;

  @ManyToOne(() => CommunityGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: CommunityGroup;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  role: GroupRole;
}
