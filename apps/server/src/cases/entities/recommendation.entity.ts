import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity } from '../../database/columns';
import { EchoCase } from './echo-case.entity';

/** Written recommendations from the hub for a case. */
@Entity('recommendation')
export class Recommendation extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @ManyToOne(() => EchoCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: EchoCase;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'text' })
  body: string;
}
