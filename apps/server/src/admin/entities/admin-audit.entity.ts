import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../database/columns';

/** One action of an instance admin on an account (the hub-wide audit log). Never updated or deleted. */
@Entity('admin_audit')
@Index(['createdAt'])
export class AdminAuditEntry extends BaseEntity {
  /** The admin who acted; null once that admin's account was erased. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  /** The account acted on. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  targetUserId: string | null;

  /** What changed, without personal data (no e-mail addresses or names). */
  @Column({ type: 'text', default: '' })
  detail: string;
}
