import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../database/columns';

@Entity('user')
export class User extends BaseEntity {
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  isAdmin: boolean;

  /** Secret in the personal calendar feed URL. */
  @Column({ type: 'varchar', length: 64 })
  calendarToken: string;
}
