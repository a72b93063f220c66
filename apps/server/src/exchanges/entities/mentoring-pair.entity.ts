import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { Program } from '../../programs/entities/program.entity';

/** A mentor and a mentee of a program; their meetings are learning activities of kind `mentoring`. */
@Entity('mentoring_pair')
export class MentoringPair extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 36 })
  mentorId: string;

  @Column({ type: 'varchar', length: 36 })
  menteeId: string;

  @Column({ type: 'text', default: '' })
  goals: string;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;
}
