import type { CaseAttachmentDto } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { EchoCase } from './echo-case.entity';

/** An image or PDF attached to a case (file under DATA_DIR/cases), read with the same rights as the case. */
@Entity('case_attachment')
export class CaseAttachment extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @ManyToOne(() => EchoCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: EchoCase;

  /** Who uploaded the file, and so confirmed it identifies nobody. */
  @Column({ type: 'varchar', length: 36 })
  uploaderId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'uploader_id' })
  uploader?: User;

  /** When the uploader confirmed they removed or covered everything that identifies the patient. */
  @TimestampColumn()
  confirmedAt: string;

  @Column({ type: 'varchar', length: 64 })
  storedName: string;

  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ type: 'integer' })
  size: number;
}

export const caseAttachmentDto = (
  a: CaseAttachment,
  uploaderName = a.uploader?.displayName ?? '',
): CaseAttachmentDto => ({
  id: a.id,
  caseId: a.caseId,
  name: a.originalName,
  mimeType: a.mimeType,
  size: a.size,
  uploadedBy: { id: a.uploaderId, displayName: uploaderName },
  confirmedAt: a.confirmedAt,
  createdAt: a.createdAt,
});
