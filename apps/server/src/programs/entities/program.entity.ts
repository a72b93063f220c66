import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../database/columns';

/** An ECHO series, e.g. "Social Prescribing ECHO". */
@Entity('program')
export class Program extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  topic: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  targetAudience: string;

  @Column({ type: 'integer', nullable: true })
  learningTarget: number | null;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Secret in the program calendar feed URL. */
  @Column({ type: 'varchar', length: 64 })
  calendarToken: string;
}
