import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, PrimaryColumn } from 'typeorm';

/**
 * Times are stored as ISO 8601 UTC strings (`2026-03-29T11:30:00.000Z`): portable between
 * SQLite and PostgreSQL and ordered correctly as text.
 */
export const TimestampColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'varchar', length: 30, nullable: options.nullable ?? false });

export const nowIso = () => new Date().toISOString();

/** UUID primary key assigned in code, so it is known before the insert. */
export abstract class BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @TimestampColumn()
  createdAt: string;

  @BeforeInsert()
  protected assignIdAndTimestamp(): void {
    this.id ??= randomUUID();
    this.createdAt ??= nowIso();
  }
}
