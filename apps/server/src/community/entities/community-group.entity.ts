import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

/** A peer-support group inside a program: open to all its members, or private with its own members. */
@Entity('community_group')
export class CommunityGroup extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'boolean', default: false })
  isPrivate: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;
}
