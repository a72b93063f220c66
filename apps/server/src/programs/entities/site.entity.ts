import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { Program } from './program.entity';

/** A spoke site: the clinic or organisation participants join from. */
@Entity('site')
export class Site extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  programId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'varchar', length: 200 })
  organisation: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  locality: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  country: string;
}
