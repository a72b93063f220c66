import { Column, Entity } from 'typeorm';
import { BaseEntity, TimestampColumn } from '../../database/columns';

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

  /** Set by an instance admin: the account cannot sign in and its sign-ins have ended. */
  @TimestampColumn({ nullable: true })
  disabledAt: string | null;

  /** Set when the person's data was erased: the row stays, anonymous, for the figures that count it. */
  @TimestampColumn({ nullable: true })
  erasedAt: string | null;
}
